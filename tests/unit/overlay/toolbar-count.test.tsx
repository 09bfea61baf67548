// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SelectionBar } from '@/components/SelectionBar';
import { Toolbar, type ToolbarProps } from '@/components/Toolbar';
import { NO_FILTERS } from '@/lib/overlay/filters';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const noop = () => undefined;

function toolbar(all: number, shown: number): ToolbarProps {
  return {
    counts: { all, starred: 0, matching: 0, unseen: 0, hidden: 0, byTag: new Map() },
    filters: NO_FILTERS,
    available: new Set(),
    textFilter: '',
    tagColors: new Map(),
    onToggle: noop,
    onTextFilter: noop,
    onOpenReadingList: noop,
    onOpenRules: noop,
    onOpenHelp: noop,
    seen: { unseen: 0, canContinue: false, undoable: false },
    onMarkAllSeen: noop,
    onUndoMarkAllSeen: noop,
    onContinue: noop,
    shown,
    onClearFilters: noop,
    onExportShown: noop,
  };
}

describe('the toolbar count', () => {
  it('says how many the filters leave shown, the shown count in bold', () => {
    render(<Toolbar {...toolbar(29, 3)} />, host);
    const count = host.querySelector('.count');
    expect(count?.textContent).toBe('Showing 3 of 29');
    expect(count?.querySelector('strong')?.textContent).toBe('3');
  });

  it.each([
    [29, '29 entries', ' entries'],
    [1, '1 entry', ' entry'],
  ])('counts %i entries as "%s", the word folding away apart from the bold count', (all, text, word) => {
    render(<Toolbar {...toolbar(all, all)} />, host);
    const count = host.querySelector('.count');
    expect(count?.textContent).toBe(text);
    expect(count?.querySelector('strong')?.textContent).toBe(String(all));
    expect([...(count?.querySelectorAll('.count-word') ?? [])].map((part) => part.textContent)).toEqual([word]);
  });

  it('names the bar and its shortcut tooltips from the catalogue', () => {
    render(<Toolbar {...toolbar(29, 29)} />, host);
    expect(host.querySelector('[role="toolbar"]')?.getAttribute('aria-label')).toBe('Sift filters');
    expect(host.querySelector('input.filter')?.getAttribute('title')).toBe('Filter this listing (/)');
    expect(host.querySelector('input.filter')?.getAttribute('placeholder')).toBe('Filter this listing  /');
  });
});

describe('the selection bar count', () => {
  it('says how many papers are selected, the number in bold', () => {
    render(
      <SelectionBar count={2} shown={29} onStar={noop} onTag={noop} onHide={noop} onMarkSeen={noop} onExport={noop} onSelectShown={noop} onClear={noop} onUndo={noop} />,
      host,
    );
    const count = host.querySelector('.selection-bar .count');
    expect(count?.textContent).toBe('2 selected');
    expect(count?.querySelector('strong')?.textContent).toBe('2');
    expect([...host.querySelectorAll('.selection-bar button')].map((button) => button.textContent)).toContain('Select all shown (29)');
  });
});
