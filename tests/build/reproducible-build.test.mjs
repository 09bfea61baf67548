// The add-on's sources archive rebuilds the add-on byte for byte, as addons.mozilla.org's
// reviewers must be able to (they run `npm ci && npm run build` on it). Run with
// `npm run test:reproducible`: about 70 s on 2 cores (two Firefox builds and a zip). The work tree
// must hold still meanwhile: the zip reads the sources after its own build has run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** WXT with a build directory of its own, so the shared `.output` of the work tree stays as it is. */
function wxt(args, cwd, outDir) {
  const env = { ...process.env };
  if (outDir === undefined) delete env.SIFT_OUT_DIR;
  else env.SIFT_OUT_DIR = outDir;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), args, { cwd, env, stdio: 'pipe' });
}

test('the AMO sources archive rebuilds the Firefox add-on file for file', { timeout: 300_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'sift-reproducible-'));
  try {
    // The add-on and its sources archive, as `npm run zip` makes them.
    const out = join(scratch, 'out');
    wxt(['zip', '-b', 'firefox'], ROOT, out);
    const sourcesZip = join(out, `${name}-${version}-sources.zip`);
    assert.ok(existsSync(sourcesZip), `${sourcesZip} was not written`);

    const sources = join(scratch, 'sources');
    execFileSync('unzip', ['-q', sourcesZip, '-d', sources]);
    assert.ok(!existsSync(join(sources, 'node_modules')), 'the sources archive must not carry node_modules');
    // A reviewer runs `npm ci`, which installs exactly the lockfile; when the archive's lockfile is
    // this tree's, this tree's node_modules is that install, and borrowing it keeps the test offline.
    assert.equal(readFileSync(join(sources, 'package-lock.json'), 'utf8'), readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    symlinkSync(join(ROOT, 'node_modules'), join(sources, 'node_modules'), 'dir');
    wxt(['build', '-b', 'firefox'], sources, undefined);

    const uploaded = join(out, 'firefox-mv2');
    const rebuilt = join(sources, '.output', 'firefox-mv2');
    assert.deepEqual(filesUnder(rebuilt), filesUnder(uploaded));
    const differing = filesUnder(uploaded).filter((file) => !readFileSync(join(uploaded, file)).equals(readFileSync(join(rebuilt, file))));
    assert.deepEqual(differing, []);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
