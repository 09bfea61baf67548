/**
 * Validation with words: the one place that turns a valibot issue into a message naming what is
 * wrong and where, for messages, backups and anything else read from outside.
 */
import * as v from 'valibot';
import { i18n } from '#i18n';

/** Cuts a received value down so an error about a 20 MB string stays readable. */
export function shorten(received: string): string {
  return received.length > 60 ? `${received.slice(0, 57)}...` : received;
}

function describeRequirement(issue: v.BaseIssue<unknown>): string {
  const items = Array.isArray(issue.input);
  const requirement = Number(issue.requirement);
  const counts: [string, string] = [String(issue.requirement), issue.received];
  switch (issue.type) {
    case 'max_length':
      return items ? i18n.t('schemas.atMostItems', requirement, counts) : i18n.t('schemas.atMostCharacters', requirement, counts);
    case 'min_length':
      return items ? i18n.t('schemas.atLeastItems', requirement, counts) : i18n.t('schemas.atLeastCharacters', requirement, counts);
    case 'integer':
      return i18n.t('schemas.notInteger', [shorten(issue.received)]);
    default:
      return i18n.t('schemas.expected', [issue.expected ?? issue.type, shorten(issue.received)]);
  }
}

/** The fallback message for issues whose schema sets none: `expected …, got …` in plain words. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema') return describeRequirement(issue);
  if (issue.expected === 'never') return i18n.t('schemas.unknownField');
  if (issue.received === 'undefined' && issue.path) return i18n.t('schemas.missing');
  return i18n.t('schemas.expected', [issue.expected ?? issue.type, shorten(issue.received)]);
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
  interface Step {
    value: object;
    depth: number;
    parent: Step | undefined;
    key: string | number;
  }
  const pathOf = (step: Step | undefined) => {
    const keys: { key: string | number }[] = [];
    // The root has no parent and no key of its own.
    for (let at = step; at?.parent !== undefined; at = at.parent) keys.unshift({ key: at.key });
    return toIssuePath(keys, rootName);
  };
  if (typeof root !== 'object' || root === null) return undefined;
  const stack: Step[] = [{ value: root, depth: 0, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.depth >= maxDepth) return pathOf(step);
    const { value } = step;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: step.depth + 1, parent: step, key: i });
      }
    } else {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const item: unknown = (value as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: step.depth + 1, parent: step, key });
      }
    }
  }
  return undefined;
}
