/** Highlight rules as the user writes them; stored as-is and compiled by `lib/rules/compile.ts`. */

export type RuleField = 'title' | 'abstract' | 'authors' | 'comments' | 'subjects';

/** `phrase`: the text anywhere; `word`: only at word boundaries; `regex`: a checked regular expression. */
export type RuleMode = 'phrase' | 'word' | 'regex';

/** What a match does besides painting: nothing more, hide the entry, or star it. */
export type RuleAction = 'highlight' | 'hide' | 'star';

export interface Rule {
  id: string;
  /** Shown in the UI; defaults to the pattern. */
  label?: string;
  pattern: string;
  mode: RuleMode;
  fields: RuleField[];
  caseSensitive: boolean;
  diacriticSensitive: boolean;
  /** A CSS colour, `#rrggbb`. */
  color: string;
  action: RuleAction;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export const RULE_FIELDS: readonly RuleField[] = ['title', 'abstract', 'authors', 'comments', 'subjects'];
