// Surveys (`surveys:`, issue 48): at the rounds a survey declares, every agent it goes to answers
// its instrument — one decision per agent, all in flight together (in the model's slots, so its
// `concurrency` bounds them with every other call), published in the agents' order as `survey`
// events. A failed or unusable answer is recorded as missing, never stops the run. With
// `remember`, the answers become a memory; without it nothing else in the run changes but its
// usage, which counts the survey's calls (no memory, no draw from the run's streams: the offline
// model answers from the decision's own stream).
import type { Survey, SurveyAnswer } from '../../../format';
import { administeredAt } from '../../../format';
import type { SurveyRequest } from '../../../llm/types';
import { questions } from '../../../llm/surveyQuestions';
import { validAnswer } from '../../../llm/parse/surveyAnswer';
import type { SurveyEvent, SurveyScaleDef } from '../../../trace/events';
import type { Agent } from '../../society/agent';
import { usageField } from '../../society/usageBook';
import { PHASE_OF } from '../../society/decisionPhase';
import type { Asked, PhaseContext } from '../../phases/context';
import { nameRecord, own } from '../../../text/nameRecord';
import { valued } from '../../society/worldState';
import type { Instrument } from '../instrument';
import { maxOf, minOf } from '../../../stats/extremes';

const SURVEY_PHASE = PHASE_OF.survey;

/** How many of an agent's latest memories with a valence set its mood. */
const MOOD_MEMORIES = 10;

/** Surveys as an instrument: answered once the world's round has closed, at setup too. */
export const SURVEYS: Instrument = {
  key: 'surveys',
  events: ['survey', 'memory'],
  start: (world) => ({ closed: (round, signal) => administerSurveys(world, round, signal) }),
};

/** Administers every survey due after round `round` (0: the start). */
async function administerSurveys(world: PhaseContext, round: number, signal?: AbortSignal): Promise<void> {
  const surveys = world.scenario.surveys;
  if (!surveys) return;
  for (const s of surveys) {
    if (!administeredAt(s, round, world.settings.world.rounds)) continue;
    const agents = [...world.agents.values()].filter((a) => answers(s, a));
    const fortune = fortunes(world);
    const asked = await Promise.all(agents.map((a) => ask(world, s, a, fortune(a), signal)));
    asked.forEach(({ event: e, asked: answer }, i) => {
      // Booked in the agents' order, as the events are, so the run's totals add up the same however
      // the answers arrived: surveys are in the round's and the run's usage with the other calls.
      world.bookAsked(agents[i].id, SURVEY_PHASE, answer);
      world.emit(e);
      if (s.remember) world.remember(agents[i], 'observation', memoryText(s, e.answers), 3);
    });
  }
}

function answers(s: Survey, a: Agent): boolean {
  return !s.to || s.to.includes(a.id) || (a.persona.group !== undefined && s.to.includes(a.persona.group));
}

/** How many of an agent's latest memories the offline model reads for what an item reminds it of. */
const LIVED_MEMORIES = 20;

/**
 * How each agent fares against the others in the valued agent quantities: its sum less the others'
 * mean, over the widest such gap (0 when all hold the same), from the holdings summed once per
 * survey — per agent they made a survey of n agents n² work (minutes at 10,000). The widest gap
 * from the others' mean is at the smallest or the largest holding. Undefined without valued
 * quantities or others.
 */
function fortunes(world: PhaseContext): (a: Agent) => number | undefined {
  const state = world.state;
  if (!state || ![...state.agentQuantities.values()].some(valued) || world.agents.size < 2) return () => undefined;
  const held = new Map<string, number>();
  let total = 0;
  for (const b of world.agents.values()) {
    const values = state.of(b.id);
    let sum = 0;
    for (const [name, q] of state.agentQuantities) if (valued(q)) sum += values[name];
    held.set(b.id, sum);
    total += sum;
  }
  const lo = minOf(held.values()),
    hi = maxOf(held.values()),
    others = held.size - 1;
  return (a) => {
    const mine = held.get(a.id);
    if (mine === undefined) return undefined;
    const mean = (total - mine) / others;
    const widest = Math.max(Math.abs(lo - mean), Math.abs(hi - mean));
    return widest > 0 ? Math.max(-1, Math.min(1, (mine - mean) / widest)) : 0;
  };
}

