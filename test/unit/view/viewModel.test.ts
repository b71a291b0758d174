// The view's data layer in plain Node: trace rows and their filter, the network of a round,
// stable community colours, per-round metrics (equal to the analysis layer's), reward series and
// the virtual list's window arithmetic.
import assert from 'node:assert/strict';
import { DEFAULT_FILTER, type TraceFilter } from '../../../src/core/protocol/viewMessages';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { replay } from '../../../src/core/replay/replay';
import type { TraceEvent } from '../../../src/core/trace/events';
import { filterRows, rowAgents, rowOf, type TraceRow } from '../../../webview/model/traceRows';
import { LABEL_CHARS, networkAt, nodeLabel } from '../../../webview/model/networkData';
import { roundMetrics } from '../../../webview/model/roundMetrics';
import { RewardSeries } from '../../../webview/model/rewardSeries';
import { scrollToRow, visibleWindow } from '../../../webview/panels/virtualWindow';
import { syntheticTrace } from '../../webview/fixtures';

const message = (round: number, from: string, to: string, text: string): TraceEvent => ({
  type: 'message',
  round,
  encounter: `${round}:${from}:0`,
  turn: 0,
  from,
  to,
  act: 'share',
  text,
  topic: 'chess',
});

describe('view model', () => {
  describe('trace rows', () => {
    const events: TraceEvent[] = [
      message(1, 'a', 'b', 'Hello there'),
      {
        type: 'evaluation',
        round: 1,
        encounter: '1:a:0',
        from: 'b',
        to: 'a',
        rating: 0.712,
        reasons: { reciprocity: 1, novelty: 0, affect: 1 },
        text: 'Nice chat',
      },
      {
        type: 'advice',
        round: 2,
        agent: 'c',
        driver: 'social',
        action: 'ask',
        text: 'Ask more questions',
        partner: 'a',
      },
      { type: 'tie', round: 2, from: 'a', to: 'b', previous: 0, strength: 0.7, exists: true, cause: 'evaluation' },
      message(3, 'c', 'b', '<b>bold</b> move'),
      {
        type: 'intervention',
        round: 3,
        kind: 'interview',
        agent: 'a',
        question: 'Who do you trust?',
        answer: 'Leo, mostly.',
      },
      {
        type: 'error',
        round: 3,
        agent: 'b',
        phase: 'act',
        kind: 'speak',
        handling: 'skipped',
        reason: 'timeout',
        message: 'no answer in 60 s',
      },
    ];
    const rows = events.map((e, i) => rowOf(e, i)).filter((r): r is TraceRow => r !== undefined);
    const names: Record<string, string> = { a: 'Maya Chen', b: 'Leo Park', c: 'Ana Silva' };
    const nameOf = (id: string) => names[id] ?? id;
    const filter = (f: Partial<TraceFilter>, round = 3) =>
      filterRows(rows, { ...DEFAULT_FILTER, ...f }, round, nameOf).map((i) => rows[i].index);

    it('lists messages, evaluations and advice with their detail', () => {
      assert.deepEqual(
        rows.map((r) => [r.kind, r.detail]),
        [
          ['message', 'share · chess'],
          ['evaluation', 'rating 0.71'],
          ['advice', 'social · ask'],
          ['message', 'share · chess'],
          ['intervention', 'interview'],
          ['error', 'act · speak · skipped'],
        ],
      );
      assert.deepEqual(
        rows.map((r) => r.index),
        [0, 1, 2, 4, 5, 6],
      );
      assert.equal(rows[4].text, 'Q: Who do you trust?\nA: Leo, mostly.');
      assert.equal(rows[5].text, 'timeout: no answer in 60 s');
      assert.deepEqual(rowAgents(rows[2]), ['c', 'a']);
    });

    it('filters by kind, agent (either end), rounds and search over text and names', () => {
      assert.deepEqual(filter({}), [0, 1, 2, 4, 5, 6]);
      assert.deepEqual(filter({ kinds: ['advice'] }), [2]);
      assert.deepEqual(filter({ kinds: ['error', 'intervention'] }), [5, 6]);
      assert.deepEqual(filter({ agent: 'a' }), [0, 1, 2, 5]);
      assert.deepEqual(filter({ rounds: 'current' }, 1), [0, 1]);
      assert.deepEqual(filter({ rounds: 'upto' }, 2), [0, 1, 2]);
      assert.deepEqual(filter({ search: 'LEO' }), [0, 1, 4, 5, 6]);
      assert.deepEqual(filter({ search: '<b>' }), [4]);
      assert.deepEqual(filter({ search: 'nobody' }), []);
    });
  });

  describe('network of a round', () => {
    const trace = syntheticTrace({ agents: 40, ties: 120, rounds: 3, seed: 3 });
    it('labels a node with its name, cut to LABEL_CHARS and isolated when it carries a direction override', () => {
      assert.equal(nodeLabel('Maya Chen'), 'Maya Chen');
      const long = 'W'.repeat(400);
      assert.equal(nodeLabel(long), `${'W'.repeat(LABEL_CHARS - 1)}…`);
      assert.equal([...nodeLabel('😀'.repeat(50))].length, LABEL_CHARS, 'cut by characters, never inside one');
      assert.equal(nodeLabel('Eve \u202eRTL'), '\u2068Eve \u202eRTL\u2069');
    });
    it('has every agent, every tie at or above the threshold, and marks reciprocated ones', () => {
      const state = replay(trace.header, trace.events);
      const data = networkAt(state);
      assert.equal(data.nodes.length, 40);
      assert.equal(data.edges.length, 120);
      const set = new Set(data.edges.map((e) => `${e.from}>${e.to}`));
      for (const e of data.edges) assert.equal(e.reciprocal, set.has(`${e.to}>${e.from}`));
      assert.ok(data.edges.some((e) => e.reciprocal));
      assert.equal(
        data.nodes.reduce((s, n) => s + n.inDegree + n.outDegree, 0),
        240,
      );
      assert.ok(networkAt(replay(trace.header, trace.events, 1)).edges.length < 120);
    });

    it('computes the same density, reciprocity, clustering and modularity as the analysis layer, Louvain seeded alike', () => {
      const data = networkAt(replay(trace.header, trace.events));
      const m = roundMetrics(data);
      const graph = graphFromTies(
        data.nodes.map((n) => ({ id: n.id })),
        data.edges,
        data.threshold,
      );
      // What `society report`, `society metrics` and the closing summary compute, whatever the run's seed.
      const reference = computeNetworkMetrics(graph);
      assert.equal(m.density, reference.density);
      assert.equal(m.reciprocity, reference.reciprocity);
      assert.equal(m.clustering, reference.average_clustering);
      assert.equal(m.modularity, reference.louvain_modularity);
      assert.equal(new Set(Object.values(m.communities)).size, reference.louvain_communities);
    });
  });

  it("averages raw rewards per driver per round, and keeps each agent's history", () => {
    const series = new RewardSeries();
    const basis = {
      conversations: 1,
      partners: 1,
      rating_received: 0,
      questions_asked: 0,
      answers_received: 0,
      new_topics: 0,
      shares: 0,
      shares_acknowledged: 0,
      plans_agreed: 0,
      support_received: 0,
      support_given: 0,
    };
    const raw = (v: number) => ({ social: v, information: v / 2, presentation: 0, coordination: 0, support: 1 });
    series.add({ type: 'reward', round: 1, agent: 'a', raw: raw(0.2), weighted: raw(0), total: 0.3, basis });
    series.add({ type: 'reward', round: 1, agent: 'b', raw: raw(0.6), weighted: raw(0), total: 0.5, basis });
    series.add({ type: 'reward', round: 2, agent: 'a', raw: raw(1), weighted: raw(0), total: 0.9, basis });
    const means = series.means();
    assert.deepEqual(
      means.social.map((p) => p.round),
      [1, 2],
    );
    assert.ok(Math.abs(means.social[0].value - 0.4) < 1e-12);
    assert.ok(Math.abs(means.total[0].value - 0.4) < 1e-12);
    assert.deepEqual(
      series.ofAgent('a').social.map((p) => p.value),
      [0.2, 1],
    );
    assert.deepEqual(series.ofAgent('zz').total, []);
  });

  describe('virtual window', () => {
    it('covers the viewport plus a margin, clamped to the list', () => {
      assert.deepEqual(visibleWindow(0, 220, 22, 100000, 6), { first: 0, last: 16 });
      assert.deepEqual(visibleWindow(22 * 50000, 220, 22, 100000, 6), { first: 49994, last: 50016 });
      assert.deepEqual(visibleWindow(22 * 99999, 220, 22, 100000, 6), { first: 99993, last: 100000 });
      assert.deepEqual(visibleWindow(0, 220, 22, 0), { first: 0, last: 0 });
    });

    it('scrolls just enough to show a row', () => {
      assert.equal(scrollToRow(10, 0, 220, 22), 22 * 11 - 220);
      assert.equal(scrollToRow(2, 0, 220, 22), 0);
      assert.equal(scrollToRow(2, 100, 220, 22), 44);
    });
  });
});
