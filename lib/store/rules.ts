/** Highlight rules as stored: listed, saved whole, deleted. lib/rules compiles and matches them. */
import type { Rule } from '@/lib/rules/types';
import type { StoreOutcome } from './api';
import type { SiftDb } from './db';

/** Every rule, oldest first, so the options page shows them in the order they were made. */
export async function listRules(db: SiftDb): Promise<Rule[]> {
  const rules = await db.transaction('r', db.rules, () => db.rules.toArray());
  return rules.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Saves `rule` whole, adding it or replacing the rule with the same id. */
export async function upsertRule(db: SiftDb, rule: Rule): Promise<StoreOutcome<Rule>> {
  await db.transaction('rw', db.rules, () => db.rules.put(rule));
  return { result: rule, change: { ids: [], tables: ['rules'] } };
}

/** Deletes the rule `id`; answers whether there was one. */
export async function deleteRule(db: SiftDb, id: string): Promise<StoreOutcome<{ deleted: boolean }>> {
  const deleted = await db.transaction('rw', db.rules, async () => {
    const existed = (await db.rules.get(id)) !== undefined;
    if (existed) await db.rules.delete(id);
    return existed;
  });
  return deleted ? { result: { deleted }, change: { ids: [], tables: ['rules'] } } : { result: { deleted } };
}
