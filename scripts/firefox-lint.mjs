// `npm run lint:firefox`: `web-ext lint` on the Firefox build, the check addons.mozilla.org runs
// on every upload. Fails on any error, and on any warning that is not explained below and in the
// README's Firefox section. Flags, on purpose: no --self-hosted (Sift is listed on AMO, so AMO's
// own rules apply), no --warnings-as-errors (the explained warnings are allowed, nothing else),
// --no-config-discovery (a web-ext config in a home folder cannot change the verdict).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const BUILD = resolve(ROOT, process.env.SIFT_OUT_DIR ?? '.output', 'firefox-mv2');

/**
 * Warnings the linter cannot see past, each with the reason it is safe (also in the README). A
 * warning counts as explained only when the flagged code is the one described.
 */
const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Preact's renderer: the branch of its raw-HTML prop, which assigns `props.…__html`.
    isFlaggedCode: (code) => /^[\w$.]+=[\w$]+\.__html\b/.test(code),
    why: "Preact's renderer implements its raw-HTML prop there; Sift never passes that prop (a house check greps for it)",
  },
];

/** The flagged statement: the text at the warning's line and column of the built file. */
function flaggedCode(warning) {
  if (!warning.file || !warning.line) return '';
  const line = readFileSync(join(BUILD, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  return line.slice((warning.column ?? 1) - 1, (warning.column ?? 1) + 80);
}

if (!existsSync(join(BUILD, 'manifest.json'))) {
  console.error(`[sift] no Firefox build at ${BUILD}: run \`npm run build\` first`);
  process.exit(1);
}

const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', BUILD, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  // web-ext would otherwise ask the npm registry whether it is the newest version.
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
});
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  console.error(`[sift] web-ext lint gave no report (exit ${lint.status}):\n${lint.stdout}\n${lint.stderr}`);
  process.exit(1);
}

const where = (message) => (message.file ? ` (${message.file}${message.line ? `:${message.line}` : ''})` : '');
const explanationOf = (warning) => EXPLAINED.find((known) => known.code === warning.code && known.isFlaggedCode(flaggedCode(warning)));
const unexplained = report.warnings.filter((warning) => !explanationOf(warning));

for (const error of report.errors) console.log(`  error    ${error.code}: ${error.message}${where(error)}`);
for (const warning of report.warnings) {
  const known = explanationOf(warning);
  console.log(`  warning  ${warning.code}: ${warning.message}${where(warning)}${known ? `, explained: ${known.why}` : ', NOT EXPLAINED'}`);
}
for (const notice of report.notices) console.log(`  notice   ${notice.code}: ${notice.message}${where(notice)}`);
console.log(
  `[sift] web-ext lint ${BUILD}: ${report.summary.errors} errors, ${report.summary.warnings} warnings ` +
    `(${report.summary.warnings - unexplained.length} explained), ${report.summary.notices} notices`,
);
process.exit(report.errors.length === 0 && unexplained.length === 0 ? 0 : 1);
