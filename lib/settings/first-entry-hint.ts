/**
 * Whether the reader has dismissed the one-line hint Sift shows on the first entry of a listing
 * ("Star with s, hide with x, ? for all shortcuts"). Once dismissed it stays away in every tab,
 * so the flag lives in `browser.storage.local`, which content scripts read directly.
 */
import { defineSetting } from '@/lib/platform/stored-setting';

/** The storage item behind the flag (`local:hintDismissed`); `false` until the reader dismisses the hint. */
export const hintDismissedItem = defineSetting<boolean>('local:hintDismissed', false);
