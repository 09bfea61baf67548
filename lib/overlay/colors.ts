/** Colour of a tag the store has no colour for yet (a neutral grey that reads in light and dark). */
export const DEFAULT_TAG_COLOR = '#8c8c8c';
