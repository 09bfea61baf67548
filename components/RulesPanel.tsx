import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
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
  { id: 'phrase', label: i18n.t('rules.modes.phrase') },
  { id: 'word', label: i18n.t('rules.modes.word') },
  { id: 'regex', label: i18n.t('rules.modes.regex') },
];

const ACTIONS: readonly { id: RuleAction; label: string }[] = [
  { id: 'highlight', label: i18n.t('rules.actions.highlight') },
  { id: 'star', label: i18n.t('rules.actions.star') },
  { id: 'hide', label: i18n.t('rules.actions.hide') },
];

/** How the editor names the fields a rule looks in. */
const FIELD_LABELS: Readonly<Record<RuleField, string>> = {
  title: i18n.t('rules.fields.title'),
  abstract: i18n.t('rules.fields.abstract'),
  authors: i18n.t('rules.fields.authors'),
  comments: i18n.t('rules.fields.comments'),
  subjects: i18n.t('rules.fields.subjects'),
};

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
    const problem = rule.pattern ? props.validate(rule) : i18n.t('rules.editor.needPattern');
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
      <ul class="rule-list" aria-label={i18n.t('rules.editor.listLabel')}>
        {props.rules.length === 0 && <li class="empty">{i18n.t('rules.editor.empty')}</li>}
        {props.rules.map((rule) => (
          <li key={rule.id}>
            <span class="swatch" style={{ background: rule.color }} />
            <code>{rule.pattern}</code>
            <span class="muted">
              {i18n.t('rules.editor.summary', {
                mode: MODES.find((m) => m.id === rule.mode)?.label ?? '',
                fields: rule.fields.map((field) => FIELD_LABELS[field]).join(i18n.t('rules.editor.fieldSeparator')),
                action: ACTIONS.find((a) => a.id === rule.action)?.label ?? '',
              })}
            </span>
            <label>
              <input type="checkbox" checked={rule.enabled} onChange={(e) => props.onSave({ ...rule, enabled: e.currentTarget.checked, updatedAt: props.now() })} />
              {i18n.t('rules.editor.enabled')}
            </label>
            <button type="button" class="action" onClick={() => setDraft(rule)} aria-label={i18n.t('rules.editor.editLabel', { pattern: rule.pattern })}>
              {i18n.t('rules.editor.edit')}
            </button>
            {deleting === rule.id ? (
              <span role="group" aria-label={i18n.t('rules.editor.deleteGroup', { pattern: rule.pattern })}>
                <button
                  type="button"
                  class="action danger"
                  onClick={() => {
                    setDeleting(undefined);
                    void props.onDelete(rule.id);
                  }}
                >
                  {i18n.t('rules.editor.confirmDelete')}
                </button>
                <button type="button" class="action" onClick={() => setDeleting(undefined)}>
                  {i18n.t('rules.editor.keep')}
                </button>
              </span>
            ) : (
              <button type="button" class="action danger" onClick={() => setDeleting(rule.id)} aria-label={i18n.t('rules.editor.deleteLabel', { pattern: rule.pattern })}>
                {i18n.t('rules.editor.delete')}
              </button>
            )}
            {rule.verdict?.error !== undefined && (
              <p class="error" role="note">
                {i18n.t('rules.editor.notUsed', { error: rule.verdict.error })}
              </p>
            )}
          </li>
        ))}
      </ul>
      <form class="rule-form" onSubmit={save} aria-label={i18n.t(editing ? 'rules.editor.formEdit' : 'rules.editor.formNew')}>
        <label>
          {i18n.t('rules.editor.match')}
          <input type="text" value={draft.pattern} maxLength={500} onInput={(e) => update({ pattern: e.currentTarget.value })} />
        </label>
        <label>
          {i18n.t('rules.editor.as')}
          <select value={draft.mode} onChange={(e) => update({ mode: e.currentTarget.value as RuleMode })}>
            {MODES.map((mode) => (
              <option key={mode.id} value={mode.id}>
                {mode.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{i18n.t('rules.editor.in')}</legend>
          {RULE_FIELDS.map((field) => (
            <label key={field}>
              <input
                type="checkbox"
                checked={draft.fields.includes(field)}
                onChange={(e) => update({ fields: toggled(draft.fields, field, e.currentTarget.checked) })}
              />
              {FIELD_LABELS[field]}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={draft.caseSensitive} onChange={(e) => update({ caseSensitive: e.currentTarget.checked })} />
          {i18n.t('rules.editor.matchCase')}
        </label>
        <label>
          <input type="checkbox" checked={draft.diacriticSensitive} onChange={(e) => update({ diacriticSensitive: e.currentTarget.checked })} />
          {i18n.t('rules.editor.matchAccents')}
        </label>
        <label>
          {i18n.t('rules.editor.then')}
          <select value={draft.action} onChange={(e) => update({ action: e.currentTarget.value as RuleAction })}>
            {ACTIONS.map((action) => (
              <option key={action.id} value={action.id}>
                {action.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {i18n.t('rules.editor.colour')}
          <input type="color" value={draft.color} onInput={(e) => update({ color: e.currentTarget.value })} />
        </label>
        <button type="submit" class="action primary">
          {i18n.t(editing ? 'rules.editor.save' : 'rules.editor.add')}
        </button>
        {editing && (
          <button type="button" class="action" onClick={() => setDraft(blankRule(props))}>
            {i18n.t('rules.editor.cancel')}
          </button>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {preview && (
          <p class="preview" role="status">
            {preview.samples.length > 0
              ? i18n.t('rules.editor.previewWithSamples', preview.count, { samples: preview.samples.join(i18n.t('rules.editor.sampleSeparator')) })
              : i18n.t('rules.editor.preview', preview.count)}
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
