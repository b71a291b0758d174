// Surveys (`surveys:`, issue 48): at the rounds a survey declares, every agent it goes to answers
// its instrument — one decision per agent, all in flight together (in the model's slots, so its
// `concurrency` bounds them with every other call), published in the agents' order as `survey`
// events. A failed or unusable answer is recorded as missing, never stops the run. With
// `remember`, the answers become a memory; without it nothing else in the run changes but its
// usage, which counts the survey's calls (no memory, no draw from the run's streams: the offline
// model answers from the decision's own stream).
import type { Survey, SurveyAnswer } from '../../format/language/surveys';
import { administeredAt } from '../../format/language/surveys';
import type { DecisionResponse, SurveyRequest } from '../../llm/types';
import { questions } from '../../llm/surveyQuestions';
import { validAnswer } from '../../llm/parse/surveyAnswer';
import type { SurveyEvent, SurveyScaleDef, Usage } from '../../trace/events';
import type { Agent } from '../society/agent';
import { usageField } from '../society/usageBook';
import { PHASE_OF } from '../society/decisionPhase';
import { ModelCallError } from '../../llm/errors';
import type { World } from './world';
import { nameRecord, own } from '../../text/nameRecord';

const SURVEY_PHASE = PHASE_OF.survey;

/** How many of an agent's latest memories with a valence set its mood. */
const MOOD_MEMORIES = 10;

/** Administers every survey due after round `round` (0: the start). */
export async function administerSurveys(world: World, round: number, signal?: AbortSignal): Promise<void> {
  const surveys = world.scenario.surveys;
  if (!surveys) return;
  for (const s of surveys) {
    if (!administeredAt(s, round, world.settings.world.rounds)) continue;
    const agents = [...world.agents.values()].filter((a) => answers(s, a));
    const asked = await Promise.all(agents.map((a) => ask(world, s, a, signal)));
    asked.forEach(({ event: e, spent, failed }, i) => {
      // Booked in the agents' order, as the events are, so the run's totals add up the same however
      // the answers arrived: surveys are in the round's and the run's usage with the other calls.
      if (failed) world.usage.fail(failed);
      if (spent) world.book(agents[i].id, SURVEY_PHASE, spent);
      world.emit(e);
      if (s.remember) world.remember(agents[i], 'observation', memoryText(s, e.answers), 3);
    });
  }
}

function answers(s: Survey, a: Agent): boolean {
  return !s.to || s.to.includes(a.id) || (a.persona.group !== undefined && s.to.includes(a.persona.group));
}

function mood(a: Agent): number | undefined {
  const valences: number[] = [];
  for (let i = a.memories.length - 1; i >= 0 && valences.length < MOOD_MEMORIES; i--) {
    const v = a.memories[i].cues?.valence;
    if (typeof v === 'number') valences.push(v);
  }
  return valences.length ? valences.reduce((x, y) => x + y, 0) / valences.length : undefined;
}

/** A survey's answer, what it spent and, when it failed, the model that failed. */
interface Asked {
  event: SurveyEvent;
  spent?: Usage;
  failed?: string;
}

async function ask(world: World, s: Survey, a: Agent, signal?: AbortSignal): Promise<Asked> {
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
  };
  const base = { type: 'survey' as const, round: world.round, agent: a.id, instrument: s.instrument.id };
  const scales = scaleDefs(s);
  const model = world.model(a.model);
  let res: DecisionResponse<SurveyRequest>;
  try {
    if (model.decideNow && !model.asks?.(req)) res = model.decideNow(req);
    else res = await world.inSlot(a.model, () => model.decide(req, signal));
  } catch (err) {
    if (signal?.aborted) throw err;
    const missing = Object.fromEntries(req.items.map((q) => [q.id, null]));
    const spent = err instanceof ModelCallError ? err.usage : undefined;
    return {
      event: { ...base, answers: missing, ...scales, error: err instanceof Error ? err.message : String(err) },
      failed: world.config(a.model).name,
      ...(spent ? { spent } : {}),
    };
  }
  // Whatever the model gave, each answer off its scale is recorded as missing.
  const given = res.answers ?? {};
  const clean = nameRecord<SurveyAnswer>();
  for (const q of req.items) {
    const a = own(given, q.id);
    clean[q.id] = a !== undefined && validAnswer(q.response, a) ? a : null;
  }
  return {
    event: { ...base, answers: clean, ...scales, ...usageField(res.usage) },
    ...(res.usage ? { spent: res.usage } : {}),
  };
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
