import { useState } from 'preact/hooks';
import type { ImportMode, ImportReport } from '@/lib/store/backup-format';
import { TABLE_NAMES } from '@/lib/store/tables';
import { TABLE_LABELS, summarizeRestore } from '@/lib/extension-pages/backup-file';
import { ConfirmDialog } from './ConfirmDialog';

export interface BackupPanelProps {
  /** Saves a backup of everything, gzip-compressed if `gzip`; resolves with the file name. */
  onDownload(gzip: boolean): Promise<string>;
  /** Restores `file`; rejects with the reason the file was refused. */
  onRestore(file: File, mode: ImportMode): Promise<ImportReport>;
}

type Outcome =
  | { kind: 'saved'; name: string }
  | { kind: 'restored'; report: ImportReport }
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; reason: string }
  | undefined;

const MODES: readonly { id: ImportMode; label: string }[] = [
  { id: 'merge', label: 'Merge with what is here (for each star, tag, note and seen mark, the later edit wins, from either side)' },
  { id: 'replace', label: 'Replace everything here with the backup' },
];

/**
 * Download a backup of every table; restore one by merging or replacing, with a table of what
 * changed, or the reason the file was refused (in which case nothing changed).
 */
export function BackupPanel({ onDownload, onRestore }: BackupPanelProps) {
  const [file, setFile] = useState<File | undefined>();
  const [mode, setMode] = useState<ImportMode>('merge');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [gzip, setGzip] = useState(false);

  async function restore(chosen: File) {
    setBusy(true);
    try {
      setOutcome({ kind: 'restored', report: await onRestore(chosen, mode) });
    } catch (error) {
      setOutcome({ kind: 'refused', reason: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="backup">
      <p>A backup is one JSON file with every paper you starred, tagged, hid or noted, your tags, rules and the papers you have seen.</p>
      <label>
        <input type="checkbox" checked={gzip} onChange={(e) => setGzip(e.currentTarget.checked)} />
        Compress the backup (gzip, about a fifth of the size)
      </label>
      <button
        type="button"
        class="action"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            setOutcome({ kind: 'saved', name: await onDownload(gzip) });
          } catch (error) {
            setOutcome({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
          } finally {
            setBusy(false);
          }
        }}
      >
        Download backup
      </button>
      <form
        aria-label="Restore a backup"
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) return;
          if (mode === 'replace') setConfirming(true);
          else void restore(file);
        }}
      >
        <label>
          Backup file
          <input type="file" accept=".json,.gz,application/json,application/gzip" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </label>
        <fieldset>
          <legend>How to restore</legend>
          {MODES.map((m) => (
            <label key={m.id}>
              <input type="radio" name="restore-mode" checked={mode === m.id} onChange={() => setMode(m.id)} />
              {m.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="action primary" disabled={busy || !file}>
          Restore
        </button>
      </form>
      {outcome?.kind === 'saved' && <p role="status">Saved {outcome.name}.</p>}
      {outcome?.kind === 'failed' && (
        <p class="error" role="alert">
          Could not make a backup: {outcome.reason}
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <p class="error" role="alert">
          The file was refused and nothing was changed: {outcome.reason}
        </p>
      )}
      {outcome?.kind === 'restored' && <RestoreReport report={outcome.report} />}
      {confirming && file && (
        <ConfirmDialog
          title="Replace everything?"
          confirmLabel="Replace everything"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void restore(file);
          }}
        >
          <p>Everything Sift holds now is deleted and replaced by the contents of {file.name}.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function RestoreReport({ report }: { report: ImportReport }) {
  return (
    <div role="status" class="restore-report">
      <p>{summarizeRestore(report)}</p>
      <table aria-label="What the restore changed">
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">Added</th>
            <th scope="col">Updated</th>
            <th scope="col">Unchanged</th>
            <th scope="col">Removed</th>
          </tr>
        </thead>
        <tbody>
          {TABLE_NAMES.map((name) => (
            <tr key={name}>
              <th scope="row">{TABLE_LABELS[name]}</th>
              <td>{report[name].added}</td>
              <td>{report[name].updated}</td>
              <td>{report[name].unchanged}</td>
              <td>{report[name].removed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
