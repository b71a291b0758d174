// Issue 88 in a real VS Code: Run Simulation on a local model asks before a long run starts. The
// scenario runs 8 people × 20 rounds on a local GGUF model this machine has never timed: the run's
// estimate (calls, tokens, the context check) goes to the Society log, and a modal asks before
// anything loads, naming the model and the calls. Cancel leaves no run behind. The model file is
// a header alone (test/support/ggufFile.ts): the estimate and the fit check read nothing more.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { useWorkbench } from './session';
import { ggufFile, SMOLLM2_META } from '../support/ggufFile';

const people = ['Maya', 'Tom', 'Ana', 'Raj', 'Lea', 'Sam', 'Ivo', 'Kai'];
const scenario = [
  'kind: scenario',
  'name: Eight on a local model',
  'seed: 5',
  'personas:',
  ...people.map((n) => `  - { id: ${n.toLowerCase()}, name: ${n}, interests: [bouldering] }`),
  'world: { rounds: 20 }',
  'models:',
  '  default: { provider: local, model: models/small.gguf, max_tokens: 64 }',
  '',
].join('\n');

describe('a long local-model run asks first, with its estimate (code-server + Chromium)', function () {
  const s = useWorkbench('local-estimate', (ws) => {
    fs.writeFileSync(path.join(ws, 'eight.society'), scenario);
    fs.mkdirSync(path.join(ws, 'models'));
    fs.writeFileSync(path.join(ws, 'models', 'small.gguf'), ggufFile(SMOLLM2_META));
  });

  it('Run Simulation shows the estimate in a modal before anything loads; Cancel runs nothing', async () => {
    const page = s.wb.page;
    const dialog = page.locator('.monaco-dialog-box');
    await s.wb.open('eight.society');
    await act.until(
      page,
      'Run Simulation until the estimate asks',
      () => s.wb.command('Society: Run Simulation'),
      dialog.getByRole('button', { name: /^Run — .*small/ }),
    );
    const text = await dialog.innerText();
    assert.match(text, /calls/, text);
    assert.match(text, /small/, text);
    await s.wb.screenshot('local-estimate-dialog');
    await act.click(page, "the dialog's Cancel", dialog.getByRole('button', { name: 'Cancel' }), act.gone(dialog));
    const runs = s.ws('runs');
    assert.ok(
      !fs.existsSync(runs) || fs.readdirSync(runs).every((d) => !fs.existsSync(path.join(runs, d, 'trace.jsonl'))),
      'no run was started',
    );
  });
});
