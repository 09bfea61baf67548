/** Highlight rules as the user writes them; the schema in `lib/schemas/rule.ts` defines them. */
export { RULE_FIELDS, type Rule, type RuleAction, type RuleField, type RuleMode } from '@/lib/schemas/rule';
