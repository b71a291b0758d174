// Expressions that cost much to evaluate, for the tests of their estimate and budget (issue 41).

/** A list of ten written out. */
export const TEN = '[1,2,3,4,5,6,7,8,9,10]';

/** `levels` nested exists over a list of ten, around a condition that never holds. */
export function nestedExists(levels: number, list = TEN): string {
  let body = 'world.x < 0.0';
  for (let i = levels; i >= 1; i--) body = `${list}.exists(v${i}, ${body})`;
  return body;
}

/** A list of `n` one-letter strings the check cannot size: a split string. */
export const splitOf = (n: number): string => `'${'x'.repeat(n)}'.split('')`;
