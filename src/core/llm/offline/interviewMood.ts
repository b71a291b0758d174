// Offline interview answers about how the agent is doing: how it feels, what it needs and what
// it means to do next, told from its latest reward observation, the coach's advice on that need
// and the people it enjoys talking with (interview.ts picks these when the question asks).
import { DRIVERS } from '../../format';
import {
  DO,
  LACK,
  MET,
  MET_FROM,
  NEED_WORDS,
  list,
  mood,
  sentence,
  tone,
  feeling,
  type Recollection,
} from './recollection';

export const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** How each person felt to me: mean valence of my evaluations and reflections about them. */
export function valences(recs: Recollection[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of recs) {
    if (r.person && r.valence !== undefined && (r.kind === 'evaluation' || r.kind === 'reflection')) {
      out.set(r.person, [...(out.get(r.person) ?? []), r.valence]);
    }
  }
  return out;
}

/** How each person feels to me now: the mean valence of my latest round of memories about them (a reflection sums up the rounds before it). */
export function lately(recs: Recollection[]): Map<string, number> {
  const last = new Map<string, Recollection[]>();
  for (const r of recs) {
    if (r.person && r.valence !== undefined && (r.kind === 'evaluation' || r.kind === 'reflection')) {
      const had = last.get(r.person);
      if (!had || r.round > had[0].round) last.set(r.person, [r]);
      else if (r.round === had[0].round) had.push(r);
    }
  }
  return new Map([...last].map(([who, rs]) => [who, mean(rs.map((r) => r.valence!))]));
}

/** The latest memory passing `test` (of one round, the best retrieved). */
export function latest(recs: Recollection[], test: (r: Recollection) => boolean): Recollection | undefined {
  let out: Recollection | undefined;
  for (const r of recs) if (test(r) && (!out || r.round > out.round)) out = r;
  return out;
}

/**
 * The latest reward observation (or an observation naming a need), and what I was told or resolved
 * about the need it names: the latest advice on that need (else the latest advice), and a lesson
 * I drew about it.
 */
function state(recs: Recollection[]): { fared?: Recollection; advice?: Recollection; lesson?: Recollection } {
  const fared = latest(recs, (r) => r.overall !== undefined || (r.kind === 'observation' && !!r.need));
  const told = (r: Recollection): boolean => r.kind === 'advice' && (!!r.action || !!r.need);
  const advice = (fared?.need && latest(recs, (r) => told(r) && r.need === fared.need)) || latest(recs, told);
  const need = fared?.need ?? advice?.need;
  const lesson = recs.find((r) => r.kind === 'reflection' && r.need && (!need || r.need === need));
  return { fared, advice, lesson };
}

/** How the latest rewards felt: the mood, the needs that were met, the one I missed. */
function fared(r: Recollection): string {
  if (r.overall === undefined) return feeling(undefined, r.need);
  const raw = r.raw ?? {},
    d = r.need;
  const met = DRIVERS.filter((x) => x !== d && (raw[x] ?? 0) >= MET_FROM)
    .sort((a, b) => raw[b]! - raw[a]!)
    .slice(0, 2)
    .map((x) => MET[x]);
  const lack = !d
    ? ''
    : (raw[d] ?? 0) < MET_FROM
      ? `${LACK[d]}, and that's what I miss most`
      : `I could still do with more ${NEED_WORDS[d]}`;
  const body = met.length && lack ? `${list(met)}, but ${lack}` : met.length ? list(met) : lack;
  const frank = r.overall < 0.4 ? 'honestly, ' : r.overall < 0.6 ? 'on the whole, ' : '';
  return sentence(`${frank}things have been ${mood(r.overall)} lately${body ? `: ${body}` : ''}`);
}

/** Who I enjoy talking with and who, the coach says, enjoys talking with me. */
function company(recs: Recollection[], low: boolean): string | undefined {
  const best = [...lately(recs)].sort((a, b) => b[1] - a[1])[0];
  const warm = best && best[1] >= 0.15 ? best[0] : undefined;
  const fan = latest(recs, (r) => !!r.likedBy)?.likedBy;
  if (fan) {
    const again = `so I'll look ${fan.split(/\s+/)[0]} up again`;
    if (!warm) return `${fan} seems to enjoy talking with me, ${again}.`;
    if (warm === fan) return `${fan} and I enjoy talking with each other, ${again}.`;
    return `I especially enjoy talking with ${warm}, and ${fan} seems to enjoy talking with me, ${again}.`;
  }
  if (warm) return low ? `Talking with ${warm} helps, though.` : `I especially enjoy talking with ${warm}.`;
  return undefined;
}

export function feelings(recs: Recollection[]): string[] {
  const out: string[] = [];
  const { fared: obs, advice, lesson } = state(recs);
  const vs = [...valences(recs)].map(([, v]) => mean(v));
  if (obs) out.push(fared(obs));
  else if (advice?.need) out.push(feeling(undefined, advice.need));
  else if (vs.length) {
    const m = mean(vs);
    out.push(
      `I'm doing ${m >= 0.15 ? 'well' : m >= -0.15 ? 'okay' : 'not so great'}; my conversations lately ${tone(m)[1]}.`,
    );
  } else out.push("I'm not sure yet; it's early days.");
  // The coach's advice on the need I miss; else a lesson I drew about it; else advice on another need.
  const onNeed = !obs?.need || !advice?.need || advice.need === obs.need;
  if (advice?.action && onNeed) out.push(`My coach told me to ${DO[advice.action]}, so that's what I'm working on.`);
  else if (lesson) out.push(lesson.clause);
  else if (advice?.action) out.push(`My coach has also told me to ${DO[advice.action]}.`);
  const people = company(recs, obs?.overall !== undefined && obs.overall < 0.4);
  if (people) out.push(people);
  return out;
}

/** What I need: the need I missed lately, what the coach told me to do about it, and who to turn to. */
export function needs(recs: Recollection[]): string[] | undefined {
  const { fared: obs, advice, lesson } = state(recs);
  const d = obs?.need ?? advice?.need ?? lesson?.need;
  if (!d) return undefined;
  const missed = (obs?.raw?.[d] ?? 0) < MET_FROM && !LACK[d].includes(NEED_WORDS[d]);
  const out = [`What I need most is more ${NEED_WORDS[d]}${missed ? `: lately ${LACK[d]}` : ''}.`];
  if (advice?.action && (!advice.need || advice.need === d)) {
    out.push(`My coach told me to ${DO[advice.action]}, and I think that would help.`);
  } else if (lesson) out.push(lesson.clause);
  const people = company(recs, false);
  if (people) out.push(people);
  return out;
}

/** What I mean to do next: the latest advice, a habit I resolved on, and whom to see again. */
export function plans(recs: Recollection[]): string[] {
  const advice = latest(recs, (r) => r.kind === 'advice' && !!r.action);
  const out: string[] = [];
  if (advice?.action) out.push(`Next, I'm going to ${DO[advice.action]}: that's what my coach told me.`);
  const habit = recs.find((r) => r.kind === 'reflection' && r.action && r.action !== advice?.action);
  if (habit) out.push(habit.clause);
  const people = company(recs, false);
  if (people) out.push(people);
  return out;
}
