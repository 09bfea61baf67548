import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = process.env.SIFT_OUT_DIR ?? '.output';
const BUILDS = [`${OUT}/chrome-mv3`, `${OUT}/firefox-mv2`] as const;
const ARXIV_HOSTS = ['https://arxiv.org/*', 'https://www.arxiv.org/*'];
/** The background fetches abstracts from arXiv's API; no content script runs there. */
const API_HOST = 'https://export.arxiv.org/*';

function manifestOf(build: string) {
  const path = `${build}/manifest.json`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` before the unit tests`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe.each(BUILDS)('built files in %s', (build) => {
  it('carry no copy of the saved listing the tests use (the rule preview ships a small sample)', () => {
    // The page chrome of the saved listing, and a paper of it the preview sample leaves out.
    const seedText = ['Showing new listings for Friday, 27 February 2026', 'Engineered Simultaneity'];
    const carrying = filesUnder(build).filter((file) => seedText.some((text) => readFileSync(file, 'latin1').includes(text)));
    expect(carrying).toEqual([]);
  });
});

/**
 * Text only redos-detector's code holds (its refusal of a backreference it cannot model,
 * node_modules/redos-detector/dist): where it appears, the detector was bundled.
 */
const DETECTOR_MARKER = 'Unsupported reference to group ';

/** A field only the BibTeX exporter writes (lib/export/bibtex.ts): where it appears, the exporters were bundled. */
const EXPORTER_MARKER = 'archivePrefix';

describe.each(BUILDS)('built content script in %s', (build) => {
  it('carries no regex safety detector: the background judges rules, listings compile on the verdict', () => {
    expect(readFileSync(`${build}/background.js`, 'utf8')).toContain(DETECTOR_MARKER);
    expect(readFileSync(`${build}/content-scripts/arxiv.js`, 'utf8')).not.toContain(DETECTOR_MARKER);
  });

  it('carries no exporter: the background writes the listing\'s exports (export.build)', () => {
    expect(readFileSync(`${build}/background.js`, 'utf8')).toContain(EXPORTER_MARKER);
    expect(readFileSync(`${build}/content-scripts/arxiv.js`, 'utf8')).not.toContain(EXPORTER_MARKER);
  });
});

describe.each(BUILDS)('built manifest in %s', (build) => {
  const manifest = manifestOf(build);
  // MV2 lists host permissions among `permissions`; MV3 has its own key.
  const declared = [
    ...((manifest.permissions as string[] | undefined) ?? []),
    ...((manifest.host_permissions as string[] | undefined) ?? []),
    ...((manifest.optional_permissions as string[] | undefined) ?? []),
    ...((manifest.optional_host_permissions as string[] | undefined) ?? []),
  ];

  it('asks only for storage, the two arXiv hosts and arXiv\'s API host', () => {
    expect(new Set(declared)).toEqual(new Set(['storage', ...ARXIV_HOSTS, API_HOST]));
  });

  it('runs its content script only on arXiv', () => {
    const scripts = manifest.content_scripts as { matches: string[] }[];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script.matches.every((m) => ARXIV_HOSTS.includes(m))).toBe(true);
  });

  it('lets no web page message the extension or load its files', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    // A test-only bridge (an extension page a test opens from arxiv.org) must never ship.
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

describe.each(BUILDS)('localised manifest in %s', (build) => {
  const manifest = manifestOf(build);

  it('takes every __MSG_…__ it names from its default locale\'s messages', () => {
    expect(manifest.default_locale).toBe('en');
    const messages = JSON.parse(readFileSync(`${build}/_locales/en/messages.json`, 'utf8')) as Record<string, { message: string }>;
    const named = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1] ?? '');
    expect(named).toEqual(expect.arrayContaining(['extName', 'extDescription']));
    for (const name of named) expect(messages[name]?.message, name).toMatch(/\S/);
  });
});
