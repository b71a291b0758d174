// The editor-facing pieces: the hover section, tie inlay hints at relationship references, the
// Society tree's nodes and the inspector's answers (what the extension shows, minus VS Code).
import * as assert from 'node:assert/strict';
import { NodeFileSystem, SocietyWorkspace } from '../../../src/core/format';
import { answerQuery, inspectorContext, MAX_ROWS } from '../../../src/core/memory/inspector';
import { escapeMarkdown, memoryHover } from '../../../src/core/memory/memoryHover';
import { personaPlaces } from '../../../src/core/memory/personaPlaces';
import {
  agentNodes,
  groupNodes,
  memoryNodes,
  MEMORY_ICONS,
  rewardNodes,
  tieNodes,
} from '../../../src/core/memory/societyTree';
import { tieHints } from '../../../src/core/memory/tieHints';
import { TraceMemorySource } from '../../../src/core/memory/traceMemorySource';
import { isInspectorViewMessage } from '../../../src/core/protocol/memoryMessages';
import { MEMORY_KINDS, type TraceEvent } from '../../../src/core/trace/events';
import { recordRun, type RecordedRun } from './memoryFixture';

describe('memory in the editor', () => {
  let run: RecordedRun;
  let source: TraceMemorySource;
  before(async () => {
    run = await recordRun();
    source = TraceMemorySource.of('run', 'fixture-run', run.header, run.events, '/runs/fixture/trace.jsonl');
  });

  it('hover: counts, the latest and most important memories and the strongest ties, escaped', () => {
    const state = source.stateAt()!;
    const a = state.agents.get('p1')!;
    const md = memoryHover(source, 'p1', { count: 2, link: '[Show memories](command:x)' })!;
    const newest = [...a.memories].sort((x, y) => y.round - x.round || y.id - x.id)[0];
    assert.ok(
      md.startsWith(`**Memories of ${escapeMarkdown(a.persona.name)}** · fixture\\-run · round ${run.header.rounds}`),
      md.slice(0, 120),
    );
    assert.ok(md.includes(`${source.ledger.written('p1')} memories`));
    assert.doesNotMatch(md, /\b1 ties\b|\b1 memories\b/, 'one tie, one memory');
    assert.ok(md.includes(escapeMarkdown(newest.text.slice(0, 60))), 'the newest memory is listed');
    assert.ok(md.includes('**Most important**') && md.includes('**Strongest ties**'));
    assert.ok(md.endsWith('[Show memories](command:x)'));
    assert.equal(memoryHover(source, 'nobody'), undefined);
    assert.equal(
      escapeMarkdown('<img src=x onerror=alert(1)> *b* [l](u) `c`'),
      '\\<img src=x onerror=alert\\(1\\)\\> \\*b\\* \\[l\\]\\(u\\) \\`c\\`',
    );
  });

  it('places ids and owners of relationship references, and hints the tie both ways', () => {
    const ws = new SocietyWorkspace(new NodeFileSystem(), '/');
    const text = [
      'kind: persona',
      'id: p1',
      'name: Leo',
      'relationships:',
      '  - { with: p2, tie: 0.4 }',
      '  - with: p3',
      '    note: flatmate',
      '---',
      'kind: scenario',
      'name: s',
      'personas:',
      '  - id: q9',
      '    name: Inline',
      '    relationships: [{ with: p1 }]',
      'world: { rooms: [{ name: r, members: [p1, p2] }] }',
    ].join('\n');
    const places = personaPlaces(ws.analyzeText('/virtual/p1.society', `# Leo, a flatmate\n${text}`));
    assert.deepEqual(
      places.map((p) => [p.kind, p.id, p.owner ?? null, p.range.start.line, p.line ?? null]),
      [
        ['definition', 'p1', null, 2, 1],
        ['reference', 'p2', 'p1', 5, null],
        ['reference', 'p3', 'p1', 6, null],
        ['definition', 'q9', null, 12, 12],
        ['reference', 'p1', 'q9', 14, null],
        ['reference', 'p1', null, 15, null],
        ['reference', 'p2', null, 15, null],
      ],
    );
    const state = source.stateAt()!;
    const hints = tieHints(state, places);
    // q9 is not in the run; room members have no owner: only p1's two relationships get hints.
    assert.deepEqual(
      hints.map((h) => h.position),
      [places[1].range.end, places[2].range.end],
    );
    const f = (n: number) => n.toFixed(2);
    assert.equal(hints[0].label, `→ ${f(state.ties.get('p1', 'p2'))} · ← ${f(state.ties.get('p2', 'p1'))}`);
    const name = (id: string) => state.agents.get(id)!.persona.name;
    assert.ok(
      hints[1].tooltip.startsWith(`Tie strength at round ${run.header.rounds}: ${name('p1')} → ${name('p3')} `),
      `people by name: ${hints[1].tooltip}`,
    );
  });

  it('tree: agents with their lens line; memories newest first with icons, forgotten marked, trace lines; ties; rewards', () => {
    const state = source.stateAt()!;
    const agents = agentNodes(source);
    assert.equal(agents.length, state.agents.size);
    assert.deepEqual(
      groupNodes(source, 'p2').map((g) => g.label),
      ['Memories', 'Ties', 'Rewards'],
    );
    const memories = memoryNodes(source, 'p2');
    assert.equal(memories.length, source.ledger.written('p2'));
    const kept = memories.filter((m) => m.type === 'memory' && m.kept).length;
    assert.equal(kept, state.agents.get('p2')!.memories.length);
    const lines = run.text.split('\n');
    for (const m of memories) {
      if (m.type !== 'memory') throw new Error('not a memory node');
      assert.equal(m.icon, MEMORY_ICONS[JSON.parse(lines[m.line! - 1]).memory.kind as keyof typeof MEMORY_ICONS]);
      assert.equal(JSON.parse(lines[m.line! - 1]).memory.id, m.id);
    }
    assert.ok(memories.some((m) => m.type === 'memory' && !m.kept && m.description.endsWith('forgotten')));
    assert.equal(new Set(Object.values(MEMORY_ICONS)).size, MEMORY_KINDS.length, 'one icon per kind');
    assert.equal(
      tieNodes(source, 'p2').length,
      new Set([...state.ties.entries()].flatMap(([f, t]) => (f === 'p2' ? [t] : t === 'p2' ? [f] : []))).size,
    );
    const rewards = rewardNodes(source, 'p2');
    assert.equal(rewards.length, run.events.filter((e) => e.type === 'reward' && e.agent === 'p2').length);
    assert.ok(rewards[0].type === 'reward' && rewards[0].round === run.header.rounds);
  });

  it('inspector: filtered stream with kept flags, a preview on demand, a context listing agents', () => {
    const ctx = inspectorContext(source, 'p3');
    assert.deepEqual([ctx.agent, ctx.round, ctx.complete, ctx.agents.length], ['p3', run.header.rounds, true, 8]);
    // The kind boxes offered are the kinds the run's memories have, in the table's order (issue 59).
    const held = new Set(run.events.flatMap((e) => (e.type === 'memory' ? [e.memory.kind] : [])));
    assert.deepEqual(
      ctx.kinds,
      MEMORY_KINDS.filter((k) => held.has(k)),
    );
    assert.ok(ctx.kinds!.length >= 2 && ctx.kinds!.length < MEMORY_KINDS.length + 1);
    const all = answerQuery(source, { agent: 'p3', text: '' });
    assert.equal(all.total, source.ledger.written('p3'));
    assert.deepEqual(
      all.rows.map((r) => r.id),
      source.ledger
        .entries('p3')
        .map((e) => e.memory.id)
        .reverse(),
    );
    const advice = answerQuery(source, { agent: 'p3', kinds: ['advice'], from: 3, to: 6, text: '' });
    const expected = run.events.filter(
      (e): e is Extract<TraceEvent, { type: 'memory' }> =>
        e.type === 'memory' && e.agent === 'p3' && e.memory.kind === 'advice' && e.round >= 3 && e.round <= 6,
    );
    assert.equal(advice.total, expected.length);
    assert.ok(advice.total > 0);
    assert.equal(advice.preview, undefined);
    // The kinds are the ticked boxes: none ticked shows nothing, as in the trace table.
    assert.equal(answerQuery(source, { agent: 'p3', kinds: [], text: '' }).total, 0);
    const withPreview = answerQuery(source, {
      agent: 'p3',
      text: '',
      preview: { text: 'weekend plans', round: 12, k: 5 },
    });
    assert.equal(withPreview.preview!.rows.length, 5);
    assert.equal(withPreview.preview!.round, 12);
    assert.ok(answerQuery(source, { agent: 'ghost', text: '' }).problem);
    assert.ok(MAX_ROWS >= 1000);
  });

  it('the inspector protocol rejects malformed messages', () => {
    assert.ok(isInspectorViewMessage({ type: 'ready' }));
    assert.ok(
      isInspectorViewMessage({
        type: 'query',
        query: { agent: 'a', kinds: ['advice'], text: '', preview: { text: 'x', round: 3, k: 8 } },
      }),
    );
    assert.ok(isInspectorViewMessage({ type: 'reveal', agent: 'a', id: 3 }));
    assert.ok(isInspectorViewMessage({ type: 'query', query: { agent: 'a', text: '' } }), 'no kinds: every kind');
    for (const bad of [
      null,
      'ready',
      { type: 'nope' },
      { type: 'query', query: { agent: 'a', kinds: ['gossip'], text: '' } },
      { type: 'query', query: { agent: 'a', kinds: [], text: '', preview: { text: 'x', round: 1.5, k: 8 } } },
      { type: 'query', query: { agent: 'a', kinds: [], text: '', preview: { text: 'x', round: 1, k: 0 } } },
      { type: 'reveal', agent: 'a', id: '3' },
    ]) {
      assert.equal(isInspectorViewMessage(bad), false, JSON.stringify(bad));
    }
  });
});
