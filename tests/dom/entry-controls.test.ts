// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { describe, expect, it } from 'vitest';
import { parseArxivPage } from '@/lib/arxiv/parse';
import type { Paper } from '@/lib/arxiv/types';
import { addEntryControls } from '@/lib/overlay/entry-buttons';
import { buttonControl, controlIn, controlsLayout, type EntryControl } from '@/lib/overlay/entry-controls';
import { controlsAhead, indexEntries, type EntryIndex } from '@/lib/overlay/entry-index';
import { loadFixture } from '../fixtures/load-fixture';

const URL = 'https://arxiv.org/list/cs.DC/new';
const FIXTURE = 'list-new-cs.DC-2026-02-27.html';
const odd = (paper: Paper) => Number(paper.id.at(-1)) % 2 === 1;

const CONTROLS: readonly EntryControl[] = [
  buttonControl({ className: 'sift-star', label: 'Star', title: 'Star (s)', kind: 'toggle' }),
  buttonControl({ className: 'sift-note', label: 'Note', title: 'Note (n)', kind: 'dialog', wrapClass: 'sift-note-wrap' }),
  buttonControl({ className: 'sift-abstract-toggle', label: 'Abstract', title: 'Abstract (a)', kind: 'toggle', when: odd }),
  {
    className: 'sift-rank',
    make(doc) {
      const mark = doc.createElement('span');
      mark.className = 'sift-rank';
      mark.hidden = true;
      return mark;
    },
  },
  buttonControl({ className: 'sift-why-btn', label: 'Why?', title: 'Why this rank', kind: 'action', text: 'Why?', hidden: true, expanded: false }),
];

/** Every control as each feature takes it up, by entry index. */
const takeUp = (entries: EntryIndex, doc: Document) => CONTROLS.map((control) => addEntryControls(entries, doc, control));

/** The listing as features make it when nothing was placed ahead: each adds its own, in turn. */
function addedByFeatures() {
  const doc = loadFixture(FIXTURE);
  const entries = indexEntries(parseArxivPage(doc, URL), doc);
  takeUp(entries, doc);
  return doc;
}

describe('controls placed while the page streams in', () => {
  it('are the ones every feature takes up, and the listing ends as when each feature adds its own', () => {
    const doc = loadFixture(FIXTURE);
    const page = parseArxivPage(doc, URL);
    const layout = controlsLayout(doc, CONTROLS);
    const ahead = controlsAhead(doc, page.kind, layout);
    // The last entry of each section is read only by the page parse; these stand in for them.
    const readAhead = page.papers.slice(0, -4);
    for (const paper of readAhead) ahead.place(paper);
    const placed = readAhead.map((paper) => paper.element.head.querySelector(':scope > .sift-controls'));

    const entries = indexEntries(page, doc, undefined, { layout, ahead });
    const taken = takeUp(entries, doc);

    expect(entries.entries.slice(0, readAhead.length).map((entry) => entry.controls)).toEqual(placed);
    for (const [k, control] of CONTROLS.entries()) {
      for (const entry of entries.entries) expect(taken[k]![entry.index]).toBe(controlIn(entry.controls, control.className));
    }
    expect(doc.querySelectorAll('dt > .sift-controls')).toHaveLength(page.papers.length);
    expect(doc.body.isEqualNode(addedByFeatures().body)).toBe(true);
  });

  it('leave a control out of the entries its `when` excludes, and describe every button by the title', () => {
    const doc = loadFixture(FIXTURE);
    const page = parseArxivPage(doc, URL);
    const entries = indexEntries(page, doc, undefined, { layout: controlsLayout(doc, CONTROLS) });
    const [stars, notes, abstracts, marks, whys] = takeUp(entries, doc);
    for (const entry of entries.entries) {
      const title = entry.paper.element.fields.title!;
      expect(title.id).not.toBe('');
      expect(stars![entry.index]!.getAttribute('aria-describedby')).toBe(title.id);
      expect(notes![entry.index]!.parentElement!.className).toBe('sift-note-wrap');
      expect(notes![entry.index]!.getAttribute('aria-describedby')).toBe(title.id);
      expect(abstracts![entry.index] !== undefined).toBe(odd(entry.paper));
      expect(marks![entry.index]!.hasAttribute('aria-describedby')).toBe(false);
      expect(whys![entry.index]!.textContent).toBe('Why?');
      expect(whys![entry.index]!.getAttribute('aria-expanded')).toBe('false');
    }
    expect(new Set(entries.entries.map((entry) => entry.paper.element.fields.title!.id)).size).toBe(entries.entries.length);
  });

  it('read from an entry that changed before the parse are built again for the entry the parse found', () => {
    const doc = loadFixture(FIXTURE);
    const page = parseArxivPage(doc, URL);
    const layout = controlsLayout(doc, CONTROLS);
    const ahead = controlsAhead(doc, page.kind, layout);
    const [first] = page.papers;
    // As read ahead, the entry was another paper, of the other parity: its controls differ.
    const other = `${first!.id.slice(0, -1)}${(Number(first!.id.at(-1)) + 1) % 10}`;
    ahead.place({ ...first!, id: other as Paper['id'] });
    const entries = indexEntries(page, doc, undefined, { layout, ahead });
    takeUp(entries, doc);
    expect(doc.body.isEqualNode(addedByFeatures().body)).toBe(true);
  });

  it('never taken (a page Sift leaves alone) are removed, and the page is as arXiv sent it', () => {
    const doc = loadFixture(FIXTURE);
    const pristine = doc.body.cloneNode(true);
    const page = parseArxivPage(doc, URL);
    const ahead = controlsAhead(doc, page.kind, controlsLayout(doc, CONTROLS));
    for (const paper of page.papers) ahead.place(paper);
    expect(doc.body.isEqualNode(pristine)).toBe(false);
    ahead.discard();
    expect(doc.body.isEqualNode(pristine)).toBe(true);
  });

  it('go with the rest when the overlay is removed', () => {
    const doc = loadFixture(FIXTURE);
    const pristine = doc.body.cloneNode(true);
    const page = parseArxivPage(doc, URL);
    const layout = controlsLayout(doc, CONTROLS);
    const ahead = controlsAhead(doc, page.kind, layout);
    for (const paper of page.papers.slice(0, 10)) ahead.place(paper);
    const entries = indexEntries(page, doc, undefined, { layout, ahead });
    takeUp(entries, doc);
    entries.remove();
    expect(doc.body.isEqualNode(pristine)).toBe(true);
  });
});
