// A time outcome an experiment names (`<series>.at.r<k>`, `<series>.reaches.<level>`,
// `<series>.falls.<level>`: timeOutcomeNames.ts), checked where it is written: a series the run
// does not have (SOC103, with the one meant), a round after the last of the longest run (SOC104,
// a warning: `--rounds` may run longer), a level or round that is not a number
// (SOC105). Without these a typo ran the whole experiment to say "no run measured" it.
import type { Range } from '../model/model';
import { report, type Report } from './mechanicsReport';
import { didYouMean } from '../model/suggest';
import { agentStartRange } from './agentStarts';
import { malformedTimeOutcome, parseTimeOutcome, seriesNames } from '../model/timeOutcomeNames';
import { maxOf } from '../../stats/extremes';

/**
 * The rounds of the scenario's longest run: its own (the schema's default, 20, when unsaid) or a
 * condition's that sets \`world.rounds\` longer.
 */
export function longestRun(v: Record<string, unknown>): number {
  const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  const own = isObj(v.world) && typeof v.world.rounds === 'number' && v.world.rounds >= 1 ? v.world.rounds : 20;
  const conditions = isObj(v.experiment) && Array.isArray(v.experiment.conditions) ? v.experiment.conditions : [];
  const set = conditions.map((c) => (isObj(c) && isObj(c.set) ? c.set['world.rounds'] : undefined));
  return Math.max(own, maxOf(set.filter((x): x is number => typeof x === 'number')));
}

/**
 * The series meant by an unknown one: the closest by spelling, else the one it is a prefix of
 * (`knowledge.rumour` → `knowledge.rumour.share`), else the one it extends (`world.fish.final` →
 * `world.fish`).
 */
function meantSeries(series: string, known: readonly string[]): string | undefined {
  return (
    didYouMean(series, known) ??
    known.find((k) => k.startsWith(`${series}.`)) ??
    known.find((k) => series.startsWith(`${k}.`))
  );
}

/** SOC103–SOC105 for `metric`, a name written as a time outcome at `range`. */
export function checkTimeOutcome(
  r: Report,
  metric: string,
  range: Range,
  personas: readonly { raw: unknown }[] = [],
): void {
  const malformed = malformedTimeOutcome(metric);
  if (malformed) return report(r, 'SOC105', 'error', `Malformed time outcome '${metric}': ${malformed}`, range);
  const t = parseTimeOutcome(metric);
  if (!t) return;
  const known = seriesNames(r.m);
  if (!known.includes(t.series)) {
    const meant = meantSeries(t.series, known);
    const fixed = meant ? meant + metric.slice(t.series.length) : '';
    const lines = r.at.file.lines;
    const written = lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
    const fixes =
      meant && written === metric
        ? [{ title: `Change to '${fixed}'`, file: r.at.file.file, range, newText: fixed }]
        : [];
    const dym = meant ? `. Did you mean '${fixed}'?` : '';
    return report(
      r,
      'SOC103',
      'error',
      `Unknown series '${t.series}' in time outcome '${metric}'${dym} (series: ${known.join(', ')})`,
      range,
      fixes,
    );
  }
  if (t.kind !== 'at') startsThere(r, metric, t, range, personas);
  const rounds = longestRun(r.v);
  if (t.kind === 'at' && t.round > rounds) {
    report(
      r,
      'SOC104',
      'warning',
      `'${metric}' asks for round ${t.round}, but the scenario's runs last at most ${rounds} rounds: they have no value there (unless --rounds makes them longer)`,
      range,
    );
  }
}

/** Where a series of the declared state starts in every run, in words for the message; undefined when unknown. */
function startOf(
  r: Report,
  series: string,
  personas: readonly { raw: unknown }[],
): { lo: number; hi: number; said: string } | undefined {
  if (series.startsWith('world.')) {
    const q = r.m.world.find((x) => `world.${x.name}` === series);
    if (!q || typeof q.initial !== 'number' || !Number.isFinite(q.initial)) return undefined;
    return { lo: q.initial, hi: q.initial, said: `starts at ${q.initial}` };
  }
  const m = /^agents\.(.+)\.(mean|sd|gini)$/.exec(series);
  const q = m ? r.m.agents.find((x) => x.name === m[1]) : undefined;
  const starts = q ? agentStartRange(r.v, personas, q) : undefined;
  if (!m || !q || !starts) return undefined;
  if (m[2] === 'mean') {
    const said = starts.alike
      ? `starts at ${starts.lo}`
      : `starts between ${starts.lo} and ${starts.hi} (each agent's '${q.name}' starts there)`;
    return { lo: starts.lo, hi: starts.hi, said };
  }
  // Alike starts have no spread; the Gini of negative values is undefined.
  if (!starts.alike || (m[2] === 'gini' && starts.lo < 0)) return undefined;
  return { lo: 0, hi: 0, said: `starts at 0 (every agent starts '${q.name}' at ${starts.lo})` };
}

/**
 * SOC142 (a warning): `.falls.<level>` of a series of the declared state that starts at or below
 * the level (a per-round flow that starts at 0), or `.reaches.<level>` of one that starts at or
 * above it: the first round is 0 in every run, whatever happens after. World quantities start at
 * their `initial`; agents' at theirs, a persona's or a group's (agentStarts.ts).
 */
function startsThere(
  r: Report,
  metric: string,
  t: { series: string; kind: 'reaches' | 'falls'; level: number },
  range: Range,
  personas: readonly { raw: unknown }[],
): void {
  const start = startOf(r, t.series, personas);
  if (!start) return;
  const there = t.kind === 'falls' ? start.hi <= t.level : start.lo >= t.level;
  if (!there) return;
  report(
    r,
    'SOC142',
    'warning',
    `'${metric}' is 0 in every run: ${t.series} ${start.said}, already ${t.kind === 'falls' ? 'at or below' : 'at or above'} ${t.level}. For a quantity that counts what happens each round, compare its value at a round (\`${t.series}.at.r<k>\`) or a level it must first ${t.kind === 'falls' ? 'rise above' : 'fall below'}`,
    range,
  );
}
