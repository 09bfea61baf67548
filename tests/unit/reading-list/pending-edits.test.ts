import { describe, expect, it } from 'vitest';
import { applyEdit, describeRefusal, isSettled, withPendingEdits, type PendingEdit } from '@/lib/reading-list/pending-edits';
import { record } from './support';

describe('applyEdit', () => {
  const paper = record('2602.00001', { starredAt: 100, tags: ['gpu'], note: 'old', updatedAt: 100 });

  it.each([
    ['a star keeps the first starredAt', { kind: 'star', starred: true }, { starredAt: 100 }],
    ['an unstar drops starredAt', { kind: 'star', starred: false }, { starredAt: undefined }],
    ['a new tag goes last', { kind: 'tag', tag: 'to read', on: true }, { tags: ['gpu', 'to read'] }],
    ['a tag already there stays once', { kind: 'tag', tag: 'gpu', on: true }, { tags: ['gpu'] }],
    ['a removed tag goes', { kind: 'tag', tag: 'gpu', on: false }, { tags: [] }],
    ['a note replaces the old one', { kind: 'note', note: 'read §3' }, { note: 'read §3' }],
    ['a blank note is no note', { kind: 'note', note: '  \n' }, { note: undefined }],
  ] as const)('%s', (_case, edit, expected) => {
    const next = applyEdit(paper, edit, 500);
    for (const [key, value] of Object.entries({ ...expected, updatedAt: 500 })) {
      if (value === undefined) expect(next).not.toHaveProperty(key);
      else expect(next).toHaveProperty(key, value);
    }
    expect(paper).toMatchObject({ starredAt: 100, tags: ['gpu'], note: 'old', updatedAt: 100 });
  });

  it('stars a paper never starred at the edit time', () => {
    expect(applyEdit(record('2602.00001', { starredAt: undefined, tags: ['x'] }), { kind: 'star', starred: true }, 700).starredAt).toBe(700);
  });
});

describe('withPendingEdits', () => {
  const a = record('2602.00001', { updatedAt: 10 });
  const b = record('2602.00002', { updatedAt: 10 });
  const edit = (key: number, over: Partial<PendingEdit> = {}): PendingEdit => ({ key, id: '2602.00001', edit: { kind: 'tag', tag: `t${key}`, on: true }, at: 20 + key, ...over });

  it('hands back the same array when nothing is pending', () => {
    const records = [a, b];
    expect(withPendingEdits(records, [])).toBe(records);
  });

  it('applies the edits of a paper in order and leaves the others as they were', () => {
    const [patched, untouched] = withPendingEdits([a, b], [edit(1), edit(2)]);
    expect(patched?.tags).toEqual(['t1', 't2']);
    expect(patched?.updatedAt).toBe(22);
    expect(untouched).toBe(b);
  });

  it('stops applying an edit once the live read is as new as the store\'s answer', () => {
    const stored = { ...a, tags: ['t1'], updatedAt: 30 };
    expect(withPendingEdits([stored], [edit(1, { storedAt: 30 })])[0]).toBe(stored);
    // Answered, but the page still reads the old record: the edit stays shown.
    expect(withPendingEdits([a], [edit(1, { storedAt: 30 })])[0]?.tags).toEqual(['t1']);
  });
});

describe('isSettled', () => {
  const pending: PendingEdit = { key: 1, id: '2602.00001', edit: { kind: 'star', starred: false }, at: 20, storedAt: 30 };

  it.each([
    ['not answered yet', { ...pending, storedAt: undefined }, record('2602.00001', { updatedAt: 99 }), false],
    ['answered, live read older', pending, record('2602.00001', { updatedAt: 29 }), false],
    ['answered, live read as new', pending, record('2602.00001', { updatedAt: 30 }), true],
    ['answered, another tab wrote since', pending, record('2602.00001', { updatedAt: 40 }), true],
    ['answered, the store dropped the paper', pending, undefined, true],
  ] as const)('%s → %s', (_case, edit, stored, expected) => {
    expect(isSettled(edit, stored)).toBe(expected);
  });
});

describe('describeRefusal', () => {
  const strip = (text: string) => text.replace(/[\u2068\u2069]/g, '');

  it.each([
    [{ kind: 'star', starred: true }, 'Could not star “HDC”: the store is closed'],
    [{ kind: 'star', starred: false }, 'Could not unstar “HDC”: the store is closed'],
    [{ kind: 'tag', tag: 'gpu', on: true }, 'Could not add the tag “gpu” to “HDC”: the store is closed'],
    [{ kind: 'tag', tag: 'gpu', on: false }, 'Could not remove the tag “gpu” from “HDC”: the store is closed'],
    [{ kind: 'note', note: 'x' }, 'Could not save the note on “HDC”: the store is closed'],
    [{ kind: 'note', note: '' }, 'Could not delete the note on “HDC”: the store is closed'],
  ] as const)('says what failed: %o', (edit, expected) => {
    expect(strip(describeRefusal('HDC', edit, new Error('papers.star: the store is closed')))).toBe(expected);
  });

  it('isolates the title and tag, so a right-to-left name cannot reorder the sentence', () => {
    expect(describeRefusal('عنوان', { kind: 'tag', tag: 'x', on: true }, 'nope')).toBe('Could not add the tag “\u2068x\u2069” to “\u2068عنوان\u2069”: nope');
  });

  it('shows a title, tag and reason that look like message syntax as they are', () => {
    const said = strip(describeRefusal('{reason} costs $1 | $$', { kind: 'tag', tag: '{title}', on: false }, new Error('papers.tag: {tag} $2')));
    expect(said).toBe('Could not remove the tag “{title}” from “{reason} costs $1 | $$”: {tag} $2');
  });
});
