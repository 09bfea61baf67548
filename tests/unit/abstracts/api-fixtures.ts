/** Reads the arXiv API responses in `tests/fixtures/api/` (see its README for where each came from). */
import { readFileSync } from 'node:fs';

export function readApiFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/api/${name}`, import.meta.url), 'utf8');
}
