// How a finished run says how it went (issue 42: 8c): no notification over the society view for a
// clean run it shows; the status bar item's tooltip offers Open Trace and Show Log instead.
import * as assert from 'node:assert/strict';
import {
  experimentTooltip,
  needsNotification,
  OUTCOME_COMMANDS,
  outcomeTooltip,
} from '../../../src/extension/run/runOutcome';
import { StatusOwners } from '../../../src/extension/run/statusOwners';

describe('the outcome of a finished run', () => {
  it('is a notification only for failed model calls or a society view out of sight', () => {
    assert.equal(needsNotification('info', true), false, 'a clean run the view shows: no toast over it');
    assert.equal(needsNotification('info', false), true, 'the view was closed or hidden: say it');
    assert.equal(needsNotification('warning', true), true, 'failed calls are always said');
    assert.equal(needsNotification('error', true), true);
  });

  it("offers Open Trace (this run's trace) and Show Log in the status bar item's tooltip", () => {
    const md = outcomeTooltip('Market town: 3 rounds, 0 ties.', '/work/runs/market [1]/trace.jsonl');
    assert.match(md, /^Market town: 3 rounds, 0 ties\\\./);
    assert.match(md, /\/work\/runs\/market \\\[1\\\]\/trace\\\.jsonl/, 'the path is text, not a link');
    const open = /\[Open Trace\]\(command:society\.openTrace\?([^)]*)\)/.exec(md)!;
    assert.deepEqual(JSON.parse(decodeURIComponent(open[1])), [
      { $mid: 1, scheme: 'file', path: '/work/runs/market [1]/trace.jsonl' },
    ]);
    assert.match(md, /\[Show Log\]\(command:society\.showLog\)/);
    for (const command of md.matchAll(/command:([\w.]+)/g)) {
      assert.ok((OUTCOME_COMMANDS as readonly string[]).includes(command[1]), command[1]);
    }
  });

  it("offers an experiment's Reveal Files in the tooltip, so no notification covers its report (issue 88)", () => {
    const files = ['/work/runs/exp [2]/experiment.html', '/work/runs/exp [2]/summary.csv'];
    const md = experimentTooltip('Experiment of Pot: 40 runs in 3.2 s; 14 of 14 claims hold.', files);
    assert.match(md, /^Experiment of Pot: 40 runs in 3\\\.2 s; 14 of 14 claims hold\\\./);
    const reveal = /\[Reveal Files\]\(command:society\.revealExperimentFiles\?([^)]*)\)/.exec(md)!;
    assert.deepEqual(JSON.parse(decodeURIComponent(reveal[1])), [files]);
    for (const command of md.matchAll(/command:([\w.]+)/g)) {
      assert.ok((OUTCOME_COMMANDS as readonly string[]).includes(command[1]), command[1]);
    }
  });

  it('keeps the tooltip as Markdown in the status bar until someone else speaks', () => {
    const s = new StatusOwners(),
      run = {};
    s.set(run, 'round 1/3', 'Market town');
    s.ended(run, 'round 3/3 · 24 agents', 'Market town: 3 rounds. [Show Log](command:society.showLog)');
    assert.deepEqual(s.shown(), {
      text: 'round 3/3 · 24 agents',
      tooltip: 'Market town: 3 rounds. [Show Log](command:society.showLog)',
      markdown: true,
    });
  });
});
