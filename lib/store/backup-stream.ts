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
import type { BackupDocument, ImportMode, ImportReport } from './backup-format';
import { validateBackup } from './backup-format';
import { applyBackup } from './backup';
import type { SiftDb } from './db';

/** The largest file read, compressed or not; checked before a byte is read. */
export const MAX_BACKUP_FILE_BYTES = 400 * 1024 * 1024;
/**
 * The largest backup text, after decompression: below V8's longest string (2^29 - 24 UTF-16
 * units), and room for about 200,000 papers with full abstracts.
 */
export const MAX_BACKUP_TEXT_BYTES = 500 * 1024 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The backup text in parts, one record per line: compact JSON that a person can still diff, built
 * without one giant string (the parts go straight into a Blob).
 */
function* backupParts(doc: BackupDocument): Generator<string> {
  yield `{"format":${JSON.stringify(doc.format)},"version":${doc.version},"exportedAt":${doc.exportedAt},"tables":{`;
  let firstTable = true;
  for (const [name, records] of Object.entries(doc.tables) as [string, readonly unknown[]][]) {
    yield `${firstTable ? '' : ','}\n${JSON.stringify(name)}:[`;
    firstTable = false;
    for (let i = 0; i < records.length; i++) yield `${i === 0 ? '\n' : ',\n'}${JSON.stringify(records[i])}`;
    yield '\n]';
  }
  yield '}}\n';
}

/**
 * A backup document as a file body: compact JSON, one record per line, gzip-compressed when
 * `gzip` is set. Example: `saveBlob(await toBackupBlob(await exportBackup(db), { gzip: true }))`.
 */
export async function toBackupBlob(doc: BackupDocument, { gzip = false }: { gzip?: boolean } = {}): Promise<Blob> {
  const json = new Blob([...backupParts(doc)], { type: 'application/json' });
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
  if (file.size === 0) throw new Error('backup: the file is empty');
  if (file.size > MAX_BACKUP_FILE_BYTES) {
    throw new Error(`backup: the file is ${mb(file.size)}, over the ${mb(MAX_BACKUP_FILE_BYTES)} limit`);
  }
  const gzip = await isGzip(file);
  if (!gzip && file.size > MAX_BACKUP_TEXT_BYTES) {
    throw new Error(`backup: the file is ${mb(file.size)}, over the ${mb(MAX_BACKUP_TEXT_BYTES)} limit`);
  }
  const bytes = gzip ? file.stream().pipeThrough(new DecompressionStream('gzip')) : file.stream();
  const reader = bytes.pipeThrough(new TextDecoderStream()).getReader();
  const parts: string[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > MAX_BACKUP_TEXT_BYTES) {
        await reader.cancel();
        throw new Error(`backup: the file expands to more than ${mb(MAX_BACKUP_TEXT_BYTES)}, over the limit`);
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('backup:')) throw error;
    throw new Error(`backup: the file could not be read${gzip ? ' as gzip (it may be cut short)' : ''}: ${error instanceof Error ? error.message : String(error)}`);
  }
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
    throw new Error(`backup: not valid JSON (the file may be cut short): ${error instanceof Error ? error.message : String(error)}`);
  }
  return applyBackup(db, validateBackup(doc), { mode, now });
}
