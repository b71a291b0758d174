// judgements.csv (one tidy row per score) and the report's Judges numbers: means with CIs per
// dimension and judge, the distribution, missing scores, and agreement between judges.
import * as assert from 'node:assert/strict';
import { judgementsCsv } from '../../../src/core/analysis/export/judgementsCsv';
import { summarise } from '../../../src/core/analysis/report/judgesSummary';
import { judgesSection } from '../../../src/core/analysis/report/judgesSection';
import type { JudgementEvent } from '../../../src/core/trace/events';

const ev = (
  judge: string,
  agent: string,
  help: number | null,
  round = 3,
  extra: Partial<JudgementEvent> = {},
): JudgementEvent => ({
  type: 'judgement',
  round,
  judging: 'team',
  judge,
  agent,
  scores: { help },
  reasons: help === null ? {} : { help: `gave ${help}` },
  ...extra,
});

describe('judgements.csv and the Judges section', () => {
  it('writes one row per score, missing scores empty with the error as reason', () => {
    const csv = judgementsCsv([
      ev('offline', 'ann', 4, 2, { encounter: '2:ann:0', partner: 'bo' }),
      ev('critic', 'ann', null, 2, { error: 'unparseable, "x"' }),
    ]);
    assert.equal(
      csv,
      'judging,judge,round,agent,encounter,partner,dimension,score,reason\n' +
        'team,offline,2,ann,2:ann:0,bo,help,4,gave 4\n' +
        'team,critic,2,ann,,,help,,"unparseable, ""x"""\n',
    );
  });

  it('summarises means with CIs, the distribution, missing scores and agreement', () => {
    const a = [1, 2, 3, 4, 5],
      b = [2, 2, 3, 5, 5];
    const events = [
      ...a.map((s, i) => ev('offline', `x${i}`, s)),
      ...b.map((s, i) => ev('offline:second', `x${i}`, s)),
      ev('offline:second', 'x9', null),
    ];
    const [d] = summarise('team', events).dimensions;
    // scipy: x=[1,2,3,4,5,2,2,3,5,5]; m=np.mean(x); h=scipy.stats.t.ppf(0.975,9)*np.std(x,ddof=1)/np.sqrt(10); m-h, m+h
    // = (3.2, 2.144326657360838, 4.255673342639162); the tabled t is rounded to 3 decimals, hence 1e-3
    assert.equal(d.all.mean, 3.2);
    assert.ok(
      Math.abs(d.all.low! - 2.144326657360838) < 1e-3 && Math.abs(d.all.high! - 4.255673342639162) < 1e-3,
      `${d.all.low} ${d.all.high}`,
    );
    assert.equal(d.byJudge.offline.mean, 3);
    assert.deepEqual(d.distribution, [
      [1, 1],
      [2, 3],
      [3, 2],
      [4, 1],
      [5, 3],
    ]);
    assert.equal(d.missing, 1);
    assert.equal(d.units, 5);
    // numpy (agreement.test.ts's formulas) on rows [1,2,3,4,5] and [2,2,3,5,5] (x9 rated by one judge only,
    // so not pairable): alpha = 0.9081632653061225; ICC(2,1) = 0.9183673469387756
    assert.ok(Math.abs(d.alpha! - 0.9081632653061225) < 1e-9, String(d.alpha));
    assert.ok(Math.abs(d.icc! - 0.9183673469387756) < 1e-9, String(d.icc));
    const html = judgesSection([summarise('team', events)]);
    assert.match(html, /<h3>team<\/h3>/);
    assert.match(html, /Krippendorff&#39;s α \(interval\)/);
    assert.match(html, /<td>0\.91<\/td><td>0\.92<\/td>/);
  });
});
