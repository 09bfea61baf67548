import { computed, effect } from '@preact/signals';
import type { Feature } from '@/lib/overlay/feature';
import { withShortcut } from '@/lib/overlay/shortcuts';
import { i18n } from '#i18n';
import { kindsWhere } from '@/lib/arxiv/page-kinds';
import { readableTex } from '@/lib/arxiv/tex-text';
import { addEntryButtons, onEntryButton } from '@/lib/overlay/entry-buttons';
import { buttonControl, type EntryButtonSpec } from '@/lib/overlay/entry-controls';
import type { Entry } from '@/lib/overlay/entry-index';
import type { ArxivId } from '@/lib/arxiv/types';

/**
 * A "Hide" toggle on every entry. A hidden entry collapses to one line: the stylesheet hides all
 * of it but its head (a listing's `dt`, a search result's id line), which shows the title as
 * plain text and an Undo button, built only for hidden entries. An entry a hide rule hides says
 * which rule; its Undo keeps that paper shown. "Show hidden" in the toolbar reveals them all.
 */
function hideButton(): EntryButtonSpec {
  const label = i18n.t('overlay.entry.hide');
  const title = withShortcut(label, 'hide');
  return { className: 'sift-hide', label, title, kind: 'toggle' };
}

export const hide: Feature = {
  id: 'hide',
  include: kindsWhere((traits) => traits.collapsible),
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html', 'search-results.html'],
  controls: () => [buttonControl(hideButton())],
  init({ signal, state, session, entries, document }) {
    const buttons = addEntryButtons(entries, document, hideButton());
    const collapsed = new Map<number, { line: HTMLElement; reason: string }>();

    function summaryOf(entry: Entry, reason: string): HTMLElement {
      const summary = document.createElement('span');
      summary.className = 'sift-collapsed';
      summary.setAttribute('data-sift-ui', '');
      if (reason) {
        const why = document.createElement('span');
        why.className = 'sift-collapsed-reason';
        why.textContent = reason;
        summary.append(why);
      }
      const titleLine = document.createElement('span');
      titleLine.className = 'sift-collapsed-title';
      titleLine.textContent = readableTex(entry.paper.title);
      const undo = document.createElement('button');
      undo.type = 'button';
      undo.classList.add('sift-btn', 'sift-undo');
      undo.textContent = i18n.t('overlay.entry.undo');
      undo.setAttribute('aria-label', i18n.t(reason ? 'overlay.entry.showTitled' : 'overlay.entry.undoHideTitled', { title: readableTex(entry.paper.title) }));
      summary.append(titleLine, undo);
      return summary;
    }

    /** Why each hidden paper is hidden: '' when the reader hid it, the rules' names when rules did. */
    const reasons = computed(() => {
      const out = new Map<ArxivId, string>();
      const names = new Map(state.rules.value.map((rule) => [rule.id, rule.label || rule.pattern]));
      const quoted = (ruleId: string) => i18n.t('overlay.entry.ruleName', { name: names.get(ruleId) ?? ruleId });
      for (const [id, ruleIds] of state.ruleHidden.value) out.set(id, i18n.t('overlay.entry.hiddenByRules', { rules: ruleIds.map(quoted).join(', ') }));
      for (const [id, annotation] of state.annotations.value) if (annotation.hidden) out.set(id, '');
      return out;
    });

    function show(entry: Entry, reason: string | undefined) {
      buttons[entry.index]?.setAttribute('aria-pressed', String(reason !== undefined));
      collapsed.get(entry.index)?.line.remove();
      collapsed.delete(entry.index);
      if (reason === undefined) return;
      const line = summaryOf(entry, reason);
      entry.controls.after(line);
      collapsed.set(entry.index, { line, reason });
    }

    // Only entries whose reason changed are touched: a hide in one of 2000 entries is one entry's DOM.
    let previous: ReadonlyMap<ArxivId, string> = new Map();
    const dispose = effect(() => {
      const next = reasons.value;
      for (const [id, reason] of next) if (previous.get(id) !== reason) entries.byId(id).forEach((entry) => show(entry, reason));
      for (const id of previous.keys()) if (!next.has(id)) entries.byId(id).forEach((entry) => show(entry, undefined));
      previous = next;
    });
    signal.addEventListener('abort', () => {
      dispose();
      collapsed.forEach(({ line }) => line.remove());
    });

    const toggle = async (entry: Entry, refocus: boolean) => {
      const saved = await session.toggleHidden(entry.paper);
      if (saved && refocus) buttons[entry.index]?.focus();
    };
    onEntryButton(document, entries, 'sift-hide', signal, (entry) => void toggle(entry, false));
    // Undo removes its own button, so focus moves back to the entry's Hide toggle.
    onEntryButton(document, entries, 'sift-undo', signal, (entry) => void toggle(entry, true));
  },
};
