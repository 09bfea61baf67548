/**
 * The links the reading list renders from stored metadata. The store only accepts https arXiv
 * URLs, but a link is the one place stored text becomes something a click acts on, so it is
 * checked again here and anything else falls back to the canonical URL built from the id.
 */
import { isArxivHttpsUrl } from '@/lib/arxiv/hosts';
import type { PaperMeta } from '@/lib/arxiv/types';

/** The abstract page: the stored link, or `https://arxiv.org/abs/<id>`. */
export function absLinkOf(meta: Pick<PaperMeta, 'id' | 'absUrl'>): string {
  return isArxivHttpsUrl(meta.absUrl) ? meta.absUrl : `https://arxiv.org/abs/${meta.id}`;
}

/** The PDF: the stored link (it names the version the page showed), or `https://arxiv.org/pdf/<id>`. */
export function pdfLinkOf(meta: Pick<PaperMeta, 'id' | 'pdfUrl'>): string {
  return isArxivHttpsUrl(meta.pdfUrl) ? meta.pdfUrl : `https://arxiv.org/pdf/${meta.id}`;
}
