// Surveys (issue 48): administered at the declared rounds (start, a round, every N, end) to the
// declared agents, one `survey` event per agent with an answer per item; with `remember: false`
// nothing else in the trace changes, with `remember: true` a memory; resume gives the
// uninterrupted trace; the offline rule follows the persona's traits and reverse keying.
import * as assert from 'node:assert/strict';
import { scenarioFromText, traceLines, traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';
import { scratchDir } from '../../support/scratch';
import { countByRound, usageApart, type TraceLine } from '../../support/usageApart';
import type { Usage } from '../../../src/core/trace/events';
import { ModelCallError } from '../../../src/core/llm/errors';
import { answerSurvey, expectedPosition } from '../../../src/core/llm/offline/survey';
import { stream } from '../../../src/core/random/rng';
import type {
  AgentModel,
  DecisionRequest,
  DecisionResponse,
  PersonaBrief,
  SurveyRequest,
} from '../../../src/core/llm/types';
import { OfflineModel } from '../../../src/core/llm/offline';

const BASE = [
  'kind: scenario',
  'name: Survey',
  'seed: 3',
  'world: { rounds: 6, encounters: { mode: random, per_round: 1 }, conversation: { turns: 2 } }',
  'personas:',
  '  - { id: ana, name: Ana, group: a, interests: [x], traits: { extraversion: 0.95 } }',
  '  - { id: bo, name: Bo, group: a, interests: [x], traits: { extraversion: 0.05 } }',
  '  - { id: cy, name: Cy, group: b, interests: [x], traits: { extraversion: 0.5 } }',
];
const SURVEYED = (survey: string): string =>
  [
    ...BASE,
    'instruments:',
    '  mood:',
    '    title: Mood',
    '    items:',
    '      - { id: m1, text: I am outgoing. }',
    '      - { id: m2, text: I keep to myself. }',
    '      - { id: m3, text: How many friends?, response: { type: numeric, min: 0, max: 10 } }',
    '      - { id: m4, text: Pick one, response: { type: choice, options: [tea, coffee] } }',
    '    scales:',
    '      outgoing: { items: [m1, m2], reverse: [m2], measures: extraversion }',
    'surveys:',
    survey,
    '',
  ].join('\n');

/** A model factory: the offline model, but surveys are answered by `answer` (given the offline answer's thunk). */
const surveysAnsweredBy =
  (
    answer: (req: SurveyRequest, offline: () => Promise<DecisionResponse>, model: string) => Promise<DecisionResponse>,
  ) =>
  (cfg: { name: string }, seed: number): AgentModel => {
    const inner = new OfflineModel(cfg.name, seed);
    return {
      name: inner.name,
      provider: inner.provider,
      label: inner.label,
      decide: async (req: DecisionRequest) =>
        req.kind === 'survey' ? answer(req, () => inner.decide(req), cfg.name) : inner.decide(req),
    } as AgentModel;
  };

describe('surveys', function () {
  it('administers at start, a round, every N and end, to the declared agents', async () => {
    const sc = await scenarioFromText(
      SURVEYED('  - { instrument: mood, at: [start, 3, end], every: 4, to: [ana, b] }'),
    );
    const surveys = traceLines(await traceOf(sc)).filter((e) => e.type === 'survey');
    assert.deepEqual(
      surveys.map((e) => `${e.round}:${e.agent}`),
      ['0:ana', '0:cy', '3:ana', '3:cy', '4:ana', '4:cy', '6:ana', '6:cy'],
    );
    for (const e of surveys) {
      assert.deepEqual(Object.keys(e.answers), ['m1', 'm2', 'm3', 'm4']);
      assert.ok([1, 2, 3, 4, 5].includes(e.answers.m1));
      assert.ok(e.answers.m3 >= 0 && e.answers.m3 <= 10);
      assert.ok(['tea', 'coffee'].includes(e.answers.m4));
    }
  });

  it('the shipped Mini-IPIP by name, every agent by default', async () => {
    const sc = await scenarioFromText([...BASE, 'surveys:', '  - { instrument: mini-ipip, at: [end] }', ''].join('\n'));
    const surveys = traceLines(await traceOf(sc)).filter((e) => e.type === 'survey');
    assert.equal(surveys.length, 3);
    assert.equal(Object.keys(surveys[0].answers).length, 20);
    assert.equal(sc.surveys![0].instrument.scales.length, 5);
  });

  it('remember: false changes nothing else in the trace but the usage, which counts its calls; remember: true adds a memory', async () => {
    const plain = traceLines(await traceOf(await scenarioFromText([...BASE, ''].join('\n'))));
    const quiet = traceLines(
      await traceOf(await scenarioFromText(SURVEYED('  - { instrument: mood, at: [start, 2, end] }'))),
    );
    const surveyed = quiet.filter((e) => e.type === 'survey') as { round: number }[];
    const withSurveys = usageApart(quiet.filter((e) => e.type !== 'survey') as TraceLine[]);
    const without = usageApart(plain as TraceLine[]);
    assert.equal(JSON.stringify(withSurveys.rest), JSON.stringify(without.rest));
    const added = countByRound(surveyed);
    assert.deepEqual([...added.keys()], [0, 2, 6], 'at the start, round 2 and the end');
    for (const [round, calls] of without.callsByRound) {
      assert.equal(withSurveys.callsByRound.get(round), calls + (added.get(round) ?? 0), `round ${round}'s calls`);
    }
    assert.equal(withSurveys.calls, without.calls + surveyed.length);
    const loud = traceLines(
      await traceOf(await scenarioFromText(SURVEYED('  - { instrument: mood, at: [2], remember: true }'))),
    );
    const memories = loud.filter((e) => e.type === 'memory' && /questionnaire/.test(e.memory.text));
    assert.equal(memories.length, 3);
    assert.match(memories[0].memory.text, /I answered the Mood questionnaire: "I am outgoing\." \d/);
  });

  it("tells each agent how it fares: its valued holdings less the others' mean, over the widest gap", async () => {
    const coins = { ana: 0, bo: 10, cy: 10, di: 40 };
    const sc = await scenarioFromText(
      [
        'kind: scenario',
        'name: Fortunes',
        'seed: 3',
        'world: { rounds: 1, encounters: { mode: random, per_round: 1 }, conversation: { turns: 2 } }',
        'state:',
        '  agents:',
        '    coins: { initial: 0, min: 0 }',
        '    shells: { initial: 1, min: 0 }',
        '    given: { initial: 0, min: 0, valued: false }',
        'personas:',
        ...Object.entries(coins).map(
          ([id, n]) => `  - { id: ${id}, name: ${id}, interests: [x], state: { coins: ${n}, given: ${100 - n} } }`,
        ),
        'instruments:',
        '  mood: { title: Mood, items: [{ id: m1, text: I am outgoing. }] }',
        'surveys:',
        '  - { instrument: mood, at: [start] }',
        '',
      ].join('\n'),
    );
    const got = new Map<string, number | undefined>();
    const factory = surveysAnsweredBy(async (req, offline) => {
      got.set(req.persona.id, req.lived?.fortune);
      return offline();
    });
    await traceOf(sc, { modelFactory: factory });
    // The definition, written out: coins and shells count, `given` (not valued) does not.
    const held = Object.entries(coins).map(([id, n]) => [id, n + 1] as const);
    for (const [id, mine] of held) {
      const others = held.filter(([o]) => o !== id).map(([, x]) => x);
      const mean = others.reduce((x, y) => x + y, 0) / others.length;
      const widest = Math.max(...held.map(([, x]) => Math.abs(x - mean)));
      assert.equal(got.get(id), Math.max(-1, Math.min(1, (mine - mean) / widest)), id);
    }
    assert.deepEqual([...got.keys()].sort(), ['ana', 'bo', 'cy', 'di']);
    assert.equal(got.get('ana'), -1);
  });

  it('a failed survey call is recorded as missing answers and the run goes on', async () => {
    const sc = await scenarioFromText(SURVEYED('  - { instrument: mood, at: [start] }'));
    const modelFactory = surveysAnsweredBy(async () => {
      throw new Error('the answer was unusable twice');
    });
    const events = traceLines(await traceOf(sc, { modelFactory: modelFactory as never }));
    const surveys = events.filter((e) => e.type === 'survey');
    assert.equal(surveys.length, 3);
    assert.deepEqual(surveys[0].answers, { m1: null, m2: null, m3: null, m4: null });
    assert.match(surveys[0].error, /unusable twice/);
    assert.equal(events.at(-1)!.type, 'run_end');
  });

  it("books a survey's tokens and cost in the round's and the run's usage, and a failed call's spend with its failure", async () => {
    const sc = await scenarioFromText(SURVEYED('  - { instrument: mood, at: [start] }'));
    const spent = (model: string): Usage => ({ model, input_tokens: 300, output_tokens: 20, cost_usd: 0.001 });
    // Ana's survey fails after spending (an answer off its scale, twice), the others answer at a price.
    const modelFactory = surveysAnsweredBy(async (req, offline, model) => {
      if (req.persona.id === 'ana') {
        throw new ModelCallError(model, 'survey', req.key, 'unparseable', 2, [], 'off its scale', spent(model));
      }
      return { ...(await offline()), usage: spent(model) };
    });
    const events = traceLines(await traceOf(sc, { modelFactory: modelFactory as never }));
    const start = events.find((e) => e.type === 'round_end' && e.round === 0)!.stats.usage;
    assert.deepEqual(
      { calls: start.calls, input: start.input_tokens, output: start.output_tokens },
      { calls: 3, input: 900, output: 60 },
      'three surveys at the start, the failed one with what it spent',
    );
    assert.ok(Math.abs(start.cost_usd - 0.003) < 1e-12);
    const end = events.at(-1)!;
    assert.equal(end.type, 'run_end');
    assert.equal(end.usage.input_tokens, 900, 'no other call of the offline model spends tokens');
    const ana = events.find((e) => e.type === 'survey' && e.agent === 'ana')!;
    assert.match(ana.error, /off its scale/);
  });

  it('resumes to the uninterrupted trace', async () => {
    const sc = await scenarioFromText(SURVEYED('  - { instrument: mood, at: [start, 2, end], remember: true }'));
    const whole = await runInto(scratchDir('survey-whole-'), sc);
    const dir = scratchDir('survey-resume-');
    await runInto(dir, sc, { stopAfter: 3 });
    assert.equal(await runInto(dir, sc, { resume: true }), whole);
  });

  it('the offline rule: trait-based, reversed for reverse-keyed items, mood-shifted', () => {
    const persona = { id: 'p', name: 'P', interests: [], traits: { extraversion: 0.9 } } as unknown as PersonaBrief;
    const req: SurveyRequest = {
      kind: 'survey',
      key: 'k',
      round: 0,
      setting: '',
      persona,
      memories: [],
      instrument: 'x',
      title: 'X',
      items: [
        { id: 'a', text: 'a', response: { type: 'likert', points: 5 }, trait: 'extraversion' },
        { id: 'b', text: 'b', response: { type: 'likert', points: 5 }, trait: 'extraversion', reverse: true },
      ],
    };
    assert.ok(Math.abs(expectedPosition(req, req.items[0]) - 0.9) < 1e-12);
    assert.ok(Math.abs(expectedPosition(req, req.items[1]) - 0.1) < 1e-12);
    assert.ok(Math.abs(expectedPosition({ ...req, mood: -1 }, req.items[0]) - 0.8) < 1e-12);
    let a = 0,
      b = 0;
    for (let i = 0; i < 200; i++) {
      const out = answerSurvey({ ...req, key: `k${i}` }, stream(1, 'offline', `k${i}`)).answers;
      a += out.a as number;
      b += out.b as number;
    }
    assert.ok(a / 200 > 4.2 && b / 200 < 1.8, `${a / 200} ${b / 200}`);
  });
});
