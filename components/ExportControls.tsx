import { i18n } from '#i18n';
import { EXPORT_FORMATS, exportFormatOf, type CitationKeyStyle, type ExportFormatId } from '@/lib/export';
import { sharedExportPreferences, type ExportPreferencesModel } from '@/lib/export/preferences';
import type { ScopeChoice } from '@/lib/reading-list/export-scope';

export interface ExportControlsProps {
  format: ExportFormatId;
  /** What the export covers: the selection, or the list (every paper, or those shown). */
  choice: ScopeChoice;
  selectedCount: number;
  /** How many papers the list choice covers, and its name (`3 shown`, `All papers (5)`). */
  listCount: number;
  listLabel: string;
  busy: boolean;
  onFormat(format: ExportFormatId): void;
  onScope(choice: ScopeChoice): void;
  onDownload(): void;
  onCopy(): void;
  /** The remembered export choices; the one model all extension pages share when absent. */
  preferences?: ExportPreferencesModel;
}

const KEY_STYLES: readonly { id: CitationKeyStyle; label: string }[] = [
  { id: 'short', label: i18n.t('export.controls.keyShort') },
  { id: 'arxiv', label: i18n.t('export.controls.keyArxiv') },
];

/**
 * Pick a format and what to export (the selection, or the list: every paper, or only those shown
 * while a search or filter is active), whether the user's tags and
 * notes go in (remembered per format; off by default for BibTeX, RIS and CSL-JSON, which are
 * usually shared) and, for formats with citation keys, the key style; then download or copy it.
 */
export function ExportControls(props: ExportControlsProps) {
  const { choice, selectedCount, listCount, busy } = props;
  const nothing = (choice === 'selection' ? selectedCount : listCount) === 0;
  const model = props.preferences ?? sharedExportPreferences();
  const preferences = model.preferences.value;
  const hasKeys = exportFormatOf(props.format).hasCitationKeys;
  return (
    <fieldset class="export">
      <legend>{i18n.t('export.controls.legend')}</legend>
      <select aria-label={i18n.t('export.controls.format')} value={props.format} onChange={(event) => props.onFormat(event.currentTarget.value as ExportFormatId)}>
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
        {i18n.t('export.controls.includeUserData')}
      </label>
      {hasKeys && (
        <label>
          {i18n.t('export.controls.citationKeys')}
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
        <input type="radio" name="export-scope" checked={choice === 'selection'} disabled={selectedCount === 0} onChange={() => props.onScope('selection')} />
        {i18n.t('export.controls.selected', [selectedCount])}
      </label>
      <label>
        <input type="radio" name="export-scope" checked={choice === 'list'} onChange={() => props.onScope('list')} />
        {props.listLabel}
      </label>
      <button type="button" class="action" disabled={busy || nothing} onClick={props.onDownload}>
        {i18n.t('export.controls.download')}
      </button>
      <button type="button" class="action" disabled={busy || nothing} onClick={props.onCopy}>
        {i18n.t('export.controls.copy')}
      </button>
    </fieldset>
  );
}
