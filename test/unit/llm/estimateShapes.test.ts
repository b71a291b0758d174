// The estimate renders typical requests of its own (estimateRequests.ts); how many partners a
// choice shows and how many others an act names are the engine's numbers, which the compiler
// cannot hold together: this test does. Change one, and the estimate's prompts change with it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { typicalRequests } from '../../../src/core/llm/estimateRequests';
import { CANDIDATES } from '../../../src/core/engine/society/encounters';
import { TARGETS_OFFERED } from '../../../src/core/engine/phases/act/targets';

const examples = path.resolve(__dirname, '../../../examples');

describe('the typical requests of the estimate', () => {
  it("show as many partners to choose from as the engine's encounters do", async () => {
    const { scenario } = await loadScenarioFile(path.join(examples, 'friends/friends.society'));
    const r = typicalRequests(scenario!).choose_partner;
    assert.ok(r.kind === 'choose_partner');
    assert.equal(r.candidates.length, CANDIDATES);
  });

  it('name as many others in an act as the engine offers as targets, fewer in a smaller society', async () => {
    const { scenario } = await loadScenarioFile(path.join(examples, 'public-goods/public-goods.society'));
    const big = { ...scenario!, population: scenario!.population.map((g) => ({ ...g, count: 40 })) };
    const r = typicalRequests(big).act;
    assert.ok(r.kind === 'act');
    assert.equal(r.others.length, TARGETS_OFFERED);
    const pair = { ...scenario!, personas: [], population: scenario!.population.map((g) => ({ ...g, count: 2 })) };
    const p = typicalRequests(pair).act;
    assert.ok(p.kind === 'act');
    assert.equal(p.others.length, 1);
  });
});