/** What an agent lived through: its latest memories, and how it fares (`fortunes`). */
function lived(a: Agent, fortune: number | undefined): SurveyRequest['lived'] {
  const memories = a.memories
    .records()
    .slice(-LIVED_MEMORIES)
    .map((m) => {
      const v = m.cues?.valence;
      return typeof v === 'number' ? { text: m.text, valence: v } : { text: m.text };
    });
  return { memories, ...(fortune !== undefined ? { fortune } : {}) };
}

function mood(a: Agent): number | undefined {
  const valences: number[] = [],
    stream = a.memories.records();
  for (let i = stream.length - 1; i >= 0 && valences.length < MOOD_MEMORIES; i--) {
    const v = stream[i].cues?.valence;
    if (typeof v === 'number') valences.push(v);
  }
  return valences.length ? valences.reduce((x, y) => x + y, 0) / valences.length : undefined;
}

/** A survey's answer as its event says it, and what the question got (its usage, or its failure). */
interface Answered {
  event: SurveyEvent;
  asked: Asked<SurveyRequest>;
}

async function ask(
  world: PhaseContext,
  s: Survey,
  a: Agent,
  fortune: number | undefined,
  signal?: AbortSignal,
): Promise<Answered> {
  const m = mood(a);
  const req: SurveyRequest = {
    kind: 'survey',
    key: `survey:${world.round}:${a.id}:${s.instrument.id}`,
    round: world.round,
    setting: world.settings.world.setting,
    persona: a.brief,
    memories: [],
    instrument: s.instrument.id,
    title: s.instrument.title,
    ...(s.instrument.instructions ? { instructions: s.instrument.instructions } : {}),
    items: questions(s),
    ...(m !== undefined ? { mood: m } : {}),
    lived: lived(a, fortune),
  };
  const base = { type: 'survey' as const, round: world.round, agent: a.id, instrument: s.instrument.id };
  const scales = scaleDefs(s);
  const asked = await world.ask(a.model, req, signal);
  if (!('res' in asked)) {
    const missing = Object.fromEntries(req.items.map((q) => [q.id, null]));
    return { event: { ...base, answers: missing, ...scales, error: asked.error }, asked };
  }
  // Whatever the model gave, each answer off its scale is recorded as missing.
  const res = asked.res;
  const given = res.answers ?? {};
  const clean = nameRecord<SurveyAnswer>();
  for (const q of req.items) {
    const a = own(given, q.id);
    clean[q.id] = a !== undefined && validAnswer(q.response, a) ? a : null;
  }
  return { event: { ...base, answers: clean, ...scales, ...usageField(res.usage) }, asked };
}

/** The scales as the event carries them; none when the instrument scores none. */
function scaleDefs(s: Survey): { scales?: Record<string, SurveyScaleDef> } {
  if (!s.instrument.scales.length) return {};
  const range = (id: string): [number, number] => {
    const r = s.instrument.items.find((i) => i.id === id)?.response;
    return r?.type === 'likert' ? [1, r.points] : r?.type === 'numeric' ? [r.min, r.max] : [0, 0];
  };
  const defs = nameRecord<SurveyScaleDef>();
  for (const sc of s.instrument.scales) {
    const [min, max] = range(sc.items[0]);
    defs[sc.name] = {
      items: sc.items,
      reverse: sc.reverse,
      ...(sc.measures ? { measures: sc.measures } : {}),
      min,
      max,
    };
  }
  return { scales: defs };
}

function memoryText(s: Survey, given: Record<string, SurveyAnswer>): string {
  const parts = s.instrument.items.map((i) => `"${i.text}" ${own(given, i.id) ?? 'no answer'}`);
  return `I answered the ${s.instrument.title} questionnaire: ${parts.join('; ')}.`;
}
