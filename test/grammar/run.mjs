// Grammar tests for syntaxes/society.tmLanguage.json (npm run test:grammar).
//
//  1. the generated grammar is up to date with syntaxes/build-grammar.mjs and the schema;
//  2. snapshot tests: every test/grammar/snapshots/*.society has a committed .snap and matches it
//     (vscode-tmgrammar-snap would silently create a missing snapshot, so we check first);
//  3. inline-assertion tests: test/grammar/assertions/*.society (vscode-tmgrammar-test).
//
// `node test/grammar/run.mjs --update` regenerates the grammar and rewrites all snapshots;
// review the .snap diff before committing. Everything runs offline (the Oniguruma WASM ships
// inside the vscode-oniguruma package).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const update = process.argv.includes('--update');
const bin = (name) => join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', name);

function run(label, args) {
  console.log(`\n# ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\ngrammar tests failed at: ${label}`);
    process.exit(1);
  }
}

run(update ? 'generate grammar' : 'grammar is up to date', [
  'syntaxes/build-grammar.mjs',
  ...(update ? [] : ['--check']),
]);

const snapshotDir = join(root, 'test', 'grammar', 'snapshots');
const cases = readdirSync(snapshotDir).filter((f) => f.endsWith('.society'));
const missing = cases.filter((f) => !existsSync(join(snapshotDir, `${f}.snap`)));
if (missing.length > 0 && !update) {
  console.error(`missing snapshots (run \`node test/grammar/run.mjs --update\`): ${missing.join(', ')}`);
  process.exit(1);
}
const snapGlob = relative(root, join(snapshotDir, '*.society')).split('\\').join('/');
run(`snapshot tests (${cases.length} files)`, [bin('snapshot.js'), ...(update ? ['--updateSnapshot'] : []), snapGlob]);

const assertionDir = join(root, 'test', 'grammar', 'assertions');
const assertions = readdirSync(assertionDir).filter((f) => f.endsWith('.society'));
const assertionGlob = relative(root, join(assertionDir, '*.society')).split('\\').join('/');
run(`inline-assertion tests (${assertions.length} files)`, [bin('unit.js'), assertionGlob]);

console.log('\ngrammar tests passed');
