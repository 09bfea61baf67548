/** Reads the arXiv API responses in `tests/fixtures/api/` (see its README for where each came from). */
import { readFixture } from '../../fixtures/load-fixture';

export function readApiFixture(name: string): string {
  return readFixture(`api/${name}`);
}
