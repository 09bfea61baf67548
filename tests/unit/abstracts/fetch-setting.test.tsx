// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AbstractsSettings } from '@/components/AbstractsSettings';
import { createFetchAbstractsModel, fetchAbstractsItem, isFetchingAbstracts } from '@/lib/settings/fetch-abstracts';

afterEach(() => fakeBrowser.reset());

describe('the fetchAbstracts setting', () => {
  it('is on until the user turns it off, and a broken stored value counts as on', async () => {
    expect(await isFetchingAbstracts()).toBe(true);
    await fakeBrowser.storage.sync.set({ fetchAbstracts: 'no' });
    expect(await isFetchingAbstracts()).toBe(true);
    await fetchAbstractsItem.setValue(false);
    expect(await isFetchingAbstracts()).toBe(false);
    expect(await fakeBrowser.storage.sync.get('fetchAbstracts')).toEqual({ fetchAbstracts: false });
  });

  it('is a checkbox on the options page that writes the setting and follows changes from elsewhere', async () => {
    const model = createFetchAbstractsModel();
    await model.ready;
    const root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<AbstractsSettings model={model} />, root));
    const box = root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(box.checked).toBe(true);
    await act(async () => {
      box.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(model.enabled.value).toBe(false);
    expect(await isFetchingAbstracts()).toBe(false);
    await act(async () => {
      await fetchAbstractsItem.setValue(true);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(box.checked).toBe(true);
    model.dispose();
    render(null, root);
    root.remove();
  });
});
