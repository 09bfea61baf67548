import { describe, expect, it } from 'vitest';
import type { ArxivId } from '@/lib/arxiv/types';
import { isArxivHttpsUrl } from '@/lib/arxiv/hosts';
import { absLinkOf, pdfLinkOf } from '@/lib/reading-list/links';

const id = '2602.22290' as ArxivId;

describe('links from stored metadata', () => {
  it.each([
    ['https://arxiv.org/abs/2602.22290v2', true],
    ['https://www.arxiv.org/abs/2602.22290', true],
    ['https://export.arxiv.org/abs/2602.22290', true],
    ['http://arxiv.org/abs/2602.22290', false],
    ['javascript:alert(1)', false],
    ['https://arxiv.org.evil.example/abs/1', false],
    ['https://evilarxiv.org/abs/1', false],
    ['not a url', false],
    [undefined, false],
  ])('isArxivHttpsUrl(%j) is %s', (url, expected) => {
    expect(isArxivHttpsUrl(url)).toBe(expected);
  });

  it('keeps a stored arXiv link, which may name a version', () => {
    expect(absLinkOf({ id, absUrl: 'https://arxiv.org/abs/2602.22290v2' })).toBe('https://arxiv.org/abs/2602.22290v2');
    expect(pdfLinkOf({ id, pdfUrl: 'https://arxiv.org/pdf/2602.22290v2' })).toBe('https://arxiv.org/pdf/2602.22290v2');
  });

  it('falls back to the canonical link for anything else', () => {
    expect(absLinkOf({ id, absUrl: 'javascript:alert(1)' })).toBe('https://arxiv.org/abs/2602.22290');
    expect(pdfLinkOf({ id })).toBe('https://arxiv.org/pdf/2602.22290');
  });
});
