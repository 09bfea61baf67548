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
        <h1>Sift for arXiv is installed</h1>
      </header>
      <main>
        <p class="lead">
          Sift works on arXiv's own pages. Open a listing, and every paper gets a star, tags, a hide switch and a note; a toolbar above the
          listing counts and filters them.
        </p>

        <section aria-labelledby="welcome-adds">
          <h2 id="welcome-adds">What it adds</h2>
          <ul class="adds">
            <li>
              <strong>Star</strong> what you want to read, <strong>hide</strong> what you don't, <strong>tag</strong> and{' '}
              <strong>note</strong> the rest.
            </li>
            <li>Papers you have not seen yet, on any listing, carry a dot; "Only unseen" shows just those, and "Continue" (u) takes you to the first.</li>
            <li>
              <strong>Rules</strong> highlight your keywords and authors, and can star or hide what they match.
            </li>
            <li>
              The <strong>reading list</strong> keeps everything you starred or tagged and exports it as BibTeX, RIS, CSL-JSON, Markdown, CSV or
              JSON.
            </li>
          </ul>
          <figure>
            <img
              src={screenshotUrl}
              alt="An arXiv listing with Sift: the toolbar with counts and filters above the entries, two papers starred"
              width={1280}
              height={1000}
            />
            <figcaption>The cs.DC listing with Sift's toolbar; two papers are starred.</figcaption>
          </figure>
        </section>

        <section aria-labelledby="welcome-keys">
          <h2 id="welcome-keys">Five keys</h2>
          <table class="keys">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">On a listing</th>
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
          <p class="muted">Keys never fire while you type in a field.</p>
        </section>

        <section aria-labelledby="welcome-data">
          <h2 id="welcome-data">Where your data lives</h2>
          <p>
            Stars, tags, notes, rules and visits stay in this browser, in the extension's own database (IndexedDB). Sift sends nothing anywhere
            and has no analytics. Clearing arxiv.org's site data does not touch it; a backup on the options page is a file you keep.
          </p>
          <button type="button" onClick={onOpenReadingList}>
            Open the reading list
          </button>
        </section>

        <section aria-labelledby="welcome-start">
          <h2 id="welcome-start">Start with today's listing</h2>
          <div class="start">
            <label>
              Your category
              <select value={category} disabled={category === undefined} onChange={(event) => onCategoryChange(event.currentTarget.value)}>
                {categoryGroups.map((group) => (
                  <optgroup key={group.name} label={group.name}>
                    {group.categories.map(([code, name]) => (
                      <option key={code} value={code}>
                        {code}: {name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            {category !== undefined && (
              <a class="action primary button-link" href={listingUrl(category)}>
                Open today's {category} listing
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
