/**
 * Whether a URL is arXiv's own, over https: the one check behind stored links (the store accepts
 * no others), the reading list's links and the exports. Subdomains count (`export.arxiv.org`,
 * `static.arxiv.org`); look-alikes (`arxiv.org.evil.example`) do not.
 *
 * @example isArxivHttpsUrl('https://arxiv.org/abs/2602.22290') // true
 */
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
