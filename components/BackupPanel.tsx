import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
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
  { id: 'merge', label: i18n.t('options.backup.modes.merge') },
  { id: 'replace', label: i18n.t('options.backup.modes.replace') },
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
      <p>{i18n.t('options.backup.intro')}</p>
      <label>
        <input type="checkbox" checked={gzip} onChange={(e) => setGzip(e.currentTarget.checked)} />
        {i18n.t('options.backup.gzip')}
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
        {i18n.t('options.backup.download')}
      </button>
      <form
        aria-label={i18n.t('options.backup.restoreLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) return;
          if (mode === 'replace') setConfirming(true);
          else void restore(file);
        }}
      >
        <label>
          {i18n.t('options.backup.file')}
          <input type="file" accept=".json,.gz,application/json,application/gzip" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </label>
        <fieldset>
          <legend>{i18n.t('options.backup.mode')}</legend>
          {MODES.map((m) => (
            <label key={m.id}>
              <input type="radio" name="restore-mode" checked={mode === m.id} onChange={() => setMode(m.id)} />
              {m.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="action primary" disabled={busy || !file}>
          {i18n.t('options.backup.restore')}
        </button>
      </form>
      {outcome?.kind === 'saved' && <p role="status">{i18n.t('options.backup.saved', { name: outcome.name })}</p>}
      {outcome?.kind === 'failed' && (
        <p class="error" role="alert">
          {i18n.t('options.backup.failed', { reason: outcome.reason })}
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <p class="error" role="alert">
          {i18n.t('options.backup.refused', { reason: outcome.reason })}
        </p>
      )}
      {outcome?.kind === 'restored' && <RestoreReport report={outcome.report} />}
      {confirming && file && (
        <ConfirmDialog
          title={i18n.t('options.backup.confirmTitle')}
          confirmLabel={i18n.t('options.backup.confirmAction')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void restore(file);
          }}
        >
          <p>{i18n.t('options.backup.confirmBody', { file: file.name })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function RestoreReport({ report }: { report: ImportReport }) {
  return (
    <div role="status" class="restore-report">
      <p>{summarizeRestore(report)}</p>
      <table aria-label={i18n.t('options.backup.report.label')}>
        <thead>
          <tr>
            <th scope="col">{i18n.t('options.backup.report.table')}</th>
            <th scope="col">{i18n.t('options.backup.report.added')}</th>
            <th scope="col">{i18n.t('options.backup.report.updated')}</th>
            <th scope="col">{i18n.t('options.backup.report.unchanged')}</th>
            <th scope="col">{i18n.t('options.backup.report.removed')}</th>
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
