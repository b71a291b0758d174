// Runs every benchmark module in bench/ (each exports `run()`), in file-name order; with arguments,
// only the modules named (`npm run bench -- engineAB engineScale`).
import * as fs from 'node:fs';
import * as path from 'node:path';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const helpers = new Set(['index.ts', 'measure.ts', 'generate.ts', 'engineChild.ts']);
  const modules = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && !helpers.has(f))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
    .sort();
  if (only.length && !modules.length) throw new Error(`no benchmark named ${only.join(', ')} in bench/`);
  for (const f of modules) {
    const mod = (await import(path.join(__dirname, f))) as { run?: () => Promise<void> };
    if (typeof mod.run === 'function') await mod.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
