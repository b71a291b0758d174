// Surveys (`surveys:`, issue 48): at the rounds a survey declares, every agent it goes to answers
// its instrument — one decision per agent, all in flight together (bounded by the model's
// `concurrency`), published in the agents' order as `survey` events. A failed or unusable answer
// is recorded as missing, never stops the run. With `remember`, the answers become a memory; without
// it nothing else in the run changes (no memory, no draw from the run's streams: the offline model
// answers from the decision's own stream).
import type { Survey, SurveyAnswer } from '../../format/language/surveys';
import { administeredAt } from '../../format/language/surveys';
import type { DecisionResponse, SurveyQuestion, SurveyRequest } from '../../llm/types';
import { validAnswer } from '../../llm/parse/surveyAnswer';
import type { SurveyEvent, SurveyScaleDef } from '../../trace/events';
import { Semaphore } from '../flow/semaphore';
import type { Agent } from '../society/agent';
import { usageField } from '../society/usageBook';
import type { World } from './world';

/** How many of an agent's latest memories with a valence set its mood. */
const MOOD_MEMORIES = 10;

/** Administers every survey due after round `round` (0: the start). */
export async function administerSurveys(world: World, round: number, signal?: AbortSignal): Promise<void> {
  const surveys = world.scenario.surveys;
  if (!surveys) return;
  for (const s of surveys) {
    if (!administeredAt(s, round, world.settings.world.rounds)) continue;
    const agents = [...world.agents.values()].filter((a) => answers(s, a));
    const slots = new Map<string, Semaphore>();
    const events = await Promise.all(agents.map((a) => ask(world, s, a, slots, signal)));
    events.forEach((e, i) => {
      world.emit(e);
      if (s.remember) world.remember(agents[i], 'observation', memoryText(s, e.answers), 3);
    });
  }
}

function answers(s: Survey, a: Agent): boolean {
  return !s.to || s.to.includes(a.id) || (a.persona.group !== undefined && s.to.includes(a.persona.group));
}

/** The items as asked: each with the trait and keying of the first scale that scores it. */
export function questions(s: Survey): SurveyQuestion[] {
  return s.instrument.items.map((item) => {
    const scale = s.instrument.scales.find((sc) => sc.items.includes(item.id));
    return {
      id: item.id,
      text: item.text,
      response: item.response,
      ...(scale?.measures ? { trait: scale.measures } : {}),
      ...(scale?.reverse.includes(item.id) ? { reverse: true } : {}),
    };
  });
}

function mood(a: Agent): number | undefined {
  const valences: number[] = [];
  for (let i = a.memories.length - 1; i >= 0 && valences.length < MOOD_MEMORIES; i--) {
    const v = a.memories[i].cues?.valence;
    if (typeof v === 'number') valences.push(v);
  }
  return valences.length ? valences.reduce((x, y) => x + y, 0) / valences.length : undefined;
}

async function ask(
  world: World,
  s: Survey,
  a: Agent,
  slots: Map<string, Semaphore>,
  signal?: AbortSignal,
): Promise<SurveyEvent> {
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
  let slot = slots.get(a.model);
  if (!slot) slots.set(a.model, (slot = new Semaphore(Math.max(1, world.config(a.model).concurrency || 1))));
  let res: DecisionResponse<SurveyRequest>;
  try {
    if (model.decideNow && !model.asks?.(req)) res = model.decideNow(req);
    else {
      await slot.acquire();
      try {
        res = await model.decide(req, signal);
      } finally {
        slot.release();
      }
    }
  } catch (err) {
    if (signal?.aborted) throw err;
    const missing = Object.fromEntries(req.items.map((q) => [q.id, null]));
    return { ...base, answers: missing, ...scales, error: err instanceof Error ? err.message : String(err) };
  }
  // Whatever the model gave, each answer off its scale is recorded as missing.
  const given = res.answers ?? {};
  const clean: Record<string, SurveyAnswer> = {};
  for (const q of req.items) clean[q.id] = validAnswer(q.response, given[q.id]) ? given[q.id] : null;
  return { ...base, answers: clean, ...scales, ...usageField(res.usage) };
}

/** The scales as the event carries them; none when the instrument scores none. */
function scaleDefs(s: Survey): { scales?: Record<string, SurveyScaleDef> } {
  if (!s.instrument.scales.length) return {};
  const range = (id: string): [number, number] => {
    const r = s.instrument.items.find((i) => i.id === id)?.response;
    return r?.type === 'likert' ? [1, r.points] : r?.type === 'numeric' ? [r.min, r.max] : [0, 0];
  };
  const defs: Record<string, SurveyScaleDef> = {};
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
  const parts = s.instrument.items.map((i) => `"${i.text}" ${given[i.id] ?? 'no answer'}`);
  return `I answered the ${s.instrument.title} questionnaire: ${parts.join('; ')}.`;
}
