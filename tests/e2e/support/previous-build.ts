import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('../../..', import.meta.url).pathname);

/** The last released version and the commit it was built from (the finished 0.1.0). */
export const PREVIOUS_RELEASE = { version: '0.1.0', commit: '57d1a089814f44762ceb0375629e48aae7525950' } as const;

type Lock = { packages: Record<string, { version?: string }> };

/**
 * Whether the current node_modules can build `commit`: every package its lockfile pins is
 * installed here at the same version (a later release only adds packages). Then the old tree
 * borrows node_modules by symlink and the build needs no network; `npm ci --offline` otherwise.
 */
function sharesInstalledPackages(lockfile: string): boolean {
  const old = (JSON.parse(lockfile) as Lock).packages;
  const current = (JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock).packages;
  return Object.entries(old).every(([path, entry]) => path === '' || current[path]?.version === entry.version);
}

/**
 * The Chrome build of the previous release, built once into `.cache/` from the git history
 * (`git archive` of the release commit: no worktree, nothing committed) and reused afterwards.
 * Throws when the history lacks the commit (a shallow clone) or the packages cannot be had offline.
 */
export function previousChromeBuild(): string {
  const dir = join(ROOT, '.cache', `previous-${PREVIOUS_RELEASE.version}`);
  const build = join(dir, '.output', 'chrome-mv3');
  if (existsSync(join(build, 'manifest.json'))) return build;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', PREVIOUS_RELEASE.commit], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  if (sharesInstalledPackages(readFileSync(join(dir, 'package-lock.json'), 'utf8'))) {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  } else {
    execFileSync('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  const env = { ...process.env };
  delete env.SIFT_OUT_DIR;
  execFileSync('npx', ['wxt', 'build'], { cwd: dir, env, stdio: 'pipe' });
  return build;
}
