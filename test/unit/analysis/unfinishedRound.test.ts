// A trace that stops inside a round (a run killed mid-round, or cut at any line): every reader of
// the tie network uses the rounds it holds whole, says what it left out, and never reports the
// half-updated round as finished.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildRunReport } from '../../../src/core/analysis/report/reportModel';
import {
  loadTrace,
  traceTieNetwork,
  unfinishedNote,
  wholeRound,
} from '../../../src/core/analysis/metrics/traceNetwork';
import { exportTraceTies } from '../../../src/core/analysis/export/tieExport';
import { loadTieNetwork } from '../../../src/core/analysis/metrics/tieNetworkFile';
import type { TraceEvent } from '../../../src/core/trace/events';
import { renderReportHtml } from '../../../src/core/analysis/report/reportHtml';
import { reportScenario, runTrace, toJsonl } from './runTrace';

describe('a trace that ends inside a round', function () {
  let dir: string,
    whole: { header: import('../../../src/core/trace/events').TraceHeader; events: TraceEvent[] },
    cutAt: number;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-unfinished-'));
    whole = await runTrace(reportScenario(12, 6));
    // Cut halfway through round 5, after some tie changes of that round.
    const ofRound5 = whole.events.map((e, i) => [e, i] as const).filter(([e]) => e.round === 5);
    const ties = ofRound5.filter(([e]) => e.type === 'tie');
    assert.ok(ties.length >= 2, 'round 5 changes ties');
    cutAt = ties[Math.floor(ties.length / 2)][1] + 1;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };

  it('loads the rounds it holds whole and names the unfinished one', async () => {
    const file = write('cut.jsonl', toJsonl({ header: whole.header, events: whole.events.slice(0, cutAt) }));
    const trace = await loadTrace(file);
    assert.equal(trace.lastRound, 4);
    assert.equal(trace.unfinishedRound, 5);
    assert.ok(trace.events.every((e) => e.round <= 4));
    assert.equal(unfinishedNote(trace), 'the trace ends after round 4: round 5 was not finished and is left out');
    assert.throws(() => wholeRound(trace, 5), /round 5 is outside the trace \(0\.\.4; round 5 was not finished\)/);
    // The network is round 4's, as the whole trace has it.
    const full = await loadTrace(write('whole.jsonl', toJsonl(whole)));
    assert.equal(full.unfinishedRound, undefined);
    assert.equal(unfinishedNote(full), undefined);
    const ties = (g: ReturnType<typeof traceTieNetwork>): string[] =>
      g.mapEdges((_k, a, s, t) => `${s}>${t} ${JSON.stringify(a)}`).sort();
    assert.deepEqual(ties(traceTieNetwork(trace)), ties(traceTieNetwork(full, 4)));
    assert.equal(traceTieNetwork(trace).order, traceTieNetwork(full, 4).order);
    assert.equal(exportTraceTies(trace, 'csv'), exportTraceTies(full, 'csv', { round: 4 }));
    const network = await loadTieNetwork(file);
    assert.match(network.description, /ties at the end of round 4 /);
    assert.match(network.note!, /round 5 was not finished/);
  });

  it('leaves a cut-off last line out, saying so, instead of rejecting the trace', async () => {
    const text = toJsonl({ header: whole.header, events: whole.events.slice(0, cutAt) });
    const line = JSON.stringify(whole.events[cutAt]);
    const trace = await loadTrace(write('truncated.jsonl', text + line.slice(0, line.length >> 1)));
    assert.equal(trace.truncated, true);
    assert.equal(
      unfinishedNote(trace),
      'the trace ends after round 4: round 5 was not finished and is left out; its last line was cut off',
    );
    // A broken line that is not the last is still an error.
    await assert.rejects(
      () => loadTrace(write('broken.jsonl', text.replace(/\n/, '\n{"type":\n'))),
      /:2: invalid JSON/,
    );
  });

  it('reports the rounds it holds whole: no row or rewards for the unfinished round', () => {
    const cut = buildRunReport(whole.header, whole.events.slice(0, cutAt));
    const upTo4 = buildRunReport(
      whole.header,
      whole.events.filter((e) => e.round <= 4),
    );
    assert.equal(cut.round, 4);
    assert.deepEqual(cut.overRounds, upTo4.overRounds);
    assert.deepEqual(cut.metrics, upTo4.metrics);
    assert.deepEqual(cut.rewards, upTo4.rewards);
    assert.equal(cut.overRounds.at(-1)!.round, 4);
  });

  it('has no network for a trace that holds no whole round: only its header, or cut inside round 0 (QA D16)', async () => {
    const roundEnd0 = whole.events.findIndex((e) => e.type === 'round_end');
    for (const [name, events] of [
      ['header-only.jsonl', []],
      ['setup-cut.jsonl', whole.events.slice(0, roundEnd0 - 1)],
    ] as const) {
      const file = write(name, toJsonl({ header: whole.header, events: [...events] }));
      const trace = await loadTrace(file);
      assert.equal(trace.lastRound, -1);
      assert.deepEqual(trace.events, []);
      // Said, not drawn as an empty network of round 0 (every command: metrics, export, report).
      assert.throws(() => wholeRound(trace), {
        message: `${file}: round 0 is not in the trace: it ends before round 0 was finished`,
      });
      assert.throws(() => exportTraceTies(trace, 'csv'), /round 0 is not in the trace/);
      await assert.rejects(loadTieNetwork(file), {
        message: `${file}: round 0 is not in the trace: it ends before round 0 was finished`,
      });
    }
  });

  it('names the trace file when a round is outside it, in export as in metrics (QA D16)', async () => {
    const file = write('whole.jsonl', toJsonl(whole));
    const trace = await loadTrace(file);
    assert.throws(() => exportTraceTies(trace, 'gexf', { round: 999 }), {
      message: `${file}: round 999 is outside the trace (0..6)`,
    });
    await assert.rejects(loadTieNetwork(file, { round: 999 }), {
      message: `${file}: round 999 is outside the trace (0..6)`,
    });
  });

  it('says on the report page what it left out, as the command says on standard error (QA D16)', () => {
    const report = buildRunReport(whole.header, whole.events.slice(0, cutAt));
    const note = 'the trace ends after round 4: round 5 was not finished and is left out; its last line was cut off';
    const page = renderReportHtml(report, { note });
    assert.match(
      page,
      /<section id="run"><h2>Run<\/h2>.*<p class="note">The trace ends after round 4: round 5 was not finished and is left out; its last line was cut off\.<\/p><\/section>/s,
    );
    assert.doesNotMatch(renderReportHtml(report), /was not finished/);
  });
});
