/**
 * What the reading list's export covers: the selection, or else the list as the reader sees it,
 * which is every paper unless a search or filter narrows it to the papers shown.
 */

import { i18n } from '#i18n';

/** The reader's choice in the export controls: the selection, or the list. */
export type ScopeChoice = 'selection' | 'list';

/** What an export covers once the choice meets the page's state. */
export type ExportScope = 'selection' | 'shown' | 'all';

export interface ScopeState {
  choice: ScopeChoice;
  selected: number;
  /** Whether a search or filter hides papers (see `isNarrowed`). */
  narrowed: boolean;
}

/**
 * The scope an export covers: the selection when chosen and not empty; otherwise the papers shown
 * when a search or filter is active, and every paper when none is, so the export never holds
 * papers the reader has filtered away without saying so.
 *
 * @example exportScopeOf({ choice: 'list', selected: 0, narrowed: true }) // 'shown'
 */
export function exportScopeOf({ choice, selected, narrowed }: ScopeState): ExportScope {
  if (choice === 'selection' && selected > 0) return 'selection';
  return narrowed ? 'shown' : 'all';
}

/** The choice a scope stands for in the controls. */
export function choiceOf(scope: ExportScope): ScopeChoice {
  return scope === 'selection' ? 'selection' : 'list';
}

/**
 * The records `scope` covers, in the order given: `shown` as the list shows them, `all` and the
 * selection in the list's sort over every paper. Each list is computed by the caller only when
 * asked, since sorting 100,000 papers for a scope not in use is wasted work.
 */
export function recordsInScope<T>(scope: ExportScope, lists: { selection(): readonly T[]; shown(): readonly T[]; all(): readonly T[] }): readonly T[] {
  return scope === 'selection' ? lists.selection() : scope === 'shown' ? lists.shown() : lists.all();
}

/** How the controls and messages name the list choice: `3 shown` while narrowed, else `All papers (5)`. */
export function listScopeLabel(narrowed: boolean, shown: number, total: number): string {
  return narrowed ? i18n.t('readingList.scope.shown', shown) : i18n.t('readingList.scope.all', [total]);
}
