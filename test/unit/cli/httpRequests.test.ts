// `society run`'s "HTTP requests" line reconciles a run with an endpoint's bill: it counts the
// attempts of calls to an endpoint provider only. A local GGUF model's calls (and its re-asks)
// are made in this process; counting them printed "HTTP requests: 43" for a run that sent none.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runModels } from '../../../src/cli/run/runModels';
import { loadScenarioFile } from '../../../src/core/format';
import type { CallRecord } from '../../../src/core/llm/callRecord';

function call(model: string, attempts: number, cached = false): CallRecord {
  return {
    model,
    kind: 'speak',
    key: `k:${model}:${attempts}`,
    agent: 'maya',
    outcome: 'ok',
    calls: attempts > 1 ? 2 : 1,
    attempts,
    faults: [],
    repairs: [],
    usage: { model, input_tokens: 10, output_tokens: 5, cost_usd: 0 },
    cached,
  };
}

describe('society run: HTTP requests are an endpoint’s only', () => {
  it('counts the attempts of endpoint calls, not a local model’s nor cached answers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-http-requests-'));
    const file = path.join(dir, 'mixed.society');
    fs.writeFileSync(
      file,
      [
        'kind: scenario',
        'name: Mixed',
        'personas:',
        '  - { id: maya, name: Maya Chen, interests: [bouldering] }',
        '  - { id: tom, name: Tom Nguyen, interests: [bouldering], model: hosted }',
        'world: { rounds: 1 }',
        'models:',
        '  default: { provider: local, model: ./small.gguf }',
        '  hosted: { provider: openai, model: fake-model, base_url: "http://127.0.0.1:9/v1" }',
      ].join('\n') + '\n',
    );
    const { scenario, diagnostics } = await loadScenarioFile(file, { root: dir });
    assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
    const choice = runModels({ scenario, out: path.join(dir, 'run') });
    assert.ok(typeof choice !== 'number');
    const onCall = choice.options.onCall!;
    onCall(call('default', 2)); // a local call re-asked once: no request
    onCall(call('hosted', 3)); // two retries: three requests
    onCall(call('hosted', 1, true)); // from the cache: none
    assert.equal(choice.httpRequests(), 3);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
