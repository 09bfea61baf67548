// `npm run setup`: dependencies from npm, browsers from the system's package manager (Playwright
// cannot download its own here). Safe to run again: it installs only what is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, findFirefox } from './browsers.mjs';

execSync('npm install', { stdio: 'inherit' });

// The export tests compile with pdflatex + BibTeX/biber and render with pandoc
// (tests/unit/export/real-consumers.test.ts); Debian packages them all.
const CITATION_PACKAGES = 'texlive-latex-base texlive-latex-recommended texlive-bibtex-extra texlive-fonts-recommended lmodern biber pandoc';
const hasCitationTools = () => {
  try {
    execSync('pdflatex --version && bibtex --version && biber --version && pandoc --version && kpsewhich plainnat.bst biblatex.sty lmodern.sty', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
if (!hasCitationTools()) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${CITATION_PACKAGES}`, { stdio: 'inherit' });
  } else {
    console.log(`[sift] the export tests need pdflatex, BibTeX, biber and pandoc: sudo apt-get install -y ${CITATION_PACKAGES}`);
  }
}
// The reproducible-build test unpacks the AMO sources archive (tests/build/reproducible-build.test.mjs).
const hasUnzip = () => {
  try {
    execSync('unzip -v', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
if (!hasUnzip()) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip', { stdio: 'inherit' });
  else console.log('[sift] the reproducible-build test needs unzip: sudo apt-get install -y unzip');
}
console.log(`[sift] chromium: ${findChromium()}`);
console.log(`[sift] firefox: ${findFirefox()}`);
