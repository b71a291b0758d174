// Issue 58, kind 6: the trace header records what made a run — the product's version (package.json),
// Node's, and each model's provider, model name and base URL, never a key — and `compare` and the
// experiment report say when runs differ in them. The build is not part of being the same run: a
// branch or a resume of a run made by another version is not refused for it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { name, version } from '../../../package.json';
import type { TraceHeader } from '../../../src/core/trace/events';
import { checkHeaders } from '../../../src/core/analysis/compare/headerCheck';
import { traceDivergence } from '../../../src/core/branch/divergence';
import { formatExperiment } from '../../../src/core/experiment/experimentReport';
import { madeBy } from '../../../src/core/experiment/madeBy';
import type { ExperimentResult } from '../../../src/core/experiment/types';
import { makeScenario } from '../engine/scenarioFixture';
import { traceOf } from '../engine/traceHelpers';
import { scratchDir } from '../../support/scratch';

const KEYED = {
  name: 'gpt',
  provider: 'openai' as const,
  model: 'gpt-4o-mini',
  base_url: 'https://user:sk-secret@llm.example/v1',
  api_key: 'sk-live-123',
  concurrency: 2,
  timeout_ms: 1000,
  retries: 0,
  on_error: 'skip' as const,
};

async function headerAndTrace(): Promise<{ header: TraceHeader; trace: string }> {
  const base = makeScenario(4);
  const scenario = { ...base, models: { ...base.models, gpt: KEYED }, world: { ...base.world, rounds: 2 } };
  const trace = await traceOf(scenario as typeof base);
  return { header: JSON.parse(trace.slice(0, trace.indexOf('\n'))) as TraceHeader, trace };
}

describe('what made a run (issue 58: 6)', () => {
  it('the header records the product and Node versions and each model, never a key', async () => {
    const { header, trace } = await headerAndTrace();
    assert.deepEqual(header.provenance, { product: `${name} ${version}`, node: process.version });
    assert.equal(header.models.gpt.provider, 'openai');
    assert.equal(header.models.gpt.model, 'gpt-4o-mini');
    assert.match(header.models.gpt.base_url!, /llm\.example\/v1/);
    assert.doesNotMatch(trace, /sk-secret|sk-live-123/);
  });

  it('compare says when the runs differ in product version, Node version or a model', async () => {
    const { header: a } = await headerAndTrace();
    const b: TraceHeader = {
      ...a,
      provenance: { product: `${name} 99.0.0`, node: 'v99.0.0' },
      models: { ...a.models, gpt: { ...a.models.gpt, model: 'gpt-5' } },
    };
    const notes = checkHeaders(a, b).notes.join('\n');
    assert.match(
      notes,
      new RegExp(`product version differs: A ${name} ${version.replace(/\./g, '\\.')}, B ${name} 99\\.0\\.0`),
    );
    assert.match(notes, /Node version differs: A v[\d.]+, B v99\.0\.0/);
    assert.match(notes, /model gpt differs: A openai gpt-4o-mini .*, B openai gpt-5 /);
    assert.deepEqual(checkHeaders(a, a).notes, [], 'alike: nothing said');
  });

  it('a branch made by another build is still its parent byte for byte', async () => {
    const { trace } = await headerAndTrace();
    const dir = scratchDir('society-provenance-');
    const [parent, branch] = [path.join(dir, 'a.jsonl'), path.join(dir, 'b.jsonl')];
    fs.writeFileSync(parent, trace);
    const header = JSON.parse(trace.slice(0, trace.indexOf('\n')));
    header.provenance = { product: `${name} 99.0.0-longer-version`, node: 'v99.0.0' };
    fs.writeFileSync(branch, JSON.stringify(header) + trace.slice(trace.indexOf('\n')));
    assert.equal(traceDivergence(parent, branch), undefined);
    // A real difference after the header is still found, on its line.
    const lines = trace.split('\n');
    lines[3] = lines[3].replace(/"round":\d+/, '"round":77');
    fs.writeFileSync(branch, [JSON.stringify(header), ...lines.slice(1)].join('\n'));
    assert.equal(traceDivergence(parent, branch)?.line, 4);
  });

  it('the experiment report says when its runs differ in what made them', async () => {
    const { header } = await headerAndTrace();
    const run = (product: string) => ({
      condition: 'base',
      seed: 1,
      metrics: {},
      baseline: {},
      rounds: [],
      usage: {},
      faults: { failed_calls: 0, no_model_answer: false },
      made_by: madeBy({ ...header, provenance: { product, node: process.version } }),
    });
    const result = {
      scenario: 'fixture',
      conditions: [{ name: 'base' }],
      reference: 'base',
      seeds: [1, 2],
      metrics: [],
      runs: [run(`${name} 0.5.0`), run(`${name} 0.6.0`)],
      summaries: [],
      contrasts: [],
      baselines: [],
      claims: [],
    } as unknown as ExperimentResult;
    assert.match(
      formatExperiment(result),
      new RegExp(`The runs differ in product version: ${name} 0\\.5\\.0 \\(1 run\\), ${name} 0\\.6\\.0 \\(1 run\\)\\.`),
    );
    const alike = { ...result, runs: [run(`${name} 0.6.0`), run(`${name} 0.6.0`)] } as unknown as ExperimentResult;
    assert.doesNotMatch(formatExperiment(alike), /differ in/);
  });
});
