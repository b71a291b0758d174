// Format-layer benchmarks: validating a 2,000-persona scenario, and re-checking it after a
// one-line edit, the editor's hot path.
import * as path from 'node:path';
import { OverlayFileSystem, NodeFileSystem, SocietyWorkspace } from '../src/core/format';
import { scenarioWithInlinePersonas } from './generate';
import { report, measure } from './measure';

export async function run(): Promise<void> {
  const text = scenarioWithInlinePersonas(2000);
  const file = path.resolve('/bench-virtual/big.society');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  const workspace = new SocietyWorkspace(overlay, path.dirname(file));
  overlay.set(file, text);

  const full = await measure(8, async () => {
    workspace.forget(file);
    const r = await workspace.resolveScenario(file);
    if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error('generated scenario has errors');
  });
  report(
    'format: validate 2,000 inline personas (parse + schema + cross-file)',
    full,
    150,
    `${(text.length / 1024).toFixed(0)} KiB, ${text.split('\n').length} lines`,
  );

  let edit = 0;
  const recheck = await measure(20, async () => {
    edit++;
    const edited = text.replace('    name: Person 1000\n', `    name: Person 1000 edit ${edit}\n`);
    overlay.set(file, edited);
    const r = await workspace.resolveScenario(file, undefined, { build: false });
    if (r.diagnostics.length) throw new Error('edit introduced diagnostics');
  });
  report('format: re-check after a one-line edit (diagnostics for the editor)', recheck, 30);
}
