import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { TagInfo } from '@/lib/store/api';
import { ConfirmDialog } from './ConfirmDialog';

export interface TagManagerProps {
  /** Every tag with its paper count; `undefined` while loading. */
  tags: readonly TagInfo[] | undefined;
  onRename(from: string, to: string): Promise<void>;
  onMerge(from: readonly string[], into: string): Promise<void>;
  onRecolor(name: string, color: string): Promise<void>;
  onDelete(name: string): Promise<void>;
}

type Status = { kind: 'info' | 'error'; text: string } | undefined;

/** Tag names in quotes as a status line lists them: “gpu”, “GPU computing”. */
const quoted = (names: readonly string[]) => names.map((name) => i18n.t('options.tags.quoted', { name })).join(i18n.t('options.listSeparator'));

/**
 * The tag manager: every tag with its colour and paper count; rename one (renaming onto an
 * existing name merges), merge several into one, recolour, and delete after a confirmation.
 */
export function TagManager({ tags, onRename, onMerge, onRecolor, onDelete }: TagManagerProps) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [renaming, setRenaming] = useState<{ from: string; to: string } | undefined>();
  const [mergeInto, setMergeInto] = useState('');
  const [deleting, setDeleting] = useState<TagInfo | undefined>();
  const [status, setStatus] = useState<Status>();
  const names = new Set(tags?.map((tag) => tag.name));
  const selected = [...chosen].filter((name) => names.has(name));

  async function run(action: () => Promise<void>, done: string) {
    try {
      await action();
      setStatus({ kind: 'info', text: done });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }
  const choose = (name: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    setChosen(next);
  };

  if (tags === undefined) return <p class="muted">{i18n.t('options.tags.loading')}</p>;
  return (
    <div class="tag-manager">
      {tags.length === 0 ? (
        <p class="empty">{i18n.t('options.tags.empty')}</p>
      ) : (
        <ul class="tag-rows" aria-label={i18n.t('options.tags.listLabel')}>
          {tags.map((tag) => (
            <li key={tag.name}>
              <input type="checkbox" aria-label={i18n.t('options.tags.select', { name: tag.name })} checked={chosen.has(tag.name)} onChange={(e) => choose(tag.name, e.currentTarget.checked)} />
              <input
                type="color"
                aria-label={i18n.t('options.tags.colour', { name: tag.name })}
                value={tag.color}
                onChange={(e) => {
                  const color = e.currentTarget.value;
                  void run(() => onRecolor(tag.name, color), i18n.t('options.tags.recoloured', { name: tag.name }));
                }}
              />
              {renaming?.from === tag.name ? (
                <form
                  class="inline-form"
                  aria-label={i18n.t('options.tags.renameLabel', { name: tag.name })}
                  onSubmit={(event) => {
                    event.preventDefault();
                    const to = renaming.to.trim();
                    if (!to || to === tag.name) return setRenaming(undefined);
                    void run(async () => {
                      await onRename(tag.name, to);
                      setRenaming(undefined);
                    }, names.has(to) ? i18n.t('options.tags.merged', { tags: quoted([tag.name]), into: to }) : i18n.t('options.tags.renamed', { from: tag.name, to }));
                  }}
                >
                  <input
                    type="text"
                    aria-label={i18n.t('options.tags.newName')}
                    maxLength={64}
                    value={renaming.to}
                    autoFocus
                    onInput={(e) => setRenaming({ from: tag.name, to: e.currentTarget.value })}
                  />
                  <button type="submit" class="action primary">
                    {i18n.t('options.tags.saveName')}
                  </button>
                  <button type="button" class="action" onClick={() => setRenaming(undefined)}>
                    {i18n.t('options.tags.cancel')}
                  </button>
                </form>
              ) : (
                <>
                  <span class="chip" style={{ '--chip': tag.color }}>
                    {tag.name}
                  </span>
                  <span class="muted">{i18n.t('options.tags.paperCount', tag.count)}</span>
                  <button type="button" class="action" aria-label={i18n.t('options.tags.renameLabel', { name: tag.name })} onClick={() => setRenaming({ from: tag.name, to: tag.name })}>
                    {i18n.t('options.tags.rename')}
                  </button>
                  <button type="button" class="action danger" aria-label={i18n.t('options.tags.deleteLabel', { name: tag.name })} onClick={() => setDeleting(tag)}>
                    {i18n.t('options.tags.delete')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {tags.length > 1 && (
        <form
          class="inline-form"
          aria-label={i18n.t('options.tags.mergeLabel')}
          onSubmit={(event) => {
            event.preventDefault();
            const into = mergeInto.trim();
            if (selected.length === 0 || !into) return;
            void run(async () => {
              await onMerge(selected, into);
              setChosen(new Set());
              setMergeInto('');
            }, i18n.t('options.tags.merged', { tags: quoted(selected), into }));
          }}
        >
          <label>
            {i18n.t('options.tags.mergeInto', selected.length)}
            <input type="text" list="merge-targets" maxLength={64} value={mergeInto} onInput={(e) => setMergeInto(e.currentTarget.value)} />
          </label>
          <datalist id="merge-targets">
            {tags.map((tag) => (
              <option key={tag.name} value={tag.name} />
            ))}
          </datalist>
          <button type="submit" class="action" disabled={selected.length === 0 || !mergeInto.trim()}>
            {i18n.t('options.tags.merge')}
          </button>
        </form>
      )}
      <p class="status" role="status">
        {status?.kind === 'info' && status.text}
      </p>
      {status?.kind === 'error' && (
        <p class="error" role="alert">
          {status.text}
        </p>
      )}
      {deleting && (
        <ConfirmDialog
          title={i18n.t('options.tags.deleteTitle', { name: deleting.name })}
          confirmLabel={i18n.t('options.tags.deleteConfirm')}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => {
            const { name } = deleting;
            setDeleting(undefined);
            void run(() => onDelete(name), i18n.t('options.tags.deleted', { name }));
          }}
        >
          <p>{i18n.t('options.tags.deleteBody', deleting.count)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
