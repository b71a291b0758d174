// Runs every benchmark module in bench/ (each exports `run()`), in file-name order.
import * as fs from 'node:fs';
import * as path from 'node:path';

async function main(): Promise<void> {
  const helpers = new Set(['index.ts', 'measure.ts', 'generate.ts', 'engineChild.ts']);
  const modules = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && !helpers.has(f))
    .sort();
  for (const f of modules) {
    const mod = (await import(path.join(__dirname, f))) as { run?: () => Promise<void> };
    if (typeof mod.run === 'function') await mod.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
