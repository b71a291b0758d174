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
import { RULES, type Parts, type PushRule } from './pushRules';
import {
  anchorCost,
  cooperativeEnd,
  gridOf,
  reference,
  strayOf,
  type Candidate,
  type ReferenceStep,
} from './continuum';
import { agreedAmount } from './agreed';

/** Sizes in the trace: rounded to four decimals; a push that rounds to 0 is not written. */
const DECIMALS = 1e4;

type Push = NonNullable<ActResponse['pushes']>[number];

/** Adds `by` × a way's parts to `into`: its option's, or for an amount on its continuum, read between its samples' (as its u is). */
function addParts(
  into: Float64Array,
  c: Candidate,
  parts: readonly Parts[],
  index: Map<object, number>,
  by: number,
): void {
  if (!c.between || !c.anchor) {
    const p = parts[index.get(c.option)!];
    for (let k = 0; k < RULES.length; k++) into[k] += by * p[k];
    return;
  }
  const x = c.args[c.anchor.arg.name] as number;
  const b = c.between;
  // Read between the two samples around x (flat beyond the ends), as interpolate() does.
  let i = 1;
  while (i < b.length - 1 && x > b[i].x) i++;
  const t = x <= b[0].x ? 0 : x >= b[b.length - 1].x ? 1 : (x - b[i - 1].x) / (b[i].x - b[i - 1].x);
  const lo = parts[index.get(b[i - 1].option)!],
    hi = parts[index.get(b[i].option)!];
  for (let k = 0; k < RULES.length; k++) into[k] += by * (lo[k] + (hi[k] - lo[k]) * t);
}

/** f at x less its mean over the grid. */
function lead(f: (x: number) => number, x: number, grid: readonly number[]): number {
  let sum = 0;
  for (const g of grid) sum += f(g);
  return f(x) - sum / grid.length;
}

/**
 * The weight of each sample in (what is read between the samples at y) less (its mean over the
 * grid): reading between samples is linear in their values, so every rule's lead is one dot product.
 */
function leadWeights(xs: readonly number[], y: number, grid: readonly number[]): Float64Array {
  const w = new Float64Array(xs.length);
  const add = (x: number, by: number) => {
    if (x <= xs[0]) w[0] += by;
    else if (x >= xs[xs.length - 1]) w[xs.length - 1] += by;
    else {
      let i = 1;
      while (x > xs[i]) i++;
      const t = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
      w[i - 1] += by * (1 - t);
      w[i] += by * t;
    }
  };
  add(y, 1);
  for (const g of grid) add(g, -1 / grid.length);
  return w;
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
  const w = leadWeights(
    samples.map((s) => s.x),
    y,
    grid,
  );
  samples.forEach((s, j) => {
    const p = parts[index.get(s.option)!];
    for (let k = 0; k < RULES.length; k++) size[k] += w[j] * p[k];
  });
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
    addParts(size, way, parts, index, 1);
    for (const c of ways) addParts(size, c, parts, index, -1 / ways.length);
  }
  if (way.anchor && way.between) amountPushes(req, way, parts, index, size);
  const out: Push[] = [];
  RULES.forEach((rule, k) => {
    const s = Math.round(size[k] * DECIMALS) / DECIMALS;
    if (s !== 0) out.push({ rule, size: s });
  });
  return out.sort((a, b) => Math.abs(b.size) - Math.abs(a.size));
}
