import type { Feature } from '@/lib/overlay/feature';
import { withShortcut } from '@/lib/overlay/shortcuts';
import { i18n } from '#i18n';
import { AUGMENTED_KINDS } from '@/lib/arxiv/page-kinds';
import { onAnnotationChange } from '@/lib/overlay/annotation-changes';
import { addEntryButtons, onEntryButton } from '@/lib/overlay/entry-buttons';
import { buttonControl, type EntryButtonSpec } from '@/lib/overlay/entry-controls';

/**
 * A star toggle on every entry: a real button whose accessible name stays "Star" and whose state
 * is `aria-pressed` (the ARIA toggle-button pattern), so screen readers announce "Star, toggle
 * button, pressed". The glyph comes from CSS on `aria-pressed`, so a change is one attribute.
 */
function starButton(): EntryButtonSpec {
  const label = i18n.t('overlay.entry.star');
  const title = withShortcut(label, 'star');
  return { className: 'sift-star', label, title, kind: 'toggle' };
}

export const star: Feature = {
  id: 'star',
  include: AUGMENTED_KINDS,
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html', 'abs-2602.22195.html'],
  controls: () => [buttonControl(starButton())],
  init({ signal, state, session, entries, document }) {
    const buttons = addEntryButtons(entries, document, starButton());

    onAnnotationChange(state, entries, signal, (entry, annotation) => {
      buttons[entry.index]?.setAttribute('aria-pressed', String(Boolean(annotation?.starred)));
    });

    onEntryButton(document, entries, 'sift-star', signal, (entry) => void session.toggleStar(entry.paper));
  },
};
