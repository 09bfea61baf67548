// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncSettings, type SyncSettingsApi } from '@/components/SyncSettings';
import type { SyncView } from '@/lib/store/api';
import { coverageOf } from './coverage';

const coverage = coverageOf({ papers: { total: 3, synced: 3 }, bytes: 63_488, items: 2 });

function apiWith(view: SyncView, failure?: Error): SyncSettingsApi {
  const answer = () => (failure ? Promise.reject(failure) : Promise.resolve(view));
  return { status: answer, syncNow: answer, setEnabled: answer };
}

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

async function show(api: SyncSettingsApi): Promise<HTMLElement> {
  root = document.body.appendChild(document.createElement('div'));
  await act(async () => {
    render(<SyncSettings api={api} refreshMs={60_000} />, root!);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return root;
}

const rows = (section: HTMLElement) => [...section.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);

describe('the options page Sync section', () => {
  it('names its heading, switch and button, and says what syncs and where', async () => {
    const section = await show(apiWith({ enabled: true, status: { phase: 'idle', message: 'Syncing all 3 papers (62 KB of 100 KB)', problems: [] } }));
    expect(section.querySelector('h2')?.textContent).toBe('Sync');
    expect(section.querySelector('label')?.textContent).toBe('Sync stars, hides, tags, notes and rules between your browsers');
    expect(section.querySelector('button')?.textContent).toBe('Sync now');
    expect(section.querySelector('p.muted')?.textContent).toMatch(/^Through your browser’s own sync \(Chrome Sync or Firefox Sync, .* Firefox for Android does not sync it\.$/);
  });

  it.each([
    [1, '1 unreadable item from another device (left as it is)'],
    [2, '2 unreadable items from another device (left as they are)'],
  ])('shows the status, the space used and %i skipped item(s) in words', async (count, skipped) => {
    const problems = Array.from({ length: count }, (_, i) => ({ key: `p${i}`, reason: 'bit stream ends early' }));
    const section = await show(apiWith({ enabled: true, status: { phase: 'idle', message: 'Syncing all 3 papers (62 KB of 100 KB)', coverage, problems } }));
    expect(rows(section)).toEqual(['Status: Syncing all 3 papers (62 KB of 100 KB)', 'Space used: 62 KB of 100 KB', `Skipped: ${skipped}`]);
  });

  it('says why the background refused, after the section name', async () => {
    const section = await show(apiWith({ enabled: true, status: { phase: 'idle', message: '', problems: [] } }, new Error('the background is not running')));
    expect(section.querySelector('[role=alert]')?.textContent?.trim()).toBe('Sync: the background is not running');
  });
});
