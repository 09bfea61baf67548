// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RulesPanel } from '@/components/RulesPanel';
import type { ArxivPage } from '@/lib/arxiv/types';
import type { EntryIndex } from '@/lib/overlay/entry-index';
import { createListingState } from '@/lib/overlay/listing-state';
import { openListingSession } from '@/lib/overlay/session';
import { checkRuleShape } from '@/lib/rules/compile';
import type { ApiRequest } from '@/lib/store/api';
import { createApiHandler } from '@/lib/store/handlers';
import { EXTENSION_ID, PAGES_URL, freshDb } from '../unit/store/support';

// The detector, watched: the listing's dialog must leave it to the background.
const detector = vi.hoisted(() => ({ calls: 0 }));
vi.mock('redos-detector', async (original) => {
  const actual = await original<typeof import('redos-detector')>();
  return {
    ...actual,
    isSafePattern: (...args: Parameters<typeof actual.isSafePattern>) => {
      detector.calls += 1;
      return actual.isSafePattern(...args);
    },
  };
});

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const page: ArxivPage = { kind: 'new', sections: [], papers: [], problems: [] };
const noEntries: EntryIndex = { entries: [], byId: () => [], entryOf: () => undefined, ids: () => [], remove: () => undefined };

/**
 * The overlay's rules dialog as overlay.tsx wires it: the cheap checks in the page, saves through
 * a listing session to the real background handler (which runs in this test's process, so the
 * detector count below is the background's).
 */
function rulesDialog() {
  const handle = createApiHandler({ db: freshDb(), extensionId: EXTENSION_ID, pagesUrl: PAGES_URL, onChange: () => undefined });
  const state = createListingState([]);
  let checksInPage = 0;
  const session = openListingSession({
    page,
    entries: noEntries,
    state,
    notify: { show: () => undefined, failure: () => undefined },
    send: async (message: ApiRequest) => handle(JSON.parse(JSON.stringify(message)), { id: EXTENSION_ID, tab: { id: 1 } }),
    subscribe: () => () => undefined,
    signal: new AbortController().signal,
    detach: () => undefined,
  });
  const draw = () =>
    render(
      <RulesPanel
        rules={state.rules.value}
        validate={(rule) => {
          const before = detector.calls;
          const checked = checkRuleShape(rule);
          checksInPage += detector.calls - before;
          return checked.ok ? undefined : checked.error;
        }}
        onSave={async (rule) => {
          await session.saveRule(rule);
          draw();
        }}
        onDelete={() => undefined}
        newId={() => 'new-rule'}
        now={() => 1}
      />,
      host,
    );
  draw();
  return { state, checksInPage: () => checksInPage };
}

async function addRegexRule(pattern: string): Promise<void> {
  const input = host.querySelector<HTMLInputElement>('.rule-form input[type="text"]')!;
  input.value = pattern;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  // Each edit re-renders before the next: the form's handlers read the draft of the last render.
  await settle();
  const mode = host.querySelector<HTMLSelectElement>('.rule-form select')!;
  mode.value = 'regex';
  mode.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
  host.querySelector<HTMLButtonElement>('.rule-form button[type="submit"]')!.click();
  await settle();
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('the listing\'s rules dialog', () => {
  it('shows the background\'s refusal of a regex that could backtrack catastrophically, and stores nothing', async () => {
    const dialog = rulesDialog();
    await settle();
    await addRegexRule('(a+)+$');
    expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/backtrack catastrophically/);
    expect(dialog.state.rules.value).toEqual([]);
    expect(dialog.checksInPage()).toBe(0);
    expect(detector.calls).toBeGreaterThan(0);
  });

  it('saves a safe regex with the background\'s verdict', async () => {
    const dialog = rulesDialog();
    await settle();
    await addRegexRule('raft\\d');
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(dialog.state.rules.value.map((rule) => [rule.pattern, rule.verdict?.error])).toEqual([['raft\\d', undefined]]);
  });
});
