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
 * Intentions towards people: Σ over retrieved advice/reflection memories naming a partner of
 * receptiveness · importance / 8 (capped at 1.5) — "talk with Maya again".
 */
export function partnerIntent(p: PersonaBrief, memories: readonly RetrievedMemory[]): Map<string, number> {
  const out = new Map<string, number>();
  const r = receptiveness(p);
  for (const m of memories) {
    const id = m.cues?.partner;
    if (!id || (m.kind !== 'advice' && m.kind !== 'reflection')) continue;
    out.set(id, Math.min(1.5, (out.get(id) ?? 0) + (r * m.importance) / 8));
  }
  return out;
}

/** Mean remembered valence per partner, from retrieved memories about them. */
export function partnerValence(memories: readonly RetrievedMemory[]): Map<string, number> {
  const sum = new Map<string, [number, number]>();
  for (const m of memories) {
    const c = m.cues;
    if (!c?.partner || c.valence === undefined) continue;
    const s = sum.get(c.partner) ?? [0, 0];
    s[0] += c.valence; s[1]++;
    sum.set(c.partner, s);
  }
  const out = new Map<string, number>();
  for (const [k, [s, n]] of sum) out.set(k, s / n);
  return out;
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
export const sat = (x: number, k: number): number => (x <= 0 ? 0 : x / (x + k));

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.includes(x)) inter++;
  return inter / (a.length + b.length - inter);
}

/** The partner's display name as written in a memory ("Talked with Maya Chen ..."), else the id. */
export function nameIn(text: string, id: string): string {
  const m = /with (\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)?)/u.exec(text);
  return m ? m[1] : id;
}
