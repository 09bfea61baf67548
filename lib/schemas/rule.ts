/**
 * A highlight rule as the user writes it, the one definition of `Rule`: the store keeps it as-is,
 * backups carry it, and `lib/rules/compile.ts` compiles its pattern.
 */
import * as v from 'valibot';
import { i18n } from '#i18n';
import { LIMITS, colorSchema, keySchema, textSchema, timestampSchema } from './fields';

export const RULE_FIELDS = ['title', 'abstract', 'authors', 'comments', 'subjects'] as const;

/** `phrase`: the text anywhere; `word`: only at word boundaries; `regex`: a checked regular expression. */
export const RULE_MODES = ['phrase', 'word', 'regex'] as const;

/** What a match does besides painting: nothing more, hide the entry, or star it. */
export const RULE_ACTIONS = ['highlight', 'hide', 'star'] as const;

export const ruleSchema = v.strictObject({
  id: keySchema,
  /** Shown in the UI; defaults to the pattern. */
  label: v.optional(textSchema(LIMITS.shortText)),
  pattern: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.pattern)),
  mode: v.picklist(RULE_MODES),
  fields: v.pipe(
    v.array(v.picklist(RULE_FIELDS)),
    v.minLength(1),
    v.maxLength(RULE_FIELDS.length),
    v.check((fields) => new Set(fields).size === fields.length, () => i18n.t('schemas.fieldTwice')),
  ),
  caseSensitive: v.boolean(),
  diacriticSensitive: v.boolean(),
  /** `#rrggbb`. */
  color: colorSchema,
  action: v.picklist(RULE_ACTIONS),
  enabled: v.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /**
   * The outcome of the pattern check run when the rule was saved or imported: `of` names what was
   * checked (mode, case, accents, pattern; see `ruleFingerprint`), `error` why it was refused.
   * Listings trust a current verdict instead of checking again on every load.
   */
  verdict: v.optional(
    v.strictObject({
      of: v.pipe(v.string(), v.maxLength(LIMITS.pattern + 16)),
      error: v.optional(textSchema(LIMITS.shortText)),
    }),
  ),
});

export type Rule = v.InferOutput<typeof ruleSchema>;
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleMode = (typeof RULE_MODES)[number];
export type RuleAction = (typeof RULE_ACTIONS)[number];
