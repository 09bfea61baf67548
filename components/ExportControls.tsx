import { EXPORT_FORMATS, type ExportFormatId } from '@/lib/export';

export type ExportScope = 'selection' | 'all';

export interface ExportControlsProps {
  format: ExportFormatId;
  scope: ExportScope;
  selectedCount: number;
  totalCount: number;
  busy: boolean;
  onFormat(format: ExportFormatId): void;
  onScope(scope: ExportScope): void;
  onDownload(): void;
  onCopy(): void;
}

/** Pick a format and what to export (the selection or every paper), then download or copy it. */
export function ExportControls(props: ExportControlsProps) {
  const { scope, selectedCount, totalCount, busy } = props;
  const nothing = (scope === 'selection' ? selectedCount : totalCount) === 0;
  return (
    <fieldset class="export">
      <legend>Export</legend>
      <select aria-label="Export format" value={props.format} onChange={(event) => props.onFormat(event.currentTarget.value as ExportFormatId)}>
        {EXPORT_FORMATS.map((format) => (
          <option key={format.id} value={format.id}>
            {format.label}
          </option>
        ))}
      </select>
      <label>
        <input type="radio" name="export-scope" checked={scope === 'selection'} disabled={selectedCount === 0} onChange={() => props.onScope('selection')} />
        Selected ({selectedCount})
      </label>
      <label>
        <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => props.onScope('all')} />
        All papers ({totalCount})
      </label>
      <button type="button" class="action" disabled={busy || nothing} onClick={props.onDownload}>
        Download
      </button>
      <button type="button" class="action" disabled={busy || nothing} onClick={props.onCopy}>
        Copy
      </button>
    </fieldset>
  );
}
