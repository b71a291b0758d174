// A person plays one agent (llm/human/): its decisions of the kinds they take are asked of them with
// the context an LLM agent would get, checked and asked again when unusable, marked in the trace
// (`by`), recorded, and replayed from the record to the same trace byte for byte.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { getEventListeners } from 'node:events';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { offlineOnlyFactory } from '../../../src/core/engine';
import { allPersonas } from '../../../src/core/engine/society/population';
import {
  AnswerBook,
  PLAYED_KINDS,
  PlaySession,
  type AnswerRecord,
  type ParticipantPort,
  type PlayFallback,
  type PlayHeader,
} from '../../../src/core/llm/human';
import { answerLine, readAnswers } from '../../../src/core/llm/human/answerBook';
import type { TraceEvent } from '../../../src/core/trace/events';
import { ScriptedPlayer } from './scriptedPlayer';

const repo = path.resolve(__dirname, '../../..');

async function load(name: string, rounds: number): Promise<Scenario> {
  const { scenario } = await loadScenarioFile(path.join(repo, `examples/${name}/${name}.society`), { root: repo });
  assert.ok(scenario);
  return { ...scenario, world: { ...scenario.world, rounds } };
}

interface Played {
  events: TraceEvent[];
  records: AnswerRecord[];
}

async function play(
  sc: Scenario,
  header: PlayHeader,
  port?: ParticipantPort,
  records?: AnswerRecord[],
): Promise<Played> {
  const recorded: AnswerRecord[] = [];
  const book = new AnswerBook(header, !port, records, (r) => recorded.push(r));
  const session = new PlaySession({ book, port, templates: sc.prompts, context: { rounds: sc.world.rounds } });
  const sim = Simulation.create(sc, { modelFactory: session.wrap(offlineOnlyFactory) });
  const events: TraceEvent[] = [];
  sim.on((e) => events.push(e));
  assert.equal((await sim.run()).status, 'completed');
  return { events, records: recorded };
}

const header = (agent: string, extra: Partial<PlayHeader> = {}): PlayHeader => ({
  type: 'play',
  agent,
  kinds: [...PLAYED_KINDS],
  fallback: 'model',
  ...extra,
});

const lines = (es: TraceEvent[]): string => es.map((e) => JSON.stringify(e)).join('\n');

