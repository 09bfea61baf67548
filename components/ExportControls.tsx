import { EXPORT_FORMATS, exportFormatOf, type CitationKeyStyle, type ExportFormatId } from '@/lib/export';
import { sharedExportPreferences, type ExportPreferencesModel } from '@/lib/export/preferences';

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
  /** The remembered export choices; the one model all extension pages share when absent. */
  preferences?: ExportPreferencesModel;
}

const KEY_STYLES: readonly { id: CitationKeyStyle; label: string }[] = [
  { id: 'short', label: 'Short (ding2026energy)' },
  { id: 'arxiv', label: 'As arXiv (ding2026energyefficientfederatedlearning)' },
];

/**
 * Pick a format and what to export (the selection or every paper), whether the user's tags and
 * notes go in (remembered per format; off by default for BibTeX, RIS and CSL-JSON, which are
 * usually shared) and, for formats with citation keys, the key style; then download or copy it.
 */
export function ExportControls(props: ExportControlsProps) {
  const { scope, selectedCount, totalCount, busy } = props;
  const nothing = (scope === 'selection' ? selectedCount : totalCount) === 0;
  const model = props.preferences ?? sharedExportPreferences();
  const preferences = model.preferences.value;
  const hasKeys = exportFormatOf(props.format).hasCitationKeys;
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
        <input
          type="checkbox"
          checked={preferences.includeUserData[props.format]}
          onChange={(event) => void model.setIncludeUserData(props.format, event.currentTarget.checked)}
        />
        Include my tags and notes
      </label>
      {hasKeys && (
        <label>
          Citation keys
          <select value={preferences.citationKeyStyle} onChange={(event) => void model.setCitationKeyStyle(event.currentTarget.value as CitationKeyStyle)}>
            {KEY_STYLES.map((style) => (
              <option key={style.id} value={style.id}>
                {style.label}
              </option>
            ))}
          </select>
        </label>
      )}
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
