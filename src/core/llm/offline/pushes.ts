// Every push named (issue 85): how much each rule moved an offline choice, worked out from the
// parts the utilities were summed from (act.ts optionUtilities), never weighed a second time.
//
// A push is in the utility the softmax weighs: how much the rule raised the chosen way above the
// mean of the ways it was chosen from (the other actions and targets: the candidates), and, for an
// amount, above the mean of the other amounts on its grid. The reference an amount is held to is
// built in steps (continuum.ts reference: the others' mean or the middle, shading, the agreement,
// deterrence, then chance), and its cost at the chosen amount is credited step by step, each step
// with what it changed; then what straying costs more beyond it (sucker_aversion, promise). The
// pushes sum to the chosen way's lead over the mean of its alternatives, at both levels.
import type { ActRequest, ActResponse } from '../types';
import { noParts, RULES, type Parts, type PushRule } from './pushRules';
import {
  anchorCost,
  cooperativeEnd,
  gridOf,
  interpolate,
  reference,
  strayOf,
  type Candidate,
  type ReferenceStep,
} from './continuum';
import { agreedAmount } from './agreed';

/** Sizes in the trace: rounded to four decimals; a push that rounds to 0 is not written. */
const DECIMALS = 1e4;

type Push = NonNullable<ActResponse['pushes']>[number];

/** A way's parts: its option's, or for an amount on its continuum, read between its samples' (as its u is). */
function partsOf(c: Candidate, parts: readonly Parts[], index: Map<object, number>): Parts {
  if (!c.between || !c.anchor) return parts[index.get(c.option)!];
  const x = c.args[c.anchor.arg.name] as number;
  const xs = c.between.map((b) => b.x);
  const out = noParts();
  for (let k = 0; k < RULES.length; k++) {
    out[k] = interpolate(
      xs,
      c.between.map((b) => parts[index.get(b.option)!][k]),
      x,
    );
  }
  return out;
}

/** f at x less its mean over the grid. */
function lead(f: (x: number) => number, x: number, grid: readonly number[]): number {
  let sum = 0;
  for (const g of grid) sum += f(g);
  return f(x) - sum / grid.length;
}

/** Adds the pushes on an amount within its range (the chosen way a continuum point). */
function amountPushes(
  req: ActRequest,
  way: Candidate,
  parts: readonly Parts[],
  index: Map<object, number>,
  size: Float64Array,
): void {
  const { arg, r, noise } = way.anchor!;
  const samples = way.between!;
  const lo = samples[0].x,
    hi = samples[samples.length - 1].x;
  const grid = gridOf(arg, lo, hi);
  const y = way.args[arg.name] as number;
  const xs = samples.map((s) => s.x);
  for (let k = 0; k < RULES.length; k++) {
    const ys = samples.map((s) => parts[index.get(s.option)!][k]);
    size[k] += lead((x) => interpolate(xs, ys, x), y, grid);
  }
  // The reference's steps, as reference() took them, then the noise it was drawn with.
  const steps: ReferenceStep[] = [];
  const r0 = reference(req, way.option.action, arg.name, samples, steps);
  if (noise) steps.push({ rule: 'chance', r: r0 + noise });
  const coop = cooperativeEnd(samples);
  const hold = agreedAmount(req, way.option.action, arg.name)?.hold ?? 0;
  const held: { rule: PushRule; stray: (x: number) => number; r: number }[] = [
    ...steps.map((s) => ({ rule: s.rule, stray: () => 1, r: s.r })),
    { rule: 'sucker_aversion', stray: (x) => strayOf(x, r, coop, 0), r },
    { rule: 'promise', stray: (x) => strayOf(x, r, coop, hold), r },
  ];
  let before = 0;
  for (const h of held) {
    const now = -lead((x) => anchorCost(x, h.r, h.stray(x), lo, hi), y, grid);
    size[RULES.indexOf(h.rule)] += now - before;
    before = now;
  }
}

/** The pushes on the chosen way, largest first (ActionEvent.pushes). */
export function pushesOf(req: ActRequest, ways: readonly Candidate[], way: Candidate, parts: readonly Parts[]): Push[] {
  const index = new Map<object, number>(req.options.map((o, i) => [o, i]));
  const size = new Float64Array(RULES.length);
  if (ways.length > 1) {
    const mine = partsOf(way, parts, index);
    const all = ways.map((c) => partsOf(c, parts, index));
    for (let k = 0; k < RULES.length; k++) {
      let sum = 0;
      for (const p of all) sum += p[k];
      size[k] += mine[k] - sum / all.length;
    }
  }
  if (way.anchor && way.between) amountPushes(req, way, parts, index, size);
  const out: Push[] = [];
  RULES.forEach((rule, k) => {
    const s = Math.round(size[k] * DECIMALS) / DECIMALS;
    if (s !== 0) out.push({ rule, size: s });
  });
  return out.sort((a, b) => Math.abs(b.size) - Math.abs(a.size));
}
