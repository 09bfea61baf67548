// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupView } from '@/components/PopupView';
import { NO_FILTERS } from '@/lib/overlay/filters';
import type { OverlayStatus } from '@/lib/store/api';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const noop = () => undefined;

describe('PopupView', () => {
  it('says each count as one message with its number in bold', () => {
    const status: OverlayStatus = { kind: 'new', available: [], entries: 29, starred: 1, matching: 0, unseen: 27, hidden: 0, filters: NO_FILTERS };
    render(<PopupView tab={{ state: 'ready', status }} onToggle={noop} onOpenReadingList={noop} onOpenOptions={noop} />, host);
    const counts = [...host.querySelectorAll('.counts li')];
    expect(counts.map((item) => item.textContent)).toEqual(['29 entries', '1 starred', '0 matching', '27 unseen']);
    expect(counts.map((item) => item.querySelector('strong')?.textContent)).toEqual(['29', '1', '0', '27']);
    expect(host.querySelector('.counts')?.getAttribute('aria-label')).toBe('Counts for this tab');
  });

  it('says "1 entry" on an abstract page, whose one entry the popup counts', () => {
    const status: OverlayStatus = { kind: 'abs', available: [], entries: 1, starred: 0, matching: 0, unseen: 0, hidden: 0, filters: NO_FILTERS };
    render(<PopupView tab={{ state: 'ready', status }} onToggle={noop} onOpenReadingList={noop} onOpenOptions={noop} />, host);
    expect(host.querySelector('.counts li')?.textContent).toBe('1 entry');
  });

  it('tells the reader to open a listing when the tab has no Sift', () => {
    render(<PopupView tab={{ state: 'absent' }} onToggle={noop} onOpenReadingList={noop} onOpenOptions={noop} />, host);
    expect(host.querySelector('h1')?.textContent).toBe('Sift for arXiv');
    expect(host.querySelector('.hint')?.textContent).toBe('Open an arXiv listing to use Sift here');
    expect([...host.querySelectorAll('.popup-links button')].map((button) => button.textContent)).toEqual(['Open reading list', 'Options']);
  });
});
