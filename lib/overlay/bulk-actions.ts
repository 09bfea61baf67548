import { signal, type ReadonlySignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { ArxivId, Paper } from '@/lib/arxiv/types';
import type { ExportFormatId, ExportOptions } from '@/lib/export/options';
import type { TextFile } from '@/lib/platform/save-file';
import { callApi, type SendMessage } from '@/lib/store/client';
import { blankAnnotation, type ListingState } from './listing-state';
import { toPaperMeta, type ListingSession } from './session';

/** The one bulk action that can be undone now, named for its Undo button. */
export interface UndoOffer {
  readonly label: string;
}

export interface BulkActions {
  readonly undo: ReadonlySignal<UndoOffer | undefined>;
  star(papers: readonly Paper[], starred: boolean): Promise<void>;
  hide(papers: readonly Paper[]): Promise<void>;
  tag(papers: readonly Paper[], tag: string): Promise<void>;
  markSeen(papers: readonly Paper[]): void;
  /** Puts back what the last bulk action changed, through the session. */
  runUndo(): Promise<void>;
}

/**
 * Star, hide, tag and mark seen many papers at once, each as one store message (the session sends
 * the whole list), with one undo: the papers' annotations before the action are kept, and the undo
 * reverses the change only on the papers it changed, so a paper starred before stays starred.
 */
export function createBulkActions(session: ListingSession, state: ListingState): BulkActions {
  const undo = signal<(UndoOffer & { run(): Promise<unknown> }) | undefined>(undefined);
  const before = (papers: readonly Paper[]) => papers.map((paper) => ({ paper, was: state.annotationOf(paper.id) ?? blankAnnotation(paper.id) }));
  const offer = (label: string, run: () => Promise<unknown>) => void (undo.value = { label, run });

  return {
    undo,
    async star(papers, starred) {
      const changed = before(papers).filter(({ was }) => was.starred !== starred).map(({ paper }) => paper);
      if (await session.star(papers, starred)) offer(i18n.t(starred ? 'overlay.undo.star' : 'overlay.undo.unstar'), () => session.star(changed, !starred, { marksSeen: false }));
    },
    async hide(papers) {
      const changed = before(papers).filter(({ was }) => !was.hidden).map(({ paper }) => paper);
      if (await session.hide(papers, true)) offer(i18n.t('overlay.undo.hide'), () => session.hide(changed, false));
    },
    async tag(papers, tag) {
      const name = tag.trim();
      const changed = before(papers).filter(({ was }) => !was.tags.includes(name)).map(({ paper }) => paper);
      if (await session.tag(papers, name, true)) offer(i18n.t('overlay.undo.tag', { name }), () => session.tag(changed, name, false));
    },
    markSeen(papers) {
      const fresh: ArxivId[] = papers.map((paper) => paper.id).filter((id) => !state.seen.peek().has(id));
      session.markSeen(fresh);
      offer(i18n.t('overlay.undo.markSeen'), () => session.unmarkSeen(fresh));
    },
    async runUndo() {
      const current = undo.peek();
      if (!current) return;
      undo.value = undefined;
      await current.run();
    },
  };
}

/**
 * The export file of listing papers in `format`, with the reader's tags and notes from `state`
 * (written only when `options` say so, as the export preferences decide). The background writes
 * it (`export.build`), so the listing carries no exporter; rejects with the background's reason.
 *
 * @example (await toListingExport([paper], state, 'bibtex', options)).name // 'arxiv-sift-2026-02-27.bib'
 */
export function toListingExport(papers: readonly Paper[], state: ListingState, format: ExportFormatId, options: ExportOptions, send?: SendMessage): Promise<TextFile> {
  const records = papers.map((paper) => {
    const annotation = state.annotationOf(paper.id);
    return { meta: toPaperMeta(paper), tags: annotation?.tags ?? [], ...(annotation?.note !== undefined && { note: annotation.note }) };
  });
  return callApi('export.build', { papers: records, format, options }, send);
}
