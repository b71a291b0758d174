// A categorical quantity (`labels:`, SOC079): its labels name the values 0 … labels − 1, so it
// holds whole numbers in that range. What is written beside them must agree — `integer: false`, a
// `min` other than 0, a `max` other than the last label's value, an `initial` that is no label's
// value — each told at the value written, with what it should be. (SOC063, the bounds of other
// quantities, leaves labelled ones to this check.)
import type { PathSegment } from '../syntax/parse';
import type { Quantity } from '../model/mechanics';
import { report, type Report } from './mechanicsReport';

/** The value written at a path of the raw scenario (undefined: not written). */
function written(v: Record<string, unknown>, path: PathSegment[]): unknown {
  let x: unknown = v;
  for (const s of path) x = x && typeof x === 'object' ? (x as Record<string | number, unknown>)[s] : undefined;
  return x;
}

/** "0 home, 1 cafe, 2 park", or its first and last for a long list. */
function valuesText(labels: readonly string[]): string {
  const all = labels.map((l, k) => `${k} ${l}`);
  return all.length <= 6 ? all.join(', ') : `${all.slice(0, 3).join(', ')}, … ${all.at(-1)}`;
}

function checkQuantity(r: Report, q: Quantity, side: 'world' | 'agents'): void {
  const labels = q.labels!;
  const path = ['state', side, q.name];
  const last = labels.length - 1;
  const what = `${side === 'world' ? 'World' : 'Agent'} quantity '${q.name}'`;
  const values = `(${valuesText(labels)})`;
  const at = (key: string) => r.at.valueRange([...path, key]);
  const error = (message: string, key: string) => report(r, 'SOC079', 'error', message, at(key));
  if (written(r.v, [...path, 'integer']) === false) {
    error(`${what} has labels ${values}, so it holds whole numbers: remove \`integer: false\``, 'integer');
  }
  const min = written(r.v, [...path, 'min']);
  if (typeof min === 'number' && min !== 0) {
    error(`${what} has labels ${values}: its min is 0, not ${min}; leave \`min\` out`, 'min');
  }
  const max = written(r.v, [...path, 'max']);
  if (typeof max === 'number' && max !== last) {
    error(`${what} has labels ${values}: its max is ${last}, not ${max}; leave \`max\` out`, 'max');
  }
  const initial = written(r.v, [...path, 'initial']);
  const start = typeof initial === 'number' ? initial : 0;
  if (!Number.isInteger(start) || start < 0 || start > last) {
    const range = initial === undefined ? r.at.keyRange(path) : at('initial');
    report(r, 'SOC079', 'error', `${what} starts at ${start}, which no label names ${values}`, range);
  }
}

/** SOC079 for every quantity with labels. */
export function checkLabels(r: Report): void {
  for (const q of r.m.world) if (q.labels?.length) checkQuantity(r, q, 'world');
  for (const q of r.m.agents) if (q.labels?.length) checkQuantity(r, q, 'agents');
}
