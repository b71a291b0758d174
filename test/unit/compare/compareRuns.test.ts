// Two runs of the friends example compared (issue 46, "Compare two runs"): where their traces
// part, outcomes and series side by side with B − A, and the ties only one of them ends with.
import * as assert from 'node:assert/strict';
import { compareRuns } from '../../../src/core/analysis/compare/compareRuns';
import { digestEvents } from '../../../src/core/analysis/compare/runDigest';
import { friendsRun } from './friendsRuns';
import { formatRunComparison } from '../../../src/core/analysis/compare/compareText';
import { runComparisonHtml } from '../../../src/core/analysis/compare/compareHtml';
import { isolated } from '../../../src/core/text/isolated';
import { escapeMarkup } from '../../../src/core/text/markup';

describe('compareRuns: two runs of one scenario', function () {
  it('says identical traces are identical, with no difference anywhere', async () => {
    const a = await friendsRun(3),
      b = await friendsRun(3);
    const c = await compareRuns(a, b);
    assert.deepEqual(c.divergence, { identical: true, lines: a.events.length + 1 });
    assert.deepEqual(c.notes, []);
    for (const [name, p] of Object.entries(c.outcomes)) assert.ok(p.difference === null || p.difference === 0, name);
    for (const [name, s] of Object.entries(c.series.metrics)) {
      assert.ok(
        s.difference.every((d) => d === null || d === 0),
        name,
      );
    }
    assert.deepEqual([c.ties!.onlyA, c.ties!.onlyB], [[], []]);
    assert.equal(c.ties!.shared, digestEvents(a.header, a.events).ties.length);
  });

  it('finds the first differing line and its round, and says the seeds differ', async () => {
    const a = await friendsRun(3),
      b = await friendsRun(4);
    const c = await compareRuns(a, b);
    assert.equal(c.divergence.identical, false);
    if (c.divergence.identical) return;
    const la = [a.header, ...a.events].map((x) => JSON.stringify(x));
    const lb = [b.header, ...b.events].map((x) => JSON.stringify(x));
    let i = 1;
    while (la[i] === lb[i]) i++;
    assert.equal(c.divergence.line, i + 1, 'a 1-based file line, the header line 1');
    assert.equal(c.divergence.round, Math.min(a.events[i - 1].round, b.events[i - 1].round));
    assert.equal(c.divergence.a?.type, a.events[i - 1].type);
    assert.ok(c.notes.includes('the seeds differ (3 and 4)'), c.notes.join('; '));
  });

  it('puts outcomes and series side by side with B − A, and lists the ties only one run has', async () => {
    const a = await friendsRun(5, { set: { 'coaching.enabled': false } }),
      b = await friendsRun(5);
    const c = await compareRuns(a, b);
    assert.ok(
      c.notes.some((n) => /settings differ: coaching\.enabled/.test(n)),
      c.notes.join('; '),
    );
    const da = digestEvents(a.header, a.events),
      db = digestEvents(b.header, b.events);
    for (const name of ['density', 'reciprocity', 'average_clustering', 'mean_reward', 'ties']) {
      const p = c.outcomes[name];
      assert.equal(p.a, da.outcomes[name]);
      assert.equal(p.b, db.outcomes[name]);
      assert.equal(p.difference, (db.outcomes[name] as number) - (da.outcomes[name] as number));
    }
    assert.deepEqual(c.series.rounds, [0, 1, 2, 3, 4, 5, 6]);
    for (const name of ['density', 'reciprocity', 'average_clustering', 'mean_reward']) {
      const s = c.series.metrics[name];
      assert.deepEqual(s.a, da.series.metrics[name]);
      s.difference.forEach((d, i) =>
        assert.equal(d, s.a[i] === null || s.b[i] === null ? null : s.b[i]! - s.a[i]!, `${name} r${i}`),
      );
    }
    // The last round's density is the final outcome's.
    assert.equal(c.series.metrics.density.a.at(-1), c.outcomes.density.a);
    // Directed ties: each one-sided tie is at the threshold in its run and not in the other.
    const keys = (ts: { from: string; to: string }[]) => new Set(ts.map((t) => `${t.from}>${t.to}`));
    const ka = keys(da.ties),
      kb = keys(db.ties);
    assert.deepEqual(keys(c.ties!.onlyA), new Set([...ka].filter((k) => !kb.has(k))));
    assert.deepEqual(keys(c.ties!.onlyB), new Set([...kb].filter((k) => !ka.has(k))));
    assert.equal(c.ties!.shared, [...ka].filter((k) => kb.has(k)).length);
    for (const t of c.ties!.onlyB) {
      assert.ok(t.strength >= 0.6);
      assert.ok(t.other === null || t.other < 0.6);
    }
    assert.ok(c.ties!.onlyA.length + c.ties!.onlyB.length > 0, 'coaching changed some ties in six rounds');
    // People read by their names, as everywhere else; ids stay in the JSON and the page's tooltips.
    const names = new Map(
      b.events.flatMap((e) => (e.type === 'agent_added' ? [[e.agent.id, e.agent.name ?? e.agent.id]] : [])),
    );
    const shown = [...c.ties!.onlyA, ...c.ties!.onlyB];
    for (const t of shown) {
      assert.deepEqual(
        [t.fromName, t.toName],
        [names.get(t.from)!, names.get(t.to)!].map((n) => isolated(n)),
      );
    }
    const text = formatRunComparison(c);
    const html = runComparisonHtml(c);
    for (const t of shown.slice(0, 10)) {
      assert.ok(text.includes(`${t.fromName} → ${t.toName}`), 'the terminal names them');
      assert.ok(
        html.includes(`<td title="${t.from}"><bdi>${escapeMarkup(t.fromName)}</bdi></td>`),
        'the page names them',
      );
    }
    assert.ok(!/\b(maya|tom)\b →/.test(text));
  });

  it('refuses runs of two scenarios', async () => {
    const a = await friendsRun(3),
      b = await friendsRun(3);
    b.header = { ...b.header, scenario: { ...b.header.scenario, name: 'Another society' } };
    await assert.rejects(compareRuns(a, b), /different scenarios/);
  });

  it('reports a run that stopped early: the shorter trace ends where the other goes on', async () => {
    const a = await friendsRun(3),
      full = await friendsRun(3);
    const cut = full.events.findIndex((e) => e.type === 'round_end' && e.round === 3);
    const b = { ...full, events: full.events.slice(0, cut + 1) };
    const c = await compareRuns(a, b);
    assert.equal(c.divergence.identical, false);
    if (c.divergence.identical) return;
    assert.equal(c.divergence.b, undefined, 'B had ended');
    assert.equal(c.divergence.round, 4);
    assert.ok(c.notes.some((n) => /B ends at round 3 without run_end/.test(n)));
    assert.equal(c.series.metrics.density.b.at(-1), null, 'B has no round 6');
  });
});
