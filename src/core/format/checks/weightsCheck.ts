// Weights whose all being zero leaves a run with nothing to do (SOC051, SOC058).
import type { Diagnostic, DiagnosticCode } from '../model/diagnostics';
import { DRIVERS, type Scenario } from '../model/model';
import type { Locator } from '../syntax/locate';
import { applyDefaults, documentSchema } from '../schema/schema';
import { isTimed, scenarioRounds } from './timeline';
import { applySet } from '../schema/settings';
import { type Obj, isObj, list, mk } from './checkKit';
import type { CheckContext } from './checkContext';
import { pushAll } from '../../text/pushAll';

/** Weights whose all being zero leaves a run with nothing to do: what each check reads, says and marks. */
const DEGENERATE: { code: DiagnosticCode; path: string[]; zero: (s: Obj) => boolean; what: string }[] = [
  {
    code: 'SOC051',
    path: ['rewards'],
    zero: (s) => allZero(s.rewards, DRIVERS),
    what: 'all reward weights are zero: agents would have no reason to engage',
  },
  // An evaluation's target strength is the tie weights' weighted mean, 0/0 when all are zero.
  {
    code: 'SOC058',
    path: ['ties', 'weights'],
    zero: (s) => allZero(isObj(s.ties) ? s.ties.weights : undefined, ['reciprocity', 'novelty', 'affect']),
    what: "all tie weights are zero: an evaluation's target strength is their weighted mean (0/0), so no tie could ever form",
  },
];

const allZero = (o: unknown, keys: readonly string[]): boolean => isObj(o) && keys.every((k) => o[k] === 0);

const sentence = (s: string): string => s[0].toUpperCase() + s.slice(1);

/**
 * SOC051/SOC058 for the weights the run would use: the scenario's own, each experiment condition's
 * (its `set` applied first), and from each timed `set` on (events in the order they fire, on top of
 * the scenario or a condition). The `set`s are applied with the engine's own applySet, so dotted
 * paths and nested mappings count alike. Each is reported where it first becomes degenerate: a
 * condition or event that only keeps what the scenario (or the scenario's timeline) already has is
 * not reported again.
 */
function degenerateWeights(v: Obj, at: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = at.file.file;
  // The settings these checks read, with the schema's defaults, as the built scenario has them.
  // Copied level by level (raw values may hold markers structuredClone refuses; see plainValue.ts)
  // and only these, so applying a `set` never writes into the document's value.
  const d = applyDefaults(documentSchema('scenario'), { world: v.world, rewards: v.rewards, ties: v.ties }) as Obj;
  const copy = (o: unknown): unknown => (isObj(o) ? { ...o } : o);
  const fresh = (): Obj => ({
    world: { rounds: scenarioRounds(d) },
    rewards: copy(d.rewards),
    ties: isObj(d.ties) ? { ...d.ties, weights: copy(d.ties.weights) } : d.ties,
  });
  const start = fresh();
  const base = DEGENERATE.map((c) => c.zero(start));
  DEGENERATE.forEach((c, k) => {
    if (base[k]) out.push(mk(c.code, 'error', sentence(c.what), file, at.keyRange(c.path)));
  });

  // Events fire at the start of their round, in file order within it (engine/kernel/timed-events.ts).
  const events = list(v.events)
    .map((e, index) => ({ e: e as Obj, index }))
    .filter((x) => isTimed(x.e) && isObj(x.e.set))
    .sort((a, b) => (a.e.at as number) - (b.e.at as number));
  /** `index:code` of each event from which on a check fails (having passed before it). */
  const timeline = (settings: Obj, zero: boolean[]): Set<string> => {
    const found = new Set<string>();
    const rounds = scenarioRounds(settings);
    for (const { e, index } of events) {
      if ((e.at as number) > rounds) break; // never fires (SOC052)
      applySet(settings as unknown as Scenario, e.set as Obj);
      DEGENERATE.forEach((c, k) => {
        const now = c.zero(settings);
        if (now && !zero[k]) found.add(`${index}:${c.code}`);
        zero[k] = now;
      });
    }
    return found;
  };
  const report = (found: Set<string>, skip: Set<string>, condition?: string): void => {
    for (const key of [...found].filter((x) => !skip.has(x))) {
      const [index, code] = key.split(':');
      const c = DEGENERATE.find((x) => x.code === code)!;
      const when = `from the event at round ${String((list(v.events)[Number(index)] as Obj).at)} on`;
      out.push(
        mk(
          c.code,
          'error',
          sentence(`${condition ? `in condition ${condition}, ` : ''}${when}, ${c.what}`),
          file,
          at.keyRange(['events', Number(index), 'set']),
        ),
      );
    }
  };
  const baseEvents = timeline(fresh(), [...base]);
  report(baseEvents, new Set());

  if (!isObj(v.experiment)) return out;
  list(v.experiment.conditions).forEach((cond, i) => {
    if (!isObj(cond) || !isObj(cond.set)) return;
    const name = typeof cond.name === 'string' ? `'${cond.name}'` : `#${i + 1}`;
    // As experiment/overrides.ts applies a condition: before the run, so nothing is frozen.
    const settings = fresh();
    applySet(settings as unknown as Scenario, cond.set, { frozen: new Set() });
    const zero = DEGENERATE.map((c) => c.zero(settings));
    DEGENERATE.forEach((c, k) => {
      if (zero[k] && !base[k]) {
        out.push(
          mk(
            c.code,
            'error',
            `In condition ${name}, ${c.what}`,
            file,
            at.keyRange(['experiment', 'conditions', i, 'set']),
          ),
        );
      }
    });
    // Only what the condition changes on the scenario's timeline (the rest is reported there).
    report(timeline(settings, zero), baseEvents, name);
  });
  return out;
}

/** The entry of the CHECKS table. */
export function weightsCheck(ctx: CheckContext): void {
  pushAll(ctx.out, degenerateWeights(ctx.v, ctx.at));
}
