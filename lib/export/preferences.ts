/**
 * The export choices Sift remembers between exports: per format, whether the user's tags and
 * notes go into the file, and the citation-key style. They live in `browser.storage.local`
 * as a stored setting (not in the Dexie database: they are settings of one browser, not
 * the reader's data, and backups need not carry them), and are shown as a signal so the export
 * controls and the export itself read the same value.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { defineSetting } from '@/lib/platform/stored-setting';
import type { ExportFormatId } from './formats';
import { CITATION_KEY_STYLES, includesUserDataByDefault, type CitationKeyStyle, type ExportOptions } from './options';

export interface ExportPreferences {
  /** Per format: write the user's tags and notes. */
  includeUserData: Record<ExportFormatId, boolean>;
  citationKeyStyle: CitationKeyStyle;
}

const FORMAT_IDS: readonly ExportFormatId[] = ['bibtex', 'ris', 'csljson', 'markdown', 'csv', 'json'];

/** Off for the formats people share (BibTeX, RIS, CSL-JSON), on for the reader's own lists; short keys. */
export const DEFAULT_EXPORT_PREFERENCES: ExportPreferences = {
  includeUserData: Object.fromEntries(FORMAT_IDS.map((id) => [id, includesUserDataByDefault(id)])) as Record<ExportFormatId, boolean>,
  citationKeyStyle: 'short',
};

/**
 * Reads a stored value tolerantly: anything missing or malformed falls back to the default for
 * that choice alone, so one bad key never turns notes on for a shared format.
 */
export function parseExportPreferences(stored: unknown): ExportPreferences {
  const value = typeof stored === 'object' && stored !== null ? (stored as Partial<Record<keyof ExportPreferences, unknown>>) : {};
  const include = typeof value.includeUserData === 'object' && value.includeUserData !== null ? (value.includeUserData as Record<string, unknown>) : {};
  const style = CITATION_KEY_STYLES.find((s) => s === value.citationKeyStyle);
  return {
    includeUserData: Object.fromEntries(
      FORMAT_IDS.map((id) => [id, typeof include[id] === 'boolean' ? include[id] : DEFAULT_EXPORT_PREFERENCES.includeUserData[id]]),
    ) as Record<ExportFormatId, boolean>,
    citationKeyStyle: style ?? DEFAULT_EXPORT_PREFERENCES.citationKeyStyle,
  };
}

/** The storage item behind the preferences (`local:exportPreferences`). */
export const exportPreferencesItem = defineSetting<ExportPreferences>('local:exportPreferences', DEFAULT_EXPORT_PREFERENCES);

/** The options one export in `format` runs with under `preferences`. */
export function exportOptionsOf(preferences: ExportPreferences, format: ExportFormatId): ExportOptions {
  return { includeUserData: preferences.includeUserData[format], citationKeyStyle: preferences.citationKeyStyle };
}

export interface ExportPreferencesModel {
  /** The defaults until storage has answered, then the stored value, kept current across pages. */
  preferences: ReadonlySignal<ExportPreferences>;
  /** Resolves once the stored value has been read. */
  ready: Promise<void>;
  setIncludeUserData(format: ExportFormatId, include: boolean): Promise<void>;
  setCitationKeyStyle(style: CitationKeyStyle): Promise<void>;
  dispose(): void;
}

/**
 * A model over `item`: reads it once, follows changes made by other extension pages, and
 * writes each change through. Until the first read the defaults apply, which keep tags and notes
 * out of the shared formats.
 */
export function createExportPreferencesModel(item = exportPreferencesItem): ExportPreferencesModel {
  const preferences = signal<ExportPreferences>(DEFAULT_EXPORT_PREFERENCES);
  const unwatch = item.watch((value) => {
    preferences.value = parseExportPreferences(value);
  });
  const ready = item.getValue().then((value) => {
    preferences.value = parseExportPreferences(value);
  });
  const save = async (next: ExportPreferences): Promise<void> => {
    preferences.value = next;
    await item.setValue(next);
  };
  return {
    preferences,
    ready,
    setIncludeUserData: (format, include) =>
      save({ ...preferences.value, includeUserData: { ...preferences.value.includeUserData, [format]: include } }),
    setCitationKeyStyle: (style) => save({ ...preferences.value, citationKeyStyle: style }),
    dispose: unwatch,
  };
}

let shared: ExportPreferencesModel | undefined;

/** The one model every extension page shares, created on first use (so importing this file touches no storage). */
export function sharedExportPreferences(): ExportPreferencesModel {
  shared ??= createExportPreferencesModel();
  return shared;
}
