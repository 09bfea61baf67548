/**
 * TeX command names are not text a reader sees: `$O(\log n)$` renders as "O(log n)" in an upright
 * font and `$\tilde O(D)$` as "Õ(D)", so a rule for `log` or `tilde` must not light up on the
 * command. Before MathJax typesets (or where it never runs) the TeX is plain text in the page and
 * in the stored metadata, so the matcher drops every match that cuts into a command name. A match
 * that takes a command whole, backslash included, stays: its pattern was typed as TeX
 * (`\tilde O(D)`), and the TeX is what it looks for.
 */

/**
 * A control word: a backslash and the ASCII letters after it (The TeXbook, ch. 3; MathJax's TeX
 * input reads `\\([a-z]+|.)`, letters case-insensitively). Control symbols such as `\$`, `\%`
 * and `\,` render as their character or as space and are left alone.
 */
const CONTROL_WORD = /\\[A-Za-z]+/g;

/** `[start, end)` of each TeX control word in `text`, in order; empty when there is none. */
export function texCommandsOf(text: string): Array<[start: number, end: number]> {
  if (!text.includes('\\')) return [];
  return [...text.matchAll(CONTROL_WORD)].map((command) => [command.index, command.index + command[0].length]);
}

/**
 * Whether the text range `[start, end)` begins or ends inside one of `commands` (as returned by
 * `texCommandsOf` for the same text): after a command's backslash, or before the last letter of
 * its name. Such a match is part of a command name, which the reader never sees.
 *
 * @example cutsTexCommand(texCommandsOf('$\\log n$'), 2, 5) === true // "log" of \log
 */
export function cutsTexCommand(commands: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  for (const [from, to] of commands) {
    if (from >= end) break;
    if ((from < start && start < to) || (from < end && end < to)) return true;
  }
  return false;
}
