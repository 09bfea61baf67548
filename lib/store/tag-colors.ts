/**
 * The colour a tag gets when nobody picked one. Pure and Dexie-free, so the content script can
 * colour a tag it just created before the store's answer arrives.
 */

// Tableau 10: distinct hues that read on light and dark pages.
const TAG_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

/**
 * The colour a tag gets when it is created without one: picked from a fixed palette by a hash of
 * the name, so the same name gets the same colour on every device and after a restore.
 */
export function defaultTagColor(name: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return TAG_PALETTE[hash % TAG_PALETTE.length]!;
}
