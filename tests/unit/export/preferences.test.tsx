// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ExportControls } from '@/components/ExportControls';
import {
  DEFAULT_EXPORT_PREFERENCES,
  createExportPreferencesModel,
  exportOptionsOf,
  exportPreferencesItem,
  parseExportPreferences,
  sharedExportPreferences,
} from '@/lib/export/preferences';
import { toExportFile } from '@/lib/reading-list/export';
import { record } from '../reading-list/support';

afterEach(() => fakeBrowser.reset());

const DAY = new Date(2026, 1, 27);
const noted = [record('2602.22290', { tags: ['gpu'], note: 'see §3' })];

describe('export preferences', () => {
  it('default to leaving tags and notes out of BibTeX, RIS and CSL-JSON, and to short keys', () => {
    expect(DEFAULT_EXPORT_PREFERENCES).toEqual({
      includeUserData: { bibtex: false, ris: false, csljson: false, markdown: true, csv: true, json: true },
      citationKeyStyle: 'short',
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'yes'],
    ['wrong types', { includeUserData: { bibtex: 'yes', ris: 1 }, citationKeyStyle: 'long' }],
  ])('read %s back as the defaults', (_what, stored) => {
    expect(parseExportPreferences(stored)).toEqual(DEFAULT_EXPORT_PREFERENCES);
  });

  it('keep each valid choice and default only the broken ones', () => {
    expect(parseExportPreferences({ includeUserData: { bibtex: true, csv: 'no' }, citationKeyStyle: 'arxiv' })).toEqual({
      includeUserData: { ...DEFAULT_EXPORT_PREFERENCES.includeUserData, bibtex: true },
      citationKeyStyle: 'arxiv',
    });
  });

  it('are remembered in storage and read by the next page that opens', async () => {
    const first = createExportPreferencesModel();
    await first.ready;
    await first.setIncludeUserData('bibtex', true);
    await first.setCitationKeyStyle('arxiv');
    first.dispose();

    const next = createExportPreferencesModel();
    await next.ready;
    expect(next.preferences.value.includeUserData.bibtex).toBe(true);
    expect(next.preferences.value.includeUserData.ris).toBe(false);
    expect(next.preferences.value.citationKeyStyle).toBe('arxiv');
    expect(await exportPreferencesItem.getValue()).toEqual(next.preferences.value);
    next.dispose();
  });

  it('follow a change made on another page', async () => {
    const here = createExportPreferencesModel();
    await here.ready;
    await exportPreferencesItem.setValue({ ...DEFAULT_EXPORT_PREFERENCES, citationKeyStyle: 'arxiv' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(here.preferences.value.citationKeyStyle).toBe('arxiv');
    here.dispose();
  });

  it('decide what a reading-list export carries', () => {
    const bibtex = exportOptionsOf(DEFAULT_EXPORT_PREFERENCES, 'bibtex');
    expect(toExportFile(noted, 'bibtex', DAY, bibtex).text).not.toContain('keywords=');
    const opted = exportOptionsOf({ ...DEFAULT_EXPORT_PREFERENCES, includeUserData: { ...DEFAULT_EXPORT_PREFERENCES.includeUserData, bibtex: true } }, 'bibtex');
    const text = toExportFile(noted, 'bibtex', DAY, opted).text;
    expect(text).toContain('keywords={gpu}');
    expect(text).toContain('annote={see §3}');
  });

  it('are what a reading-list export uses when it is given no options', async () => {
    const shared = sharedExportPreferences();
    await shared.ready;
    expect(toExportFile(noted, 'ris', DAY).text).not.toContain('KW  - gpu');
    await shared.setIncludeUserData('ris', true);
    expect(toExportFile(noted, 'ris', DAY).text).toContain('KW  - gpu');
    await shared.setIncludeUserData('ris', false);
  });
});

describe('ExportControls', () => {
  function mount(format: 'bibtex' | 'csv') {
    const model = createExportPreferencesModel();
    const host = document.createElement('div');
    document.body.append(host);
    const controls = (
      <ExportControls
        format={format}
        choice="list"
        selectedCount={0}
        listCount={1}
        listLabel="All papers (1)"
        busy={false}
        onFormat={() => undefined}
        onScope={() => undefined}
        onDownload={() => undefined}
        onCopy={() => undefined}
        preferences={model}
      />
    );
    act(() => render(controls, host));
    const checkbox = [...host.querySelectorAll('label')].find((l) => l.textContent?.includes('Include my tags and notes'))?.querySelector('input');
    const keys = [...host.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Citation keys'))?.querySelector('select');
    return { model, host, checkbox, keys, unmount: () => render(null, host) };
  }

  it('shows the format default, remembers a tick for that format only, and offers key styles for BibTeX', async () => {
    const { model, checkbox, keys, unmount } = mount('bibtex');
    await model.ready;
    expect(checkbox?.checked).toBe(false);
    expect(keys?.value).toBe('short');
    await act(async () => {
      checkbox?.click();
      await model.ready;
    });
    expect(model.preferences.value.includeUserData.bibtex).toBe(true);
    expect(model.preferences.value.includeUserData.ris).toBe(false);
    expect((await exportPreferencesItem.getValue()).includeUserData.bibtex).toBe(true);
    expect(checkbox?.checked).toBe(true);
    unmount();
    model.dispose();
  });

  it('offers no key style for a format without citation keys', () => {
    const { checkbox, keys, unmount, model } = mount('csv');
    expect(checkbox?.checked).toBe(true);
    expect(keys).toBeUndefined();
    unmount();
    model.dispose();
  });
});
