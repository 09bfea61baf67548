import { i18n } from '#i18n';
import { DEFAULT_TAG_COLOR } from '@/lib/overlay/colors';

export interface TagChipsProps {
  tags: readonly string[];
  colors: ReadonlyMap<string, string>;
}

/** A paper's tags as coloured chips, in a list so screen readers count them. */
export function TagChips({ tags, colors }: TagChipsProps) {
  if (tags.length === 0) return null;
  return (
    <ul class="chips" aria-label={i18n.t('overlay.tagChips.label')}>
      {tags.map((tag) => (
        <li key={tag} class="chip" style={{ '--chip': colors.get(tag) ?? DEFAULT_TAG_COLOR }}>
          {tag}
        </li>
      ))}
    </ul>
  );
}
