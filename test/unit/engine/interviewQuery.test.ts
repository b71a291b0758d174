// Interview retrieval (engine/memory/interviewQuery.ts): a question about how the agent feels, what it
// needs, whom it likes or its plans is retrieved with the words the engine's own memories use for
// that, so the memories that answer it come back; and interviewing changes nothing about the run.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Scenario } from '../../../src/core/format/model/model';
import {
  INTERVIEW_INTENTS,
  interleave,
  interviewIntents,
  interviewQueries,
  mentions,
  namedPeople,
} from '../../../src/core/engine/memory/interviewQuery';
import { ASKS_ABOUT } from '../../../src/core/text/questionIntents';
import { Simulation, type StepPoint } from '../../../src/core/engine/kernel/simulation';
import { tokenIds } from '../../../src/core/engine/memory/tokens';
import { OfflineModel } from '../../../src/core/llm/offline';
import type { DecisionRequest, DecisionResponse, InterviewRequest } from '../../../src/core/llm/types';
import type { MemoryRecord } from '../../../src/core/trace/events';
import { TraceWriter } from '../../../src/core/trace/writer';
import { makeScenario } from './scenarioFixture';

/** Coached, reflecting agents: every kind of memory the engine writes turns up within a few rounds. */
function scenario(rounds: number, every = 2): Scenario {
  const base = makeScenario(8);
  return makeScenario(8, {
    coaching: { enabled: true, every },
    world: { ...base.world, rounds },
    memory: { ...base.memory, reflect_at: 40 },
  });
}

/** Offline models that keep the interview requests they answer (the run itself takes the synchronous path). */
function interviewed(): {
  factory: (cfg: { name: string }, seed: number) => OfflineModel;
  requests: InterviewRequest[];
} {
  const requests: InterviewRequest[] = [];
  class Recording extends OfflineModel {
    override decide<R extends DecisionRequest>(req: R, signal?: AbortSignal): Promise<DecisionResponse<R>> {
      if (req.kind === 'interview') requests.push(req as InterviewRequest);
      return super.decide(req, signal);
    }
  }
  return { factory: (cfg, seed) => new Recording(cfg.name, seed), requests };
}

const latestOf = (ms: readonly MemoryRecord[], test: (m: MemoryRecord) => boolean): MemoryRecord | undefined =>
  [...ms].reverse().find(test);
const fared = (m: { kind: string; text: string }): boolean =>
  m.kind === 'observation' && m.text.startsWith('How I fared lately:');

