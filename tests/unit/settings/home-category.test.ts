import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CATEGORY_GROUPS, isCategoryCode, todaysListingUrl } from '@/lib/settings/categories';
import { DEFAULT_HOME_CATEGORY, homeCategoryItem, readHomeCategory, saveHomeCategory } from '@/lib/settings/home-category';
import { hintDismissedItem } from '@/lib/settings/first-entry-hint';

afterEach(() => fakeBrowser.reset());

describe('arXiv categories', () => {
  it.each(['cs.LG', 'cs.DC', 'hep-th', 'quant-ph', 'math.CO', 'cond-mat.stat-mech', 'astro-ph.CO', 'q-fin.ST', 'eess.SP', 'econ.EM', 'stat.ML'])(
    'know %s',
    (code) => expect(isCategoryCode(code)).toBe(true),
  );

  it.each(['cs', 'CS.LG', 'cs.lg', 'cs.LG ', '', 'cs.LG/new', '../x', undefined, 7])('refuse %j', (code) => {
    expect(isCategoryCode(code)).toBe(false);
  });

  it('list each category once', () => {
    const codes = CATEGORY_GROUPS.flatMap((group) => group.categories.map(([code]) => code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("point to arXiv's new listing of the category", () => {
    expect(todaysListingUrl('cs.LG')).toBe('https://arxiv.org/list/cs.LG/new');
    expect(todaysListingUrl('cond-mat.stat-mech')).toBe('https://arxiv.org/list/cond-mat.stat-mech/new');
  });
});

describe('the home category', () => {
  it('is the default until the reader picks one', async () => {
    expect(await readHomeCategory()).toBe(DEFAULT_HOME_CATEGORY);
  });

  it('is remembered in storage.local for the popup', async () => {
    await saveHomeCategory('hep-th');
    expect(await readHomeCategory()).toBe('hep-th');
    expect(await fakeBrowser.storage.local.get('homeCategory')).toEqual({ homeCategory: 'hep-th' });
  });

  it('reads an unknown stored value as the default', async () => {
    await homeCategoryItem.setValue('cs.XX');
    expect(await readHomeCategory()).toBe(DEFAULT_HOME_CATEGORY);
  });

  it('refuses to store what is not a category', async () => {
    await expect(saveHomeCategory('javascript:alert(1)')).rejects.toThrow('not an arXiv category');
    expect(await readHomeCategory()).toBe(DEFAULT_HOME_CATEGORY);
  });
});

describe('the first-entry hint flag', () => {
  it('is off until dismissed, then stays on', async () => {
    expect(await hintDismissedItem.getValue()).toBe(false);
    await hintDismissedItem.setValue(true);
    expect(await fakeBrowser.storage.local.get('hintDismissed')).toEqual({ hintDismissed: true });
  });
});
