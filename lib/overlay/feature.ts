import type { ArxivPage, PageKind } from '@/lib/arxiv/types';
import type { ListingSession } from './session';
import type { Navigator } from './navigator';
import type { ListingState } from './listing-state';
import type { EntryIndex } from './entry-index';
import type { Notifier } from './notify';
import type { Dialogs } from './dialogs';
import type { Selection } from './selection';
import type { OnScreen } from './on-screen';
import type { EntryControl } from './entry-controls';

/** What every feature's `init` receives. Listeners and observers take `signal`, so teardown is free. */
export interface FeatureContext {
  signal: AbortSignal;
  page: ArxivPage;
  state: ListingState;
  /** The listing's conversation with the store: every action goes through it. */
  session: ListingSession;
  entries: EntryIndex;
  document: Document;
  /** Shows errors and confirmations from event handlers inline. */
  notify: Notifier;
  /** The keyboard's focused entry and moves, shared with the toolbar's "Continue". */
  navigator: Navigator;
  /** Opens the overlay's dialogs (tags, note, help, rules). */
  dialogs: Dialogs;
  /** Moves keyboard focus to the toolbar's text filter (no-op where there is no toolbar). */
  focusFilter(): void;
  /** The papers picked for bulk work, shared with the overlay's selection bar. */
  selection: Selection;
  /** Which entries are in the viewport, measured once per frame that moved them. */
  onScreen: OnScreen;
}

/** One user-visible feature of the listing overlay (refined-github style: one per file). */
export interface Feature {
  id: string;
  /** Page kinds the feature runs on. */
  include: readonly PageKind[];
  /** Fixtures the feature was checked against (tests/fixtures names); a meta-test verifies them. */
  checkedOn: readonly string[];
  /**
   * The controls the feature puts in every entry, in its own order, so that the content script can
   * put them there while the page streams in; `init` takes them up by class (`addEntryControls`).
   */
  controls?: () => readonly EntryControl[];
  init(context: FeatureContext): void | Promise<void>;
}
