/**
 * The links the reading list renders from stored metadata. The store only accepts https arXiv
 * URLs, but a link is the one place stored text becomes something a click acts on, so it is
 * checked again here and anything else falls back to the canonical URL built from the id.
 */
import type { PaperMeta } from '@/lib/arxiv/types';

/** Whether `value` is an `https://` URL on arxiv.org or one of its subdomains. */
export function isArxivHttpsUrl(value: string | undefined): value is string {
  if (value === undefined) return false;
  try {
    const url = new URL(value);
    const host = url.hostname.toLowerCase();
    return url.protocol === 'https:' && (host === 'arxiv.org' || host.endsWith('.arxiv.org'));
  } catch {
    return false;
  }
}

/** The abstract page: the stored link, or `https://arxiv.org/abs/<id>`. */
export function absLinkOf(meta: Pick<PaperMeta, 'id' | 'absUrl'>): string {
  return isArxivHttpsUrl(meta.absUrl) ? meta.absUrl : `https://arxiv.org/abs/${meta.id}`;
}

/** The PDF: the stored link (it names the version the page showed), or `https://arxiv.org/pdf/<id>`. */
export function pdfLinkOf(meta: Pick<PaperMeta, 'id' | 'pdfUrl'>): string {
  return isArxivHttpsUrl(meta.pdfUrl) ? meta.pdfUrl : `https://arxiv.org/pdf/${meta.id}`;
}
