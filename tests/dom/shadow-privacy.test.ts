// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { attachPrivateRoot } from '@/lib/overlay/private-root';
import { SHADOW_MODE } from '@/lib/overlay/shadow-mode';
import { isTextEntry, keepTypingInside } from '@/lib/overlay/typing-guard';

afterEach(() => document.body.replaceChildren());

describe('the shadow mode', () => {
  it('is closed unless the build asks for open roots (the test build does, a reader\'s never)', () => {
    expect(SHADOW_MODE).toBe(import.meta.env.WXT_SIFT_OPEN_SHADOW_ROOTS === 'true' ? 'open' : 'closed');
  });
});

describe('keepTypingInside', () => {
  function overlay() {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const controller = new AbortController();
    keepTypingInside(root, controller.signal);
    const field = document.createElement('textarea');
    const button = document.createElement('button');
    root.append(field, button);
    const heard: string[] = [];
    for (const type of ['keydown', 'input']) document.addEventListener(type, (event) => heard.push(`${type}:${(event as KeyboardEvent).key ?? ''}`));
    return { field, button, heard, controller };
  }

  it("keeps a text field's keys and input from the page's bubbling listeners", () => {
    const { field, heard } = overlay();
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true, composed: true }));
    field.dispatchEvent(new InputEvent('input', { data: 'p', bubbles: true, composed: true }));
    expect(heard).toEqual([]);
  });

  it("lets a button's keys through, so the shortcuts still work from the toolbar", () => {
    const { button, heard } = overlay();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(heard).toEqual(['keydown:j']);
  });

  it('stops guarding when its signal aborts', () => {
    const { field, heard, controller } = overlay();
    controller.abort();
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true, composed: true }));
    expect(heard).toEqual(['keydown:p']);
  });

  it('counts text inputs and text areas as text entry, not checkboxes or buttons', () => {
    const input = (type: string) => Object.assign(document.createElement('input'), { type });
    expect([input('text'), input('search'), document.createElement('textarea')].map(isTextEntry)).toEqual([true, true, true]);
    expect([input('checkbox'), document.createElement('button'), undefined].map(isTextEntry)).toEqual([false, false, false]);
  });
});

describe('attachPrivateRoot', () => {
  it('gives the host a root in the build\'s mode, with its own style when asked', () => {
    const host = document.createElement('span');
    document.body.append(host);
    const root = attachPrivateRoot(host, '[role="list"] { display: inline-flex; }');
    expect(root.mode).toBe(SHADOW_MODE);
    expect(root.querySelector('style')?.textContent).toContain('inline-flex');
    root.append('a tag name');
    expect(host.textContent).toBe('');
  });
});
