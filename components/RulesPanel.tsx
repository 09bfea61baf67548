import { useState } from 'preact/hooks';
import { RULE_FIELDS, type Rule, type RuleAction, type RuleField, type RuleMode } from '@/lib/rules/types';

export interface RulesPanelProps {
  rules: readonly Rule[];
  /** An error message when the rule cannot be used (bad or catastrophic regex), else undefined. */
  validate(rule: Rule): string | undefined;
  /** What the draft would match, for a live preview (options page: the bundled seed listing). */
  preview?(rule: Rule): { count: number; samples: readonly string[] };
  onSave(rule: Rule): void | Promise<void>;
  onDelete(id: string): void | Promise<void>;
  newId(): string;
  now(): number;
}

const MODES: readonly { id: RuleMode; label: string }[] = [
  { id: 'phrase', label: 'Phrase' },
  { id: 'word', label: 'Whole word' },
  { id: 'regex', label: 'Regular expression' },
];

const ACTIONS: readonly { id: RuleAction; label: string }[] = [
  { id: 'highlight', label: 'Highlight' },
  { id: 'star', label: 'Highlight and star' },
  { id: 'hide', label: 'Hide' },
];

const PALETTE = ['#ffe066', '#a5d8ff', '#b2f2bb', '#ffc9c9', '#d0bfff', '#ffd8a8'];

/** The keyword and author rules: a list with enable/delete, and a form to add or edit one. */
export function RulesPanel(props: RulesPanelProps) {
  const [draft, setDraft] = useState<Rule>(() => blankRule(props));
  const [error, setError] = useState<string | undefined>();
  /** The rule whose Delete was pressed once: deleting takes a second, explicit confirmation. */
  const [deleting, setDeleting] = useState<string | undefined>();
  const editing = props.rules.some((rule) => rule.id === draft.id);
  const preview = draft.pattern && !props.validate(draft) ? props.preview?.(draft) : undefined;

  const update = (patch: Partial<Rule>) => {
    setDraft({ ...draft, ...patch });
    setError(undefined);
  };

  async function save(event: Event) {
    event.preventDefault();
    const rule = { ...draft, pattern: draft.pattern.trim(), updatedAt: props.now() };
    const problem = rule.pattern ? props.validate(rule) : 'Write a word, a phrase or a pattern to match.';
    if (problem) return setError(problem);
    try {
      await props.onSave(rule);
      setDraft(blankRule(props));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <div class="rules">
      <ul class="rule-list" aria-label="Rules">
        {props.rules.length === 0 && <li class="empty">No rules yet.</li>}
        {props.rules.map((rule) => (
          <li key={rule.id}>
            <span class="swatch" style={{ background: rule.color }} />
            <code>{rule.pattern}</code>
            <span class="muted">
              {MODES.find((m) => m.id === rule.mode)?.label} · {rule.fields.join(', ')} · {ACTIONS.find((a) => a.id === rule.action)?.label}
            </span>
            <label>
              <input type="checkbox" checked={rule.enabled} onChange={(e) => props.onSave({ ...rule, enabled: e.currentTarget.checked, updatedAt: props.now() })} />
              Enabled
            </label>
            <button type="button" class="action" onClick={() => setDraft(rule)} aria-label={`Edit rule ${rule.pattern}`}>
              Edit
            </button>
            {deleting === rule.id ? (
              <span role="group" aria-label={`Delete rule ${rule.pattern}?`}>
                <button
                  type="button"
                  class="action danger"
                  onClick={() => {
                    setDeleting(undefined);
                    void props.onDelete(rule.id);
                  }}
                >
                  Yes, delete
                </button>
                <button type="button" class="action" onClick={() => setDeleting(undefined)}>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" class="action danger" onClick={() => setDeleting(rule.id)} aria-label={`Delete rule ${rule.pattern}`}>
                Delete
              </button>
            )}
            {rule.verdict?.error !== undefined && (
              <p class="error" role="note">
                Not used on listings: {rule.verdict.error}
              </p>
            )}
          </li>
        ))}
      </ul>
      <form class="rule-form" onSubmit={save} aria-label={editing ? 'Edit rule' : 'New rule'}>
        <label>
          Match
          <input type="text" value={draft.pattern} maxLength={500} onInput={(e) => update({ pattern: e.currentTarget.value })} />
        </label>
        <label>
          As
          <select value={draft.mode} onChange={(e) => update({ mode: e.currentTarget.value as RuleMode })}>
            {MODES.map((mode) => (
              <option key={mode.id} value={mode.id}>
                {mode.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>In</legend>
          {RULE_FIELDS.map((field) => (
            <label key={field}>
              <input
                type="checkbox"
                checked={draft.fields.includes(field)}
                onChange={(e) => update({ fields: toggled(draft.fields, field, e.currentTarget.checked) })}
              />
              {field}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={draft.caseSensitive} onChange={(e) => update({ caseSensitive: e.currentTarget.checked })} />
          Match case
        </label>
        <label>
          <input type="checkbox" checked={draft.diacriticSensitive} onChange={(e) => update({ diacriticSensitive: e.currentTarget.checked })} />
          Match accents
        </label>
        <label>
          Then
          <select value={draft.action} onChange={(e) => update({ action: e.currentTarget.value as RuleAction })}>
            {ACTIONS.map((action) => (
              <option key={action.id} value={action.id}>
                {action.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour
          <input type="color" value={draft.color} onInput={(e) => update({ color: e.currentTarget.value })} />
        </label>
        <button type="submit" class="action primary">
          {editing ? 'Save rule' : 'Add rule'}
        </button>
        {editing && (
          <button type="button" class="action" onClick={() => setDraft(blankRule(props))}>
            Cancel
          </button>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {preview && (
          <p class="preview" role="status">
            Matches {preview.count} {preview.count === 1 ? 'paper' : 'papers'} on the sample listing
            {preview.samples.length > 0 && `: ${preview.samples.join('; ')}`}
          </p>
        )}
      </form>
    </div>
  );
}

function toggled(fields: readonly RuleField[], field: RuleField, on: boolean): RuleField[] {
  return on ? RULE_FIELDS.filter((f) => f === field || fields.includes(f)) : fields.filter((f) => f !== field);
}

function blankRule(props: Pick<RulesPanelProps, 'newId' | 'now' | 'rules'>): Rule {
  const now = props.now();
  return {
    id: props.newId(),
    pattern: '',
    mode: 'word',
    fields: ['title', 'abstract', 'authors'],
    caseSensitive: false,
    diacriticSensitive: false,
    color: PALETTE[props.rules.length % PALETTE.length]!,
    action: 'highlight',
    enabled: true,
    createdAt: now,
    updatedAt: now,
  };
}
