// Offline reflection: consolidate recent memories into higher-level insights — who I enjoy, which
// advice keeps coming back, and which need of mine goes unmet.
import { DRIVERS, type Driver } from '../../format';
import { ADVICE_ACTIONS, type AdviceAction } from '../../trace/events';
import type { Insight, ReflectRequest, ReflectResponse, RetrievedMemory } from '../types';
import { nameIn } from './cues';

const ACTION_FOR: Record<Driver, AdviceAction> = {
  social: 'reciprocate',
  information: 'ask',
  presentation: 'share',
  coordination: 'plan',
  support: 'support',
};
const ACTION_PHRASE: Record<AdviceAction, string> = {
  reciprocate: 'following up with people who liked talking to me',
  ask: 'asking people about themselves',
  share: 'sharing what I care about',
  plan: 'proposing concrete plans',
  support: 'being there for people',
  explore: 'meeting new people',
};

export function reflect(req: ReflectRequest): ReflectResponse {
  const insights: Insight[] = [];
  const recent = req.recent;

  // Who do I enjoy? Highest mean valence among partners in recent memories of talking with them
  // (an introduction is an observation with a valence too, but nobody has talked yet).
  const byPartner = new Map<string, RetrievedMemory[]>();
  for (const m of recent) {
    if (m.cues?.partner && m.cues.valence !== undefined && m.kind !== 'observation') {
      const l = byPartner.get(m.cues.partner) ?? [];
      l.push(m);
      byPartner.set(m.cues.partner, l);
    }
  }
  let best: [string, number, RetrievedMemory[]] | undefined;
  for (const [p, ms] of byPartner) {
    const v = ms.reduce((s, m) => s + (m.cues!.valence ?? 0), 0) / ms.length;
    if (!best || v > best[1] + 1e-12) best = [p, v, ms];
  }
  if (best && best[1] >= 0.1) {
    const topic = best[2].find((m) => m.cues?.topic)?.cues?.topic;
    const name = nameIn(best[2][0].text, best[0]);
    insights.push({
      text: `I enjoy talking with ${name}${topic ? ` about ${topic}` : ''}; I want to keep in touch.`,
      importance: 7,
      evidence: best[2].map((m) => m.id),
      cues: { partner: best[0], valence: best[1], topic },
    });
  }

  // Which advice keeps coming back?
  const adviceCount = new Map<AdviceAction, RetrievedMemory[]>();
  for (const m of recent) {
    if (m.kind === 'advice' && m.cues?.action) {
      const l = adviceCount.get(m.cues.action) ?? [];
      l.push(m);
      adviceCount.set(m.cues.action, l);
    }
  }
  let top: [AdviceAction, RetrievedMemory[]] | undefined;
  for (const a of ADVICE_ACTIONS) {
    const l = adviceCount.get(a);
    if (l && (!top || l.length > top[1].length)) top = [a, l];
  }
  if (top) {
    insights.push({
      text: `My coach keeps pointing me to ${ACTION_PHRASE[top[0]]}; I will make it a habit.`,
      importance: 8,
      evidence: top[1].map((m) => m.id),
      cues: { action: top[0] },
    });
  }

  // Which need goes unmet? The driver most often flagged in my reward observations.
  const flagged = new Map<Driver, RetrievedMemory[]>();
  for (const m of recent) {
    if (m.kind === 'observation' && m.cues?.driver) {
      const l = flagged.get(m.cues.driver) ?? [];
      l.push(m);
      flagged.set(m.cues.driver, l);
    }
  }
  let need: [Driver, RetrievedMemory[]] | undefined;
  for (const d of DRIVERS) {
    const l = flagged.get(d);
    if (l && (!need || l.length > need[1].length)) need = [d, l];
  }
  if (need && need[1].length >= 2) {
    insights.push({
      text: `I keep missing out on ${need[0]}; I could try ${ACTION_PHRASE[ACTION_FOR[need[0]]]}.`,
      importance: 5,
      evidence: need[1].map((m) => m.id),
      cues: { driver: need[0], action: ACTION_FOR[need[0]] },
    });
  }
  return { insights };
}