describe('playing an agent (llm/human)', function () {
  it('asks the person for partner, messages and ratings, marks them, and replays byte for byte', async () => {
    const sc = await load('friends', 3);
    const agent = sc.personas[0].id;
    const player = new ScriptedPlayer();
    const played = await play(sc, header(agent), player);
    const kinds = new Set(player.questions.map((q) => q.kind));
    for (const k of ['choose_partner', 'speak', 'evaluate']) assert.ok(kinds.has(k as never), `asked ${k}`);
    assert.ok(player.questions.every((q) => q.agent === agent));

    const mine = played.events.filter((e) => 'by' in e);
    assert.ok(mine.length >= player.questions.length);
    assert.ok(mine.every((e) => (e as { by?: string }).by === 'human'));
    const said = played.events.filter((e) => e.type === 'message' && e.from === agent);
    assert.ok(said.length > 0 && said.every((e) => e.type === 'message' && e.text.startsWith('Hello from a person')));
    const rated = played.events.filter((e) => e.type === 'evaluation' && e.from === agent);
    assert.ok(rated.length > 0 && rated.every((e) => e.type === 'evaluation' && e.rating === 0.7));
    // Nobody else is marked.
    assert.ok(!played.events.some((e) => 'by' in e && 'from' in e && e.from !== agent && e.type !== 'encounter'));

    const replay = await play(sc, header(agent), undefined, played.records);
    assert.equal(lines(replay.events), lines(played.events));
  });

  it('shows what an LLM agent would see: the situation, the memories and the options', async () => {
    const sc = await load('friends', 1);
    const agent = sc.personas[0].id;
    const player = new ScriptedPlayer();
    await play(sc, header(agent), player);
    const choose = player.questions.find((q) => q.kind === 'choose_partner')!;
    assert.ok(choose.context.system.includes(sc.personas[0].name));
    assert.ok(!choose.context.situation.includes('Answer with only a JSON object'));
    assert.ok(choose.options.kind === 'choose_partner' && choose.options.partners.length > 0);
    for (const p of choose.options.partners) assert.ok(choose.context.situation.includes(p.id), p.id);
    const speak = player.questions.find((q) => q.kind === 'speak')!;
    assert.ok(Array.isArray(speak.transcript));
    const rate = player.questions.find((q) => q.kind === 'evaluate')!;
    assert.ok(rate.options.kind === 'evaluate' && rate.options.scale.max === 10);
    assert.ok(rate.transcript!.length > 0);
  });

  it('asks again, with the reason, when the answer cannot be used', async () => {
    const sc = await load('friends', 1);
    const agent = sc.personas[0].id;
    const wrong = [{ choice: 'nobody-here' }, { choice: 99 }];
    const player = new ScriptedPlayer();
    const port: ParticipantPort = {
      ask: (q) => (q.kind === 'choose_partner' && wrong.length ? Promise.resolve(wrong.shift()) : player.ask(q)),
    };
    await play(sc, header(agent), { ask: (q, s) => (player.questions.push(q), port.ask(q, s)) });
    const [first, second, third] = player.questions.filter((q) => q.kind === 'choose_partner');
    assert.equal(first.problem, undefined);
    assert.match(second.problem ?? '', /"choice" must be one of .*not "nobody-here"/);
    assert.equal(second.id, first.id, 'the same question again');
    assert.match(third.problem ?? '', /"choice" must be a number from 1 to \d+/);
  });

  it('leaves no listener behind per refused answer (no MaxListenersExceededWarning)', async () => {
    const sc = await load('friends', 1);
    const agent = sc.personas[0].id;
    let refusals = 15;
    const listening: number[] = [];
    const player = new ScriptedPlayer();
    const port: ParticipantPort = {
      ask: (q, signal) => {
        listening.push(getEventListeners(signal, 'abort').length);
        return q.kind === 'choose_partner' && refusals-- > 0 ? Promise.resolve({ choice: 'nobody' }) : player.ask(q);
      },
    };
    await play(sc, header(agent), port);
    assert.ok(listening.length > 15);
    assert.ok(Math.max(...listening) <= 2, `listeners on the question's signal: ${listening.join(', ')}`);
  });

  it('refuses a rating off the 0–10 scale and an empty message', async () => {
    const sc = await load('friends', 1);
    const agent = sc.personas[0].id;
    const refused: string[] = [];
    const player = new ScriptedPlayer();
    const port: ParticipantPort = {
      ask: async (q) => {
        if (q.problem) refused.push(`${q.kind}: ${q.problem}`);
        if (!q.problem && q.kind === 'evaluate') return { rating: 11 };
        if (!q.problem && q.kind === 'speak') return { text: '  ' };
        return player.ask(q);
      },
    };
    await play(sc, header(agent), port);
    assert.ok(
      refused.some((r) => /^evaluate: "rating" must be a number from 0 to 10/.test(r)),
      refused.join('\n'),
    );
    assert.ok(
      refused.some((r) => /^speak: "text" must hold the message/.test(r)),
      refused.join('\n'),
    );
  });

  for (const policy of ['model', 'offline', 'skip'] as PlayFallback[]) {
    it(`a person who does not answer in time gets the policy: ${policy}`, async () => {
      const sc = await load('friends', 2);
      const agent = sc.personas[0].id;
      const silent: ParticipantPort & { notes: string[] } = {
        notes: [],
        ask: (_q, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('x')))),
        note(n) {
          this.notes.push(n.type === 'timeout' ? `timeout ${n.policy}` : n.type);
        },
      };
      const h = header(agent, { timeout: 0.02, fallback: policy });
      const played = await play(sc, h, silent);
      assert.ok(silent.notes.length > 0 && silent.notes.every((n) => n === `timeout ${policy}`));
      assert.ok(played.records.every((r) => r.by === `timeout:${policy}` && r.answer === undefined));
      const marked = played.events.filter((e) => 'by' in e);
      if (policy === 'skip') {
        assert.equal(marked.length, 0);
        const skipped = played.events.filter(
          (e) => e.type === 'error' && e.agent === agent && e.reason === 'participant_timeout',
        );
        assert.equal(skipped.length, played.records.length);
        assert.ok(skipped.every((e) => e.type === 'error' && e.handling === 'skipped'));
      } else {
        assert.ok(marked.length > 0 && marked.every((e) => (e as { by?: string }).by === `timeout:${policy}`));
      }
      const replay = await play(sc, h, undefined, played.records);
      assert.equal(lines(replay.events), lines(played.events));
    });
  }

  it('starts the clock when the person can see the question, not while the panel loads (issue 73)', async () => {
    const sc = await load('friends', 1);
    const agent = sc.personas[0].id;
    const player = new ScriptedPlayer();
    const notes: string[] = [];
    // A panel that takes more than the time to answer to load before it can show anything, then answers.
    const slowPanel: ParticipantPort = {
      tellsSeen: true,
      ask: async (q, signal, seen) => {
        await new Promise((r) => setTimeout(r, 250));
        if (signal.aborted) throw new Error('the clock ran while the panel loaded');
        seen?.();
        return player.ask(q);
      },
      note: (n) => notes.push(n.type),
    };
    const played = await play(sc, header(agent, { timeout: 0.1 }), slowPanel);
    assert.ok(notes.length > 0 && notes.every((n) => n === 'answered'), notes.join(', '));
    assert.ok(played.records.every((r) => r.by === 'human'));
    assert.ok(
      player.questions.every((q) => q.seconds === 0.1 || q.problem),
      'the whole time is offered',
    );
  });

  it('a port that cannot tell is seen as it is asked: its clock runs from the question', async () => {
    const sc = await load('friends', 1);
    const agent = sc.personas[0].id;
    const notes: string[] = [];
    const slowTerminal: ParticipantPort = {
      ask: (_q, signal, seen) => {
        seen?.(); // ignored: the clock already runs
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('late'))));
      },
      note: (n) => notes.push(n.type),
    };
    await play(sc, header(agent, { timeout: 0.02 }), slowTerminal);
    assert.ok(notes.length > 0 && notes.every((n) => n === 'timeout'));
  });

  it('plays the actions of a world with declared state: action and arguments in range', async () => {
    const sc = await load('commons', 3);
    const agent = allPersonas(sc.personas, sc.population, sc.seed)[0].id;
    const player = new ScriptedPlayer();
    const played = await play(sc, header(agent), player);
    const acts = player.questions.filter((q) => q.kind === 'act');
    assert.ok(acts.length > 0);
    const mine = played.events.filter((e) => e.type === 'action' && e.agent === agent);
    assert.ok(mine.length > 0 && mine.every((e) => (e as { by?: string }).by === 'human'));
    const replay = await play(sc, header(agent), undefined, played.records);
    assert.equal(lines(replay.events), lines(played.events));
  });

  it('a replayed answer passes the checks a live one does: its length, its range, its `by`', async () => {
    const sc = await load('friends', 1);
    const agent = sc.personas[0].id;
    const played = await play(sc, header(agent), new ScriptedPlayer());
    // Through the file, as --answers reads it.
    const readBack = (records: AnswerRecord[]) => {
      const read = readAnswers([header(agent), ...records].map(answerLine).join(''));
      assert.ok(typeof read !== 'string', String(read));
      return read.records;
    };
    const tampered = (kind: string, change: (a: Record<string, unknown>) => void) =>
      readBack(
        played.records.map((r) => {
          if (r.kind !== kind) return r;
          const answer = structuredClone(r.answer!);
          change(answer);
          return { ...r, answer };
        }),
      );
    await assert.rejects(
      play(
        sc,
        header(agent),
        undefined,
        tampered('speak', (a) => (a.text = 'x'.repeat(100_000))),
      ),
      /recorded answer to decision 'speak:.*human\.jsonl:\d+ is refused: .*"text"/,
    );
    await assert.rejects(
      play(
        sc,
        header(agent),
        undefined,
        tampered('evaluate', (a) => (a.rating = 9.9)),
      ),
      /recorded answer .* is refused: .*"rating"/,
    );
    const forged = [header(agent), { ...played.records[0], by: 'gpt-5' }].map((r) => answerLine(r as AnswerRecord));
    assert.match(String(readAnswers(forged.join(''))), /^line 2: "by" must be one of human, timeout:model/);
    // Untouched, it replays as played.
    const replay = await play(sc, header(agent), undefined, readBack(played.records));
    assert.equal(lines(replay.events), lines(played.events));
  });

  it('a replay without the answer it needs stops, as a cache miss does', async () => {
    const sc = await load('friends', 1);
    const agent = sc.personas[0].id;
    await assert.rejects(play(sc, header(agent), undefined, []), /no cached answer for decision 'choose:1:/);
  });
});
