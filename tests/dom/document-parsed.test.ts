// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { documentParsed } from '@/lib/platform/document-parsed';

describe('documentParsed', () => {
  it('resolves at once when the document is already parsed', async () => {
    expect(document.readyState).not.toBe('loading');
    await expect(documentParsed(document)).resolves.toBeUndefined();
  });

  it('waits for DOMContentLoaded while the document is still loading', async () => {
    const loading = Object.create(document, { readyState: { value: 'loading' } }) as Document;
    let listener: (() => void) | undefined;
    Object.defineProperty(loading, 'addEventListener', { value: (type: string, handler: () => void) => type === 'DOMContentLoaded' && (listener = handler) });
    let resolved = false;
    const parsed = documentParsed(loading).then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    listener?.();
    await parsed;
    expect(resolved).toBe(true);
  });
});
