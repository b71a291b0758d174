// The schema's list of experiment metrics is the analysis's: a name the editor accepts is one the
// experiment compares, and every metric it can compare can be asked for. The declared state's
// outcomes (`world.<q>.final`, …) are names by pattern, the same pattern the analysis uses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTCOME_METRICS } from '../../../src/core/experiment/outcome';
import { STATE_METRIC } from '../../../src/core/experiment/stateOutcomes';

type Items = { anyOf?: { enum?: string[]; pattern?: string }[] };

describe('experiment metric names', () => {
  const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../schemas/society.schema.json'), 'utf8'));
  const items: Items = schema.$defs.scenario.properties.experiment.properties.metrics.items;

  it('the schema enumerates exactly the outcome metrics', () => {
    assert.deepEqual(items.anyOf?.[0].enum, [...OUTCOME_METRICS]);
  });

  it("the schema's pattern for state outcomes is the analysis's", () => {
    assert.equal(items.anyOf?.[1].pattern, STATE_METRIC.source);
    const names = ['world.fish.final', 'world.fish.survival', 'agents.catch.mean', 'agents.catch.gini'];
    for (const n of names) assert.match(n, new RegExp(items.anyOf![1].pattern!));
    for (const n of ['world.fish', 'fish.final', 'agents.catch.median']) assert.doesNotMatch(n, STATE_METRIC);
  });
});
