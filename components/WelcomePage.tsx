import { i18n } from '#i18n';
import { fillSlots } from '@/lib/extension-pages/message-slots';
import { SHORTCUTS, type ShortcutCommand } from '@/lib/overlay/shortcuts';
import type { CategoryGroup } from '@/lib/settings/categories';

/** The keys a new reader needs on day one, in the order they are used; the rest are behind `?`. */
const FIRST_KEYS: readonly ShortcutCommand[] = ['next', 'previous', 'star', 'hide', 'help'];

export interface WelcomePageProps {
  /** The extension's icon and a screenshot of an augmented listing. */
  iconUrl: string;
  screenshotUrl: string;
  categoryGroups: readonly CategoryGroup[];
  /** The category the listing button opens; `undefined` until storage has answered. */
  category: string | undefined;
  /** Where the listing button goes for `category`. */
  listingUrl(category: string): string;
  onCategoryChange(category: string): void;
  onOpenReadingList(): void;
  /** Why saving the category failed, if it did. */
  error?: string | undefined;
}

/**
 * The first-run page: what Sift adds, the five keys, where the data lives, and the way to
 * today's listing of a category the reader picks. Short enough to read in a minute.
 */
export function WelcomePage({ iconUrl, screenshotUrl, categoryGroups, category, listingUrl, onCategoryChange, onOpenReadingList, error }: WelcomePageProps) {
  const keys = FIRST_KEYS.flatMap((command) => SHORTCUTS.filter((shortcut) => shortcut.command === command));
  return (
    <div class="page welcome">
      <header class="masthead">
        <img src={iconUrl} alt="" width={32} height={32} />
        <h1>{i18n.t('welcome.heading')}</h1>
      </header>
      <main>
        <p class="lead">{i18n.t('welcome.lead')}</p>

        <section aria-labelledby="welcome-adds">
          <h2 id="welcome-adds">{i18n.t('welcome.adds.heading')}</h2>
          <ul class="adds">
            <li>
              {fillSlots((marks) => i18n.t('welcome.adds.marks', marks), {
                star: <strong>{i18n.t('welcome.adds.star')}</strong>,
                hide: <strong>{i18n.t('welcome.adds.hide')}</strong>,
                tag: <strong>{i18n.t('welcome.adds.tag')}</strong>,
                note: <strong>{i18n.t('welcome.adds.note')}</strong>,
              })}
            </li>
            <li>{i18n.t('welcome.adds.unseen')}</li>
            <li>{fillSlots((marks) => i18n.t('welcome.adds.rules', marks), { rules: <strong>{i18n.t('welcome.adds.rulesWord')}</strong> })}</li>
            <li>
              {fillSlots((marks) => i18n.t('welcome.adds.readingList', marks), {
                readingList: <strong>{i18n.t('welcome.adds.readingListWords')}</strong>,
              })}
            </li>
          </ul>
          <figure>
            <img src={screenshotUrl} alt={i18n.t('welcome.adds.screenshotAlt')} width={1280} height={1000} />
            <figcaption>{i18n.t('welcome.adds.caption')}</figcaption>
          </figure>
        </section>

        <section aria-labelledby="welcome-keys">
          <h2 id="welcome-keys">{i18n.t('welcome.keys.heading')}</h2>
          <table class="keys">
            <thead>
              <tr>
                <th scope="col">{i18n.t('welcome.keys.key')}</th>
                <th scope="col">{i18n.t('welcome.keys.action')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((shortcut) => (
                <tr key={shortcut.key}>
                  <td>
                    <kbd>{shortcut.key}</kbd>
                  </td>
                  <td>{shortcut.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">{i18n.t('welcome.keys.note')}</p>
        </section>

        <section aria-labelledby="welcome-data">
          <h2 id="welcome-data">{i18n.t('welcome.data.heading')}</h2>
          <p>{i18n.t('welcome.data.body')}</p>
          <button type="button" onClick={onOpenReadingList}>
            {i18n.t('welcome.data.openReadingList')}
          </button>
        </section>

        <section aria-labelledby="welcome-start">
          <h2 id="welcome-start">{i18n.t('welcome.start.heading')}</h2>
          <div class="start">
            <label>
              {i18n.t('welcome.start.category')}
              <select value={category} disabled={category === undefined} onChange={(event) => onCategoryChange(event.currentTarget.value)}>
                {categoryGroups.map((group) => (
                  <optgroup key={group.name} label={group.name}>
                    {group.categories.map(([code, name]) => (
                      <option key={code} value={code}>
                        {i18n.t('welcome.start.categoryOption', { code, name })}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            {category !== undefined && (
              <a class="action primary button-link" href={listingUrl(category)}>
                {i18n.t('welcome.start.open', { category })}
              </a>
            )}
          </div>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </section>
      </main>
    </div>
  );
}
