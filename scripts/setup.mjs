// `npm run setup`: dependencies from npm, browsers from the system's package manager (Playwright
// cannot download its own here). Safe to run again: it installs only what is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, findFirefox } from './browsers.mjs';

execSync('npm install', { stdio: 'inherit' });

/** Whether `command` runs and exits 0. */
function succeeds(command) {
  try {
    execSync(command, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Installs Debian `packages` when root with apt-get; otherwise says what to install and why. */
function aptInstall(packages, why) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
  } else {
    console.log(`[sift] ${why}: sudo apt-get install -y ${packages}`);
  }
}

// The export tests compile with pdflatex + BibTeX/biber and render with pandoc
// (tests/unit/export/real-consumers.test.ts); Debian packages them all.
if (!succeeds('pdflatex --version && bibtex --version && biber --version && pandoc --version && kpsewhich plainnat.bst biblatex.sty lmodern.sty')) {
  aptInstall(
    'texlive-latex-base texlive-latex-recommended texlive-bibtex-extra texlive-fonts-recommended lmodern biber pandoc',
    'the export tests need pdflatex, BibTeX, biber and pandoc',
  );
}
// The reproducible-build test unpacks the AMO sources archive (tests/build/reproducible-build.test.mjs).
if (!succeeds('unzip -v')) aptInstall('unzip', 'the reproducible-build test needs unzip');
console.log(`[sift] chromium: ${findChromium()}`);
console.log(`[sift] firefox: ${findFirefox()}`);
