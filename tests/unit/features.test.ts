import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { features } from '@/entrypoints/arxiv.content/features';

const FEATURE_DIR = 'entrypoints/arxiv.content/features';
const files = readdirSync(FEATURE_DIR)
  .filter((file) => file !== 'index.ts')
  .map((file) => file.replace(/\.tsx?$/, ''));

describe('listing features', () => {
  it('lists every feature file in features/index.ts, once, in a file named after its id', () => {
    expect(features.map((feature) => feature.id).sort()).toEqual(files.sort());
  });

  it.each(features.map((feature) => [feature.id, feature] as const))('%s names fixtures it was checked against, and they exist', (_id, feature) => {
    expect(feature.checkedOn.length).toBeGreaterThan(0);
    for (const fixture of feature.checkedOn) expect(existsSync(`tests/fixtures/${fixture}`), fixture).toBe(true);
    expect(feature.include.length).toBeGreaterThan(0);
  });
});
