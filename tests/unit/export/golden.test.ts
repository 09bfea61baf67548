import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormatId } from '@/lib/export';
import { CASES, FIXTURE_DIR, readFixture } from './cases';

// CSL-JSON and the extension's JSON share the `json` extension; golden files keep them apart.
const GOLDEN_EXTENSION: Record<ExportFormatId, string> = {
  bibtex: 'bib',
  ris: 'ris',
  csljson: 'csl.json',
  markdown: 'md',
  csv: 'csv',
  json: 'json',
};

// `UPDATE_GOLDEN=1 npx vitest run tests/unit/export` rewrites the files; review the diff.
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe.each(CASES)('golden files: $name', ({ name, papers, options }) => {
  it.each(EXPORT_FORMATS.map((f) => [f.id, f] as const))('%s output matches the golden file', (id, format) => {
    const file = `${name}.${GOLDEN_EXTENSION[id]}`;
    const actual = format.serialize(papers, options);
    if (UPDATE) writeFileSync(`${FIXTURE_DIR}${file}`, actual, 'utf8');
    expect(actual).toBe(readFixture(file));
  });
});
