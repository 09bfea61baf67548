/**
 * The store's table names, apart from db.ts so the message contract (imported by the content
 * script) can name tables without pulling Dexie into the arxiv.org bundle.
 */
export const TABLE_NAMES = ['papers', 'tags', 'rules', 'seen'] as const;

export type TableName = (typeof TABLE_NAMES)[number];
