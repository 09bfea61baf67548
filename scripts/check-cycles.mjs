// `npm run check:cycles` (part of `npm test`): fails on any import cycle among the project's own
// modules in lib/, components/ and entrypoints/. Written over TypeScript's own module resolution
// (with the project's `@/` paths) rather than madge, whose resolver does not read tsconfig paths
// without extra configuration and which pulls in a second TypeScript parser. Type-only imports
// count too: a cycle of types still ties two modules into one unit that cannot be read, tested or
// moved apart.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];
const EXTENSIONS = /\.(ts|tsx)$/;

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (EXTENSIONS.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const configPath = ts.findConfigFile(ROOT, ts.sys.fileExists, 'tsconfig.json');
const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
const files = SOURCE_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir)));
const known = new Set(files);

/** Every project module `file` imports or re-exports, resolved as TypeScript resolves it. */
function importsOf(file) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
  const out = new Set();
  for (const { fileName } of importedFiles) {
    const specifier = fileName.replace(/\?.*$/, '');
    const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule?.resolvedFileName;
    if (resolved && known.has(resolve(resolved))) out.add(resolve(resolved));
  }
  return [...out];
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));

// Tarjan's strongly connected components: every component of more than one module is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];

function visit(file) {
  index.set(file, counter);
  low.set(file, counter);
  counter++;
  stack.push(file);
  onStack.add(file);
  for (const next of graph.get(file) ?? []) {
    if (!index.has(next)) {
      visit(next);
      low.set(file, Math.min(low.get(file), low.get(next)));
    } else if (onStack.has(next)) {
      low.set(file, Math.min(low.get(file), index.get(next)));
    }
  }
  if (low.get(file) === index.get(file)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfImport = component.length === 1 && (graph.get(file) ?? []).includes(file);
    if (component.length > 1 || selfImport) cycles.push(component.map((path) => relative(ROOT, path)).sort());
  }
}

for (const file of files) if (!index.has(file)) visit(file);

if (cycles.length > 0) {
  console.error(`[sift] ${cycles.length} import cycle(s) among ${files.length} modules:`);
  for (const cycle of cycles) console.error(`  - ${cycle.join(' ↔ ')}`);
  process.exit(1);
}
console.log(`[sift] no import cycles among ${files.length} modules in ${SOURCE_DIRS.join(', ')}`);
