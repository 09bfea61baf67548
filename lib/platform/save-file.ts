/**
 * Saving and copying text from an extension page: the one place that knows how browsers differ.
 * No `downloads` permission is needed: a Blob URL on an `<a download>` saves a file in Chrome and
 * Firefox alike.
 */
import { i18n } from '#i18n';

export interface TextFile {
  name: string;
  mime: string;
  text: string;
}

/** Long enough for the slowest browser to start reading the Blob; short enough not to hoard memory. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Offers `file` as a download. The anchor is attached to the document while it is clicked
 * (Firefox ignores clicks on detached anchors), and the Blob URL is revoked later, not at once:
 * Firefox starts reading the Blob after `click()` returns and fails the download if it is gone.
 */
export function saveFile(file: TextFile, doc: Document = document): void {
  saveBlob(file.name, new Blob([file.text], { type: `${file.mime};charset=utf-8` }), doc);
}

/** Saves `blob` as a download named `name`, like {@link saveFile}, for bodies too large for one string (backups). */
export function saveBlob(name: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * Puts `text` on the clipboard. Both browsers allow `navigator.clipboard.writeText` from an
 * extension page during a click, without the `clipboardWrite` permission; it rejects (and the
 * caller shows the reason) when the page is not focused.
 */
export async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard) throw new Error(i18n.t('platform.noClipboard'));
  await navigator.clipboard.writeText(text);
}
