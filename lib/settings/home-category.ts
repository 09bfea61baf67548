/**
 * The reader's home category: the arXiv category whose listing the first-run page opens, kept
 * for the popup's "today's listing" too. A setting of this browser, so it lives in
 * `browser.storage.local` as a stored setting, not in the annotation database.
 */
import { i18n } from '#i18n';
import { defineSetting } from '@/lib/platform/stored-setting';
import { isCategoryCode } from './categories';

/** What the first-run page preselects before the reader picks: arXiv's busiest category. */
export const DEFAULT_HOME_CATEGORY = 'cs.LG';

/** The storage item behind the home category (`local:homeCategory`). */
export const homeCategoryItem = defineSetting<string>('local:homeCategory', DEFAULT_HOME_CATEGORY);

/**
 * The stored home category, or the default when nothing valid is stored (a value written by a
 * later version that this one does not know, say).
 */
export async function readHomeCategory(item = homeCategoryItem): Promise<string> {
  const stored = await item.getValue();
  return isCategoryCode(stored) ? stored : DEFAULT_HOME_CATEGORY;
}

/** Stores `category` as the home category; refuses anything that is not an arXiv category. */
export async function saveHomeCategory(category: string, item = homeCategoryItem): Promise<void> {
  if (!isCategoryCode(category)) throw new Error(i18n.t('settings.homeCategory.notACategory', { category }));
  await item.setValue(category);
}
