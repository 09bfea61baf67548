import { describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { firstRows } from '@/lib/reading-list/first-rows';
import { openSiftDb } from '@/lib/store/db';
import { generatedPaper, heavyDb } from '../../../bench/backup';
import { benchHeavyStore } from '../../../bench/heavy-store';

describe('the reading list\'s first rows', () => {
  it('are the most recently starred papers, read through the index without reading the rest', async () => {
    const filled = await heavyDb(5000);
    filled.close();
    // A second connection, as the reading list opens it, with a middleware counting records read.
    const db = openSiftDb(filled.name, { indexedDB, IDBKeyRange });
    let valuesRead = 0;
    db.use({
      stack: 'dbcore',
      name: 'count-reads',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            query: async (request) => {
              const result = await table.query(request);
              if (request.values) valuesRead += result.result.length;
              return result;
            },
            getMany: async (request) => {
              const result = await table.getMany(request);
              valuesRead += result.length;
              return result;
            },
          };
        },
      }),
    });
    const rows = await firstRows(db, 50);
    expect(rows).toHaveLength(50);
    expect(rows.every((row) => row.starredAt !== undefined)).toBe(true);
    expect(rows.map((row) => row.starredAt)).toEqual([...rows.map((row) => row.starredAt)].sort((a, b) => b! - a!));
    expect(rows[0]?.id).toBe(generatedPaper(0).id);
    expect(valuesRead).toBe(50);
    db.close();
  });

  it('show within 1 s with 100,000 papers in the store', { timeout: 240_000 }, async () => {
    const result = await benchHeavyStore({ papers: 100_000 });
    console.log(`[bench] heavy store of 100,000 papers: first rows ${result.firstRowsMs.toFixed(0)} ms (raw indexed query ${result.rawIndexedMs.toFixed(0)} ms), whole list ${result.wholeListMs.toFixed(0)} ms, options tags ${result.optionsTagsMs.toFixed(0)} ms`);
    expect(result.firstRows).toBe(200);
    expect(result.firstRowsMs).toBeLessThan(1000);
  });
});
