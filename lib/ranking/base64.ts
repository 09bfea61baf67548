/**
 * Typed arrays as base64 text, so a model and its statistics are plain JSON (IndexedDB and the
 * backup file) at 4/3 of their bytes, where a JSON array of numbers takes three to four times more.
 * `btoa`/`atob` exist in pages, workers and Node alike.
 */

/** Characters per `String.fromCharCode` call: well under every engine's argument limit. */
const CHUNK = 0x8000;

/** The bytes as base64. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Bytes back from `toBase64`; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
