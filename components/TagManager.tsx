import { useState } from 'preact/hooks';
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

const papers = (n: number) => `${n} ${n === 1 ? 'paper' : 'papers'}`;

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

  if (tags === undefined) return <p class="muted">Loading tags…</p>;
  return (
    <div class="tag-manager">
      {tags.length === 0 ? (
        <p class="empty">No tags yet. Tag papers on an arXiv listing or in the reading list.</p>
      ) : (
        <ul class="tag-rows" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag.name}>
              <input type="checkbox" aria-label={`Select tag ${tag.name}`} checked={chosen.has(tag.name)} onChange={(e) => choose(tag.name, e.currentTarget.checked)} />
              <input
                type="color"
                aria-label={`Colour of ${tag.name}`}
                value={tag.color}
                onChange={(e) => {
                  const color = e.currentTarget.value;
                  void run(() => onRecolor(tag.name, color), `Recoloured “${tag.name}”.`);
                }}
              />
              {renaming?.from === tag.name ? (
                <form
                  class="inline-form"
                  aria-label={`Rename ${tag.name}`}
                  onSubmit={(event) => {
                    event.preventDefault();
                    const to = renaming.to.trim();
                    if (!to || to === tag.name) return setRenaming(undefined);
                    void run(async () => {
                      await onRename(tag.name, to);
                      setRenaming(undefined);
                    }, names.has(to) ? `Merged “${tag.name}” into “${to}”.` : `Renamed “${tag.name}” to “${to}”.`);
                  }}
                >
                  <input
                    type="text"
                    aria-label="New name"
                    maxLength={64}
                    value={renaming.to}
                    autoFocus
                    onInput={(e) => setRenaming({ from: tag.name, to: e.currentTarget.value })}
                  />
                  <button type="submit" class="action primary">
                    Save name
                  </button>
                  <button type="button" class="action" onClick={() => setRenaming(undefined)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <span class="chip" style={{ '--chip': tag.color }}>
                    {tag.name}
                  </span>
                  <span class="muted">{papers(tag.count)}</span>
                  <button type="button" class="action" aria-label={`Rename ${tag.name}`} onClick={() => setRenaming({ from: tag.name, to: tag.name })}>
                    Rename
                  </button>
                  <button type="button" class="action danger" aria-label={`Delete ${tag.name}`} onClick={() => setDeleting(tag)}>
                    Delete
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
          aria-label="Merge tags"
          onSubmit={(event) => {
            event.preventDefault();
            const into = mergeInto.trim();
            if (selected.length === 0 || !into) return;
            void run(async () => {
              await onMerge(selected, into);
              setChosen(new Set());
              setMergeInto('');
            }, `Merged ${selected.map((name) => `“${name}”`).join(', ')} into “${into}”.`);
          }}
        >
          <label>
            Merge the {selected.length} selected into
            <input type="text" list="merge-targets" maxLength={64} value={mergeInto} onInput={(e) => setMergeInto(e.currentTarget.value)} />
          </label>
          <datalist id="merge-targets">
            {tags.map((tag) => (
              <option key={tag.name} value={tag.name} />
            ))}
          </datalist>
          <button type="submit" class="action" disabled={selected.length === 0 || !mergeInto.trim()}>
            Merge
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
          title={`Delete tag “${deleting.name}”?`}
          confirmLabel="Delete tag"
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => {
            const { name } = deleting;
            setDeleting(undefined);
            void run(() => onDelete(name), `Deleted “${name}”.`);
          }}
        >
          <p>
            It is removed from {papers(deleting.count)}. Papers left with no star, tag or note leave the reading list.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
