// Issue 71 in a real VS Code (code-server + Chromium): "Run Simulation with Model…" offers the GGUF
// files of the workspace as local models, and one that is not a model stops the run before it
// starts with the file and the fix (the model file is checked on the extension host's main thread
// before any runtime loads it), leaving no run folder behind. The real model's runs are the model
// stage's (test/model); this is the editor's way to them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { useWorkbench } from './session';
import { STEP_MS } from './workbench';

const scenario = [
  'kind: scenario',
  'name: Two people',
  'seed: 5',
  'personas:',
  '  - { id: maya, name: Maya Chen, interests: [bouldering] }',
  '  - { id: tom, name: Tom Nguyen, interests: [bouldering] }',
  'world: { rounds: 1 }',
  '',
].join('\n');

describe('a local GGUF model from Run Simulation with Model… (code-server + Chromium)', function () {
  const s = useWorkbench('local-pick', (ws) => {
    fs.writeFileSync(path.join(ws, 'two.society'), scenario);
    fs.mkdirSync(path.join(ws, 'models'));
    fs.writeFileSync(path.join(ws, 'models', 'not-a-model.gguf'), 'plain text, not weights\n'.repeat(8));
  });

  it('offers the workspace’s .gguf file; one that is not a model is refused with the file and the fix', async () => {
    const page = s.wb.page;
    const quick = page.locator('.quick-input-widget');
    const row = (text: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: text });
    await s.wb.open('two.society');
    await act.until(
      page,
      'Run Simulation with Model… until the pick lists the file',
      () => s.wb.command('Society: Run Simulation with Model…'),
      row('not-a-model.gguf'),
    );
    assert.match(await row('not-a-model.gguf').innerText(), /local model, in-process/);
    await s.wb.screenshot('local-model-pick');
    await act.click(page, 'the GGUF file', row('not-a-model.gguf'), act.hidden(quick), { area: quick });
    const refusal = page.locator('.notification-toast', { hasText: /not-a-model\.gguf/ });
    await refusal.first().waitFor({ timeout: STEP_MS });
    const text = await refusal.first().innerText();
    assert.match(text, /not a GGUF model/);
    assert.match(text, /download a GGUF model|local-model\.mjs/);
    assert.ok(!fs.existsSync(s.ws('runs')) || fs.readdirSync(s.ws('runs')).length === 0, 'no run was started');
  });
});
