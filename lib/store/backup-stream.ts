/**
 * Backup files as an extension page writes and reads them, straight against the database (the
 * page shares the database's origin), so no message carries them: a heavy user's 100,000 papers
 * make a file far over the 64 MiB a runtime message may hold.
 *
 * Files are compact JSON, one record per line, optionally gzip-compressed with the platform's
 * `CompressionStream` (about a fifth of the size). Reading checks sizes before and while it reads
 * (a small gzip file can expand without bound), then validates the whole document before one
 * transaction writes it, as a restore always did.
 */
import type { IndexableType } from 'dexie';
import { i18n } from '#i18n';
import type { ImportMode, ImportReport } from './backup-format';
import { BACKUP_FORMAT, BACKUP_VERSION, describeJsonError, validateBackup } from './backup-format';
import { TABLE_NAMES } from './tables';
import { applyBackup } from './backup';
import type { SiftDb, SyncStampRecord } from './db';

/** The largest file read, compressed or not; checked before a byte is read. */
export const MAX_BACKUP_FILE_BYTES = 400 * 1024 * 1024;
/**
 * The largest backup text, after decompression: below V8's longest string (2^29 - 24 UTF-16
 * units), and room for about 200,000 papers with full abstracts.
 */
export const MAX_BACKUP_TEXT_BYTES = 500 * 1024 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Records read per request while writing a backup: a page's worth, never the whole store at once. */
const READ_PAGE = 5000;

/**
 * Appends to `parts` a JSON array's items, one per line, read a page at a time: `page(undefined)`
 * is the first page, `page(last)` the one after the record `last`.
 */
async function pushLines<T>(parts: string[], page: (last: T | undefined) => Promise<T[]>, text: (record: T) => string): Promise<void> {
  let first = true;
  let records = await page(undefined);
  while (records.length > 0) {
    const texts: string[] = [];
    for (const record of records) {
      texts.push(`${first ? '\n' : ',\n'}${text(record)}`);
      first = false;
    }
    parts.push(texts.join(''));
    if (records.length < READ_PAGE) break;
    records = await page(records[records.length - 1]);
  }
  parts.push('\n]');
}

/**
 * The backup text of `db` in parts, one record per line: compact JSON that a person can still
 * diff. Each table is read a page at a time by primary key inside the caller's transaction, so
 * 100,000 papers are never all in memory as objects, only as the text they become.
 */
async function backupParts(db: SiftDb, now: number): Promise<string[]> {
  const parts = [`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${now},"tables":{`];
  for (const [t, name] of TABLE_NAMES.entries()) {
    parts.push(`${t === 0 ? '' : ','}\n${JSON.stringify(name)}:[`);
    const table = db.table<Record<string, IndexableType>, IndexableType>(name);
    const keyPath = String(table.schema.primKey.keyPath);
    await pushLines<Record<string, IndexableType>>(
      parts,
      (last) => (last === undefined ? table.orderBy(':id') : table.where(':id').above(last[keyPath]!)).limit(READ_PAGE).toArray(),
      (record) => JSON.stringify(record),
    );
  }
  // The stamps of tags, rules and seen marks (backup-format.ts), one `[key, stamp]` pair per line.
  parts.push('},\n"stamps":{');
  for (const [f, [family, prefix]] of STAMP_FAMILIES.entries()) {
    parts.push(`${f === 0 ? '' : ','}\n${JSON.stringify(family)}:[`);
    await pushLines<SyncStampRecord>(
      parts,
      (last) => db.syncStamps.where(':id').between(last?.key ?? prefix, `${prefix}\uffff`, last === undefined, true).limit(READ_PAGE).toArray(),
      (record) => JSON.stringify([record.key.slice(prefix.length), record.stamp]),
    );
  }
  parts.push('}}\n');
  return parts;
}

/** The families of a backup's `stamps` and their keys' prefixes in the syncStamps table. */
const STAMP_FAMILIES = [
  ['tags', 'tag:'],
  ['rules', 'rule:'],
  ['seen', 'seen:'],
] as const;

/** About 1 MB per Blob part: one part per record makes Blob and CompressionStream crawl. */
const CHUNK_CHARS = 1 << 20;

function inChunks(parts: Iterable<string>): string[] {
  const chunks: string[] = [];
  let pending: string[] = [];
  let length = 0;
  for (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length >= CHUNK_CHARS) {
      chunks.push(pending.join(''));
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) chunks.push(pending.join(''));
  return chunks;
}

/**
 * A backup of every table of `db` as a file body: compact JSON, one record per line,
 * gzip-compressed when `gzip` is set, read in one transaction so it is a consistent snapshot.
 * Example: `saveBlob(name, await toBackupBlob(db, { gzip: true }))`.
 */
export async function toBackupBlob(db: SiftDb, { gzip = false, now = Date.now() }: { gzip?: boolean; now?: number } = {}): Promise<Blob> {
  const parts = await db.transaction('r', db.tables, () => backupParts(db, now));
  const json = new Blob(inChunks(parts), { type: 'application/json' });
  if (!gzip) return json;
  const compressed = await new Response(json.stream().pipeThrough(new CompressionStream('gzip'))).blob();
  return new Blob([compressed], { type: 'application/gzip' });
}

async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * The text of a backup file, gunzipped if it is gzip, or an Error saying in words what is wrong:
 * too large (checked from the file's size before reading), expanding past the text limit while it
 * is decompressed, or not valid gzip.
 */
export async function readBackupText(file: Blob): Promise<string> {
  if (file.size === 0) throw new Error(i18n.t('store.backup.empty'));
  if (file.size > MAX_BACKUP_FILE_BYTES) {
    throw new Error(i18n.t('store.backup.tooLarge', [mb(file.size), mb(MAX_BACKUP_FILE_BYTES)]));
  }
  const gzip = await isGzip(file);
  if (!gzip && file.size > MAX_BACKUP_TEXT_BYTES) {
    throw new Error(i18n.t('store.backup.tooLarge', [mb(file.size), mb(MAX_BACKUP_TEXT_BYTES)]));
  }
  const bytes = gzip ? file.stream().pipeThrough(new DecompressionStream('gzip')) : file.stream();
  const reader = bytes.pipeThrough(new TextDecoderStream()).getReader();
  const parts: string[] = [];
  let length = 0;
  let overLimit = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > MAX_BACKUP_TEXT_BYTES) {
        await reader.cancel();
        overLimit = true;
        break;
      }
      parts.push(value);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(gzip ? i18n.t('store.backup.unreadableGzip', [reason]) : i18n.t('store.backup.unreadable', [reason]));
  }
  if (overLimit) throw new Error(i18n.t('store.backup.expandsTooFar', [mb(MAX_BACKUP_TEXT_BYTES)]));
  return parts.join('');
}

/**
 * Restores a backup file (plain or gzip JSON, of any version Sift reads) into `db` from an
 * extension page: reads it with {@link readBackupText}, validates the whole document, then merges
 * or replaces in one transaction, so a bad or cut file leaves the store exactly as it was.
 */
export async function restoreBackupFile(db: SiftDb, file: Blob, mode: ImportMode, now: number = Date.now()): Promise<ImportReport> {
  const text = await readBackupText(file);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(describeJsonError(text, error));
  }
  return applyBackup(db, validateBackup(doc), { mode, now });
}
