/**
 * Validation with words: the one place that turns a valibot issue into a message naming what is
 * wrong and where, for messages, backups and anything else read from outside.
 */
import * as v from 'valibot';

/** Cuts a received value down so an error about a 20 MB string stays readable. */
export function shorten(received: string): string {
  return received.length > 60 ? `${received.slice(0, 57)}...` : received;
}

function describeRequirement(issue: v.BaseIssue<unknown>): string {
  const unit = Array.isArray(issue.input) ? 'items' : 'characters';
  switch (issue.type) {
    case 'max_length':
      return `expected at most ${String(issue.requirement)} ${unit}, got ${issue.received}`;
    case 'min_length':
      return `expected at least ${String(issue.requirement)} ${unit}, got ${issue.received}`;
    case 'integer':
      return `expected an integer, got ${shorten(issue.received)}`;
    default:
      return `expected ${issue.expected ?? issue.type}, got ${shorten(issue.received)}`;
  }
}

/** The fallback message for issues whose schema sets none: `expected …, got …` in plain words. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema') return describeRequirement(issue);
  if (issue.expected === 'never') return 'unknown field';
  if (issue.received === 'undefined' && issue.path) return 'missing';
  return `expected ${issue.expected ?? issue.type}, got ${shorten(issue.received)}`;
}

/** Renders an issue path as `tables.papers[3].tags` (or `data` when the issue is at the root). */
export function toIssuePath(path: readonly { readonly key: unknown }[] | undefined, root = ''): string {
  let out = root;
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || 'data';
}

/**
 * Validates `input` against `schema` and returns the parsed output, or throws an Error whose
 * message names where and what, e.g. `tables.papers[3].tags: expected an array of strings`.
 * Stops at the first problem, so a huge bad file fails fast.
 */
export function parseWithSchema<S extends v.GenericSchema>(schema: S, input: unknown, root = ''): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortEarly: true, message: describeIssue });
  if (result.success) return result.output;
  const [issue] = result.issues;
  throw new Error(`${toIssuePath(issue.path, root)}: ${issue.message}`);
}

/**
 * The path of the first value in `root` nested deeper than `maxDepth` objects and arrays, walked
 * without recursion (so a hostile 100,000-deep value cannot overflow the stack), or `undefined`.
 * Parsers that recurse (schema libraries, structural comparisons) are then safe to run.
 *
 * @example findTooDeep({ a: { b: [1] } }, 2, 'data') → 'data.a.b'
 */
export function findTooDeep(root: unknown, maxDepth: number, rootName = ''): string | undefined {
  const stack: { value: unknown; depth: number; path: { key: string | number }[] }[] = [{ value: root, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) return toIssuePath(path, rootName);
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
    for (const [key, item] of entries) {
      if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: depth + 1, path: [...path, { key }] });
    }
  }
  return undefined;
}
