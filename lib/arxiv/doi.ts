/**
 * DOIs in free text, as they appear in journal references and DOI lines
 * (https://www.doi.org/the-identifier/resources/handbook: `10.<registrant>/<suffix>`).
 */

// `[^\s"<>]+` cannot backtrack into the prefix, so the match is linear in the input.
const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/;
/** Punctuation that ends a sentence or a bracket rather than the DOI. */
const TRAILING = new Set(['.', ',', ';', ':', ')', ']', '}', "'"]);

/**
 * The first DOI in `text`, without trailing sentence punctuation, or `undefined`.
 *
 * @example findDoi('Phys. Rev. B 73, 045117 (2006); doi:10.1103/PhysRevB.73.045117.')
 * // '10.1103/PhysRevB.73.045117'
 */
export function findDoi(text: string): string | undefined {
  const match = DOI.exec(text);
  if (!match) return undefined;
  let doi = match[0];
  while (doi.length > 0 && TRAILING.has(doi.charAt(doi.length - 1))) {
    // A closing bracket that pairs with one inside the DOI belongs to it: 10.1002/(SICI)1097-…
    const last = doi.charAt(doi.length - 1);
    if (last === ')' && countOf(doi, '(') >= countOf(doi, ')')) break;
    doi = doi.slice(0, -1);
  }
  return doi;
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (const c of text) if (c === char) count += 1;
  return count;
}
