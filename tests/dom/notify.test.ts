// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createNotifier } from '@/lib/overlay/notify';

function setUp() {
  const host = document.createElement('div');
  const controller = new AbortController();
  const notify = createNotifier(host, document, controller.signal);
  const region = () => host.querySelector('[role="status"]');
  return { notify, region, controller };
}

describe('createNotifier', () => {
  it('announces a failure with what failed and why in a polite live region', () => {
    const { notify, region } = setUp();
    notify.failure('Could not save the star', new Error('papers.star: papers[0].id: expected a versionless arXiv id'));
    expect(region()?.getAttribute('aria-live')).toBe('polite');
    expect(region()?.textContent).toBe('Could not save the star: papers.star: papers[0].id: expected a versionless arXiv id');
    expect((region() as HTMLElement).dataset.kind).toBe('error');
  });

  it('stays quiet when the extension was updated under the tab', () => {
    const { notify, region } = setUp();
    notify.failure('Could not save the star', new Error('Extension context invalidated.'));
    expect(region()?.textContent).toBe('');
  });

  it('removes its region when the overlay detaches', () => {
    const { notify, region, controller } = setUp();
    controller.abort();
    notify.failure('Could not save', new Error('boom'));
    expect(region()).toBeNull();
  });
});
