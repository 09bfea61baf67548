import '@/components/pages.css';
import './welcome.css';
import { render } from 'preact';
import { i18n } from '#i18n';
import { localisePage } from '@/lib/extension-pages/localise-page';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import screenshotUrl from '@/demo/screenshot.png';
import { WelcomePage } from '@/components/WelcomePage';
import { CATEGORY_GROUPS, todaysListingUrl } from '@/lib/settings/categories';
import { readHomeCategory, saveHomeCategory } from '@/lib/settings/home-category';
import { callApi } from '@/lib/store/client';

// Wiring only: the home category comes from and goes to WXT storage; the page itself is static.
function App() {
  const [category, setCategory] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void readHomeCategory().then(setCategory);
  }, []);
  const change = (next: string) => {
    setCategory(next);
    saveHomeCategory(next).then(
      () => setError(undefined),
      (failure: unknown) => setError(i18n.t('welcome.rememberFailed', { category: next, reason: failure instanceof Error ? failure.message : String(failure) })),
    );
  };
  return (
    <WelcomePage
      iconUrl={browser.runtime.getURL('/icon/48.png')}
      screenshotUrl={screenshotUrl}
      categoryGroups={CATEGORY_GROUPS}
      category={category}
      listingUrl={todaysListingUrl}
      onCategoryChange={change}
      onOpenReadingList={() => void callApi('pages.open', { page: 'reading-list' })}
      error={error}
    />
  );
}

localisePage(i18n.t('pages.welcome'));
render(<App />, document.getElementById('app')!);
