import { describe, expect, it } from 'vitest';
import { MAX_SEEN_IDS, VISIT_SESSION_MS } from '@/lib/store/db';
import { appendSeenIds } from '@/lib/store/visits';
import { NOW, freshDb, id, nthId, storeApi } from './support';

describe('visits.record', () => {
  it('treats nothing as new on the first visit and remembers what it showed', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    expect(await call('visits.record', { listing: 'cs.DC/new', ids: [nthId(0), nthId(1)] })).toEqual({ newIds: [] });
    expect(await db.visits.get('cs.DC/new')).toMatchObject({ listing: 'cs.DC/new', lastVisitAt: NOW, seenIds: [nthId(0), nthId(1)] });
    expect(changes).toEqual([{ ids: [], tables: ['visits'] }]);
  });

  it('answers the ids earlier visits did not show, in page order, and the previous visit time', async () => {
    const db = freshDb();
    let now = NOW;
    const { call } = storeApi(db, () => now);
    await call('visits.record', { listing: 'cs.DC/new', ids: [nthId(0), nthId(1)] });
    now = NOW + 86_400_000;
    const second = await call('visits.record', { listing: 'cs.DC/new', ids: [nthId(5), nthId(1), nthId(4), nthId(5)] });
    expect(second).toEqual({ previousVisitAt: NOW, newIds: [nthId(5), nthId(4)] });
    now = NOW + 2 * 86_400_000;
    const third = await call('visits.record', { listing: 'cs.DC/new', ids: [nthId(4), nthId(0)] });
    expect(third).toEqual({ previousVisitAt: NOW + 86_400_000, newIds: [] });
  });

  it('keeps the new marks across reloads within a session, and starts afresh after a break', async () => {
    const db = freshDb();
    let now = NOW;
    const { call } = storeApi(db, () => now);
    await call('visits.record', { listing: 'cs.DC/new', ids: [nthId(0)] });
    now += VISIT_SESSION_MS * 3;
    expect(await call('visits.record', { listing: 'cs.DC/new', ids: [nthId(0), nthId(1)] })).toEqual({ previousVisitAt: NOW, newIds: [nthId(1)] });
    now += 60_000; // a reload a minute later: still the same session
    expect(await call('visits.record', { listing: 'cs.DC/new', ids: [nthId(0), nthId(1), nthId(2)] })).toEqual({
      previousVisitAt: NOW,
      newIds: [nthId(1), nthId(2)],
    });
    const sessionEnd = now;
    now += VISIT_SESSION_MS + 1; // the next morning: only what appeared since counts
    expect(await call('visits.record', { listing: 'cs.DC/new', ids: [nthId(1), nthId(3)] })).toEqual({ previousVisitAt: sessionEnd, newIds: [nthId(3)] });
  });

  it('keeps listings apart', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await call('visits.record', { listing: 'cs.DC/new', ids: [nthId(0)] });
    expect(await call('visits.record', { listing: 'math.AG/new', ids: [nthId(0)] })).toEqual({ newIds: [] });
    expect(await call('visits.record', { listing: 'cs.DC/new', ids: [nthId(0), nthId(1)] })).toMatchObject({ newIds: [nthId(1)] });
  });
});

describe('appendSeenIds', () => {
  it.each([
    [[], ['a', 'b'], ['a', 'b']],
    [['a', 'b'], ['b', 'c', 'c'], ['a', 'b', 'c']],
    [['a'], [], ['a']],
  ])('appends %j + %j → %j', (seen, more, expected) => {
    expect(appendSeenIds(seen.map(id), more.map(id))).toEqual(expected);
  });

  it(`keeps only the newest ${MAX_SEEN_IDS} ids`, () => {
    const seen = Array.from({ length: MAX_SEEN_IDS }, (_, i) => nthId(i));
    const more = [nthId(MAX_SEEN_IDS), nthId(MAX_SEEN_IDS + 1)];
    const out = appendSeenIds(seen, more);
    expect(out).toHaveLength(MAX_SEEN_IDS);
    expect(out[0]).toBe(nthId(2));
    expect(out.at(-1)).toBe(nthId(MAX_SEEN_IDS + 1));
  });
});
