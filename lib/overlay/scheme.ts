/**
 * Whether the page is light or dark as the reader sees it. arXiv's own pages are light whatever
 * the system setting, while extensions such as Dark Reader darken them; following
 * `prefers-color-scheme` alone would put light-on-dark controls on a white page. So read the
 * background the page actually paints.
 */
export type Scheme = 'light' | 'dark';

/** Parses `rgb(…)`/`rgba(…)` as returned by `getComputedStyle`; undefined when transparent. */
export function parseCssColor(value: string): [number, number, number] | undefined {
  const match = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(value);
  if (!match) return undefined;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? parseFloat(match[4]) / 100 : parseFloat(match[4]);
  if (alpha < 0.5) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * The scheme of the page: the first opaque background from `<body>` up, or, if none is painted,
 * the canvas the browser draws (dark only when the page opts into a dark `color-scheme` and the
 * system prefers dark).
 */
export function pageSchemeOf(doc: Document): Scheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const color = parseCssColor(view.getComputedStyle(element).backgroundColor);
    if (color) return relativeLuminance(color) < 0.2 ? 'dark' : 'light';
  }
  const colorScheme = view.getComputedStyle(doc.documentElement).colorScheme;
  // i18n-exempt: a CSS media query
  return /\bdark\b/.test(colorScheme) && view.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
