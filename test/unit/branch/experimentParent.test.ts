// A run of an experiment forked: its condition is found by the trace's file name as the runner
// writes it (`traces/<condition stem>-seed<N>.jsonl`). The lookup compared the name as written
// (`cooperative, no punishment-seed3`), so any condition whose name was not already its own file
// stem was never found and the fork ran the scenario without the condition's settings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { experimentRunOf } from '../../../src/core/branch/experimentParent';
import type { ParentRun } from '../../../src/core/branch/parentRun';
import { scratchDir } from '../../support/scratch';

describe('an experiment run as a fork parent', () => {
  it('finds its condition by the trace file the runner named after it', () => {
    const out = scratchDir('experiment-parent-');
    const traces = path.join(out, 'traces');
    fs.mkdirSync(traces);
    const conditions = [
      { name: 'cooperative, no punishment', set: { 'ties.threshold': 0.5 } },
      { name: 'selfish, punishment', set: { 'ties.threshold': 0.7 } },
    ];
    fs.writeFileSync(path.join(out, 'experiment.json'), JSON.stringify({ conditions }));
    const parent = (file: string, seed: number) =>
      ({ folder: traces, tracePath: path.join(traces, file), header: { seed } }) as unknown as ParentRun;
    assert.deepEqual(experimentRunOf(parent('selfish-punishment-seed3.jsonl', 3)), {
      condition: 'selfish, punishment',
      set: { 'ties.threshold': 0.7 },
    });
    assert.equal(experimentRunOf(parent('selfish-punishment-seed4.jsonl', 3)), undefined, 'another seed');
  });
});
