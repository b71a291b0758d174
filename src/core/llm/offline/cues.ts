// How the offline model "reads" its retrieved memories: advice and reflections it acts on, and how
// it feels about particular people. Only retrieved memories count — forgotten advice has no effect.
import type { AdviceAction } from '../../trace/events';
import type { PersonaBrief, RetrievedMemory } from '../types';

export type Emphasis = Record<AdviceAction, number>;

/** How readily a persona acts on advice: 0.3 + 0.4·agreeableness + 0.3·conscientiousness. */
export function receptiveness(p: PersonaBrief): number {
  return 0.3 + 0.4 * p.traits.agreeableness + 0.3 * p.traits.conscientiousness;
}

/**
 * Emphasis per action: Σ over retrieved advice/reflection memories carrying that action of
 * receptiveness · importance / 8, capped at 1.5. Self-drawn lessons (reflections) count like advice.
 */
export function emphasis(p: PersonaBrief, memories: readonly RetrievedMemory[]): Emphasis {
  // Recomputed per decision: a scan of the k retrieved memories is cheaper than a weak-keyed cache
  // (whose entries the GC has to process at every scavenge).
  const e: Emphasis = { reciprocate: 0, ask: 0, share: 0, plan: 0, support: 0, explore: 0 };
  let r = -1;
  for (const m of memories) {
    const a = m.cues?.action;
    if (!a || (m.kind !== 'advice' && m.kind !== 'reflection')) continue;
    if (r < 0) r = receptiveness(p);
    e[a] = Math.min(1.5, e[a] + (r * m.importance) / 8);
  }
  return e;
}

/**
 * Intention towards one person: Σ over retrieved advice/reflection memories naming them of
 * receptiveness · importance / 8 (capped at 1.5) — "talk with Maya again". Asked per candidate:
 * a scan of the k retrieved memories costs less than building a map of everyone they name.
 */
export function partnerIntent(receptive: number, memories: readonly RetrievedMemory[], id: string): number {
  let v = 0;
  if (!id) return v;
  for (const m of memories) {
    if (m.cues?.partner !== id || (m.kind !== 'advice' && m.kind !== 'reflection')) continue;
    v = Math.min(1.5, v + (receptive * m.importance) / 8);
  }
  return v;
}

/** Mean remembered valence towards one person, from retrieved memories about them (0 when none). */
export function partnerValence(memories: readonly RetrievedMemory[], id: string): number {
  let sum = 0,
    n = 0;
  if (!id) return 0;
  for (const m of memories) {
    const c = m.cues;
    if (c?.partner !== id || c.valence === undefined) continue;
    sum += c.valence;
    n++;
  }
  return n ? sum / n : 0;
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
export const sat = (x: number, k: number): number => (x <= 0 ? 0 : x / (x + k));

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.includes(x)) inter++;
  return inter / (a.length + b.length - inter);
}

/** A display name's first word ("Maya" of "Maya Chen"), without splitting the whole name. */
export function firstName(name: string): string {
  const space = name.indexOf(' ');
  return space < 0 ? name : name.slice(0, space);
}

// Compiled once: bundled for Node, a \p{…} literal becomes a `new RegExp` that would otherwise be
// built on every call. Not global, so exec keeps no state between texts.
const NAME_AFTER_WITH = /with (\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)?)/u;

/** The partner's display name as written in a memory ("Talked with Maya Chen ..."), else the id. */
export function nameIn(text: string, id: string): string {
  const m = NAME_AFTER_WITH.exec(text);
  return m ? m[1] : id;
}