describe('interview retrieval', () => {
  it('recognises what a question asks about', () => {
    const names = (q: string): string[] => interviewIntents(q).map((i) => i.name);
    for (const q of [
      'How do you feel?',
      'How are you doing?',
      'Are you happy here?',
      'How is it going?',
      'Feeling lonely?',
    ]) {
      assert.deepEqual(names(q), ['feelings'], q);
    }
    for (const q of ['What do you need?', 'Is anything missing for you?', 'What do you lack?']) {
      assert.deepEqual(names(q), ['needs'], q);
    }
    for (const q of ['Who do you like talking to?', 'Who are your friends here?', 'Do you get along with people?']) {
      assert.deepEqual(names(q), ['relationships'], q);
    }
    for (const q of ['What are your plans?', 'What will you do next?']) assert.deepEqual(names(q), ['plans'], q);
    assert.deepEqual(names('Are you okay?'), ['feelings']);
    assert.deepEqual(names('Okay, what are your plans?'), ['plans'], 'a filler okay asks nothing');
    // One table with the offline model's answers (text/questionIntents.ts).
    for (const i of INTERVIEW_INTENTS) assert.equal(i.asks, ASKS_ABOUT[i.name], i.name);
    // About someone or something in particular, or nothing the table knows: the question as asked.
    for (const q of [
      'How do you feel about Ben?',
      'Who are you?',
      'What are your hobbies?',
      'Tell me about climbing.',
    ]) {
      assert.deepEqual(names(q), [], q);
      assert.deepEqual(interviewQueries(q), [[q]]);
    }
    // The question as asked, then one retrieval per kind of memory that answers it.
    const qs = interviewQueries('How do you feel?');
    assert.deepEqual(qs[0], ['How do you feel?']);
    assert.ok(qs.length >= 3);
    for (const s of qs.slice(1)) assert.ok(s.length === 1 && !s[0].includes('feel'), s[0]);
  });

  it('cues with words that occur in the memories the engine writes', async () => {
    const sim = Simulation.create(scenario(6));
    await sim.run();
    const written = new Set<number>();
    for (const a of sim.world.agents.values()) {
      for (const m of a.memories) for (const id of tokenIds(m.text)) written.add(id);
    }
    for (const intent of INTERVIEW_INTENTS) {
      for (const cues of intent.cues) {
        const ids = tokenIds(cues);
        assert.equal(ids.length, cues.split(' ').length, `every cue of '${intent.name}' is a content word: ${cues}`);
        for (const [i, id] of ids.entries()) {
          assert.ok(written.has(id), `'${cues.split(' ')[i]}' (${intent.name}) occurs in no memory the engine wrote`);
        }
      }
    }
  });

  it('finds the people a question names: full name in any case, a first name only capitalised, never the agent itself', () => {
    const people = [
      { id: 'p0', name: 'Maya Chen' },
      { id: 'p1', name: 'Will Park' },
      { id: 'p2', name: 'Ana Silva' },
      { id: 'p3', name: 'Bo Lund' },
      { id: 'p4', name: 'Élodie Moreau' },
    ];
    const ids = (q: string, self = 'zz') => namedPeople(q, people, self).map((p) => p.id);
    assert.deepEqual(ids('What do you think of Ana?'), ['p2']);
    assert.deepEqual(ids('what about maya chen?'), ['p0']);
    assert.deepEqual(ids('And Élodie?'), ['p4']);
    assert.deepEqual(
      ids('Is there anyone you will miss?'),
      [],
      'a first name that is a common word counts only capitalised',
    );
    assert.deepEqual(ids('Do you know Bob or Anastasia?'), [], 'whole words only');
    assert.deepEqual(ids('Who do you prefer, Maya, Ana or Bo?'), ['p0', 'p2'], 'two at most');
    assert.deepEqual(ids('Do you like Maya?', 'p0'), [], 'not the agent asked');
    const aboutAna = mentions(people[2]);
    assert.ok(aboutAna({ text: 'Talked with Ana Silva about jazz.' }));
    assert.ok(aboutAna({ text: 'I rated my conversation 0.7.', cues: { partner: 'p2' } }));
    assert.ok(!aboutAna({ text: 'Talked with Maya Chen about jazz.', cues: { partner: 'p0' } }));
  });

  it('interleaves retrievals best first, each memory once', () => {
    const m = (id: number): { id: number } => ({ id });
    assert.deepEqual(
      interleave([[m(1), m(2), m(3)], [m(2), m(4)], [m(5)]], 5).map((x) => x.id),
      [1, 2, 5, 3, 4],
    );
    assert.deepEqual(
      interleave(
        [
          [m(1), m(2), m(3), m(4)],
          [m(1), m(2), m(5)],
        ],
        4,
      ).map((x) => x.id),
      [1, 2, 3, 5],
      'a duplicate does not cost a retrieval its turn',
    );
    assert.deepEqual(
      interleave(
        [
          [m(1), m(2)],
          [m(3), m(4)],
        ],
        3,
      ).map((x) => x.id),
      [1, 3, 2],
    );
    assert.deepEqual(
      interleave([[m(1), m(2), m(3)]], 2).map((x) => x.id),
      [1, 2],
    );
    assert.deepEqual(interleave([[], []], 4), []);
  });

  it('retrieves the latest rewards, advice and warm contacts for how an agent feels, and not only rewards', async () => {
    for (const [rounds, every] of [
      [5, 2],
      [16, 1],
    ]) {
      const { factory, requests } = interviewed();
      const sim = Simulation.create(scenario(rounds, every), { modelFactory: factory });
      await sim.run();
      for (const a of sim.world.agents.values()) {
        for (const q of ['How do you feel?', 'What do you need?']) {
          await sim.interview(a.id, q);
          const got = requests[requests.length - 1].memories;
          assert.equal(got.length, sim.world.settings.memory.top_k);
          const observation = latestOf(a.memories.records(), fared)!;
          assert.ok(
            got.some((m) => m.id === observation.id),
            `${rounds} rounds, ${a.id}, ${q}: the latest reward observation is retrieved`,
          );
          assert.ok(
            got.filter(fared).length <= 3,
            `${rounds} rounds, ${a.id}, ${q}: observations leave room for the rest`,
          );
          assert.ok(
            got.some((m) => m.kind === 'advice'),
            `${rounds} rounds, ${a.id}, ${q}: advice is retrieved`,
          );
        }
        await sim.interview(a.id, 'Who do you like talking to?');
        const people = requests[requests.length - 1].memories;
        assert.ok(
          people.filter((m) => m.kind === 'evaluation' || (m.kind === 'reflection' && m.cues?.partner)).length >= 3,
          `${rounds} rounds, ${a.id}: memories about people`,
        );
      }
    }
  });

  it('a run interviewed between and within rounds writes the same trace as one that is not', async () => {
    async function run(interview: boolean): Promise<{ trace: string; state: string; interviews: number }> {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const writer = TraceWriter.toStream(out);
      const sim = Simulation.create(scenario(6));
      writer.header(sim.header);
      sim.on(writer.listener);
      sim.afterRound = () => writer.flush();
      let interviews = 0;
      const questions = [
        'How do you feel?',
        'What do you need?',
        'Who do you like talking to?',
        'What will you do next?',
        'How did it go with Zoe?',
        'Tell me something',
      ];
      // The debugger's gate: the run is held at each step, where the researcher may ask.
      sim.gate = async (p: StepPoint) => {
        if (!interview || sim.world.agents.size === 0) return;
        if (p.kind === 'phase' && !['retrieve', 'evaluate', 'coach'].includes(p.phase)) return;
        for (const a of [...sim.world.agents.values()].slice(0, 3)) {
          const q = questions[(interviews + a.id.length) % questions.length];
          await sim.interview(a.id, q, undefined, { record: interviews % 2 === 0 });
          interviews++;
        }
      };
      await sim.run();
      await writer.close();
      return { trace: Buffer.concat(chunks).toString('utf8'), state: JSON.stringify(sim.snapshot()), interviews };
    }
    const plain = await run(false),
      asked = await run(true);
    assert.ok(asked.interviews > 100, `${asked.interviews}`);
    const lines = asked.trace.split('\n');
    const recorded = lines.filter((l) => l.includes('"type":"intervention"'));
    assert.ok(recorded.length > 50, `${recorded.length}`);
    assert.equal(lines.filter((l) => !l.includes('"type":"intervention"')).join('\n'), plain.trace);
    assert.equal(asked.state, plain.state);
  });
});
