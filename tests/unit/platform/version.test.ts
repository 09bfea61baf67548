import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe.each([`${process.env.SIFT_OUT_DIR ?? '.output'}/chrome-mv3`, `${process.env.SIFT_OUT_DIR ?? '.output'}/firefox-mv2`])('the build in %s', (build) => {
  it("carries package.json's version in its manifest", () => {
    const path = `${build}/manifest.json`;
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` before the unit tests`);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version).toBe(version);
  });
});

describe('the changelog', () => {
  it("has a section for package.json's version", () => {
    const headings = readFileSync('CHANGELOG.md', 'utf8').match(/^## .+$/gm) ?? [];
    expect(headings.some((heading) => heading.startsWith(`## ${version} (`))).toBe(true);
  });
});
