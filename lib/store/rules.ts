/** Highlight rules as stored: listed, saved whole, deleted. lib/rules compiles and matches them. */
import { i18n } from '#i18n';
import { hasCurrentVerdict, ruleFingerprint } from '@/lib/rules/compile';
import { judgeRule } from '@/lib/rules/judge';
import type { Rule } from '@/lib/rules/types';
import { LIMITS } from '@/lib/schemas/fields';
import type { StoreOutcome } from './api';
import type { SiftDb } from './db';
import { stampRule } from './sync-stamps';

/**
 * Every rule, oldest first, so the options page shows them in the order they were made, each with
 * a current verdict where one can be had: a rule stored without one (by the first version, which
 * kept none) or with a stale one is judged here and its verdict written back, because listings
 * compile regex rules only on a verdict and do not carry the detector. A rule the detector has no
 * budget left for this minute comes back unjudged (its listing says so) and is judged next time.
 */
export async function listRules(db: SiftDb): Promise<Rule[]> {
  const stored = await db.transaction('r', db.rules, () => db.rules.toArray());
  const judged = new Map<string, Rule>();
  for (const rule of stored) {
    if (hasCurrentVerdict(rule)) continue;
    try {
      judged.set(rule.id, judgeRule(rule));
    } catch (error) {
      console.warn(`[sift] rule ${rule.id} left unjudged for now`, error);
    }
  }
  if (judged.size > 0) await writeVerdicts(db, [...judged.values()]);
  const rules = stored.map((rule) => judged.get(rule.id) ?? rule);
  return rules.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/**
 * Stores the verdicts of rules judged outside the write, onto each rule only if it is unchanged
 * since it was read (an edit meanwhile was judged when saved). A verdict is derived from the rule,
 * not an edit of it, so it is not stamped for sync.
 */
async function writeVerdicts(db: SiftDb, judged: readonly Rule[]): Promise<void> {
  await db.transaction('rw', db.rules, async () => {
    const current = await db.rules.bulkGet(judged.map((rule) => rule.id));
    const unchanged = judged.filter((rule, i) => current[i] !== undefined && ruleFingerprint(current[i]) === ruleFingerprint(rule) && current[i].updatedAt === rule.updatedAt);
    await db.rules.bulkPut(unchanged);
  });
}

/**
 * The first cap `rules` break, as a sentence, or `undefined`: at most `LIMITS.rules` rules and
 * `LIMITS.regexRules` regex rules, which bound what one listing load has to run.
 */
export function ruleCapProblem(rules: readonly Pick<Rule, 'mode'>[]): string | undefined {
  if (rules.length > LIMITS.rules) return i18n.t('store.tooManyRules', [String(LIMITS.rules), String(rules.length)]);
  const regexes = rules.filter((rule) => rule.mode === 'regex').length;
  if (regexes > LIMITS.regexRules) {
    return i18n.t('store.tooManyRegexRules', [String(LIMITS.regexRules), String(regexes)]);
  }
  return undefined;
}

/**
 * Checks `rule` once (see `judgeRule`) and saves it whole with its verdict, adding it or replacing
 * the rule with the same id. A pattern that fails the check, or a rule past the caps, is refused
 * with the reason and nothing is written; a verdict sent with the rule is ignored.
 */
export async function upsertRule(db: SiftDb, rule: Rule, now: number): Promise<StoreOutcome<Rule>> {
  const judged = judgeRule(rule);
  if (judged.verdict?.error !== undefined) throw new Error(judged.verdict.error);
  await db.transaction('rw', db.rules, db.syncStamps, async () => {
    const others = await db.rules.filter((stored) => stored.id !== rule.id).toArray();
    const problem = ruleCapProblem([...others, judged]);
    if (problem !== undefined) throw new Error(problem);
    await db.rules.put(judged);
    await stampRule(db, rule.id, now);
  });
  return { result: judged, change: { ids: [], tables: ['rules'] } };
}

/** Deletes the rule `id`; answers whether there was one. */
export async function deleteRule(db: SiftDb, id: string, now: number): Promise<StoreOutcome<{ deleted: boolean }>> {
  const deleted = await db.transaction('rw', db.rules, db.syncStamps, async () => {
    const existed = (await db.rules.get(id)) !== undefined;
    if (existed) {
      await db.rules.delete(id);
      await stampRule(db, id, now);
    }
    return existed;
  });
  return deleted ? { result: { deleted }, change: { ids: [], tables: ['rules'] } } : { result: { deleted } };
}
