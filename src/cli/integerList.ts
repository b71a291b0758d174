// A list option of distinct integers, written as integers and inclusive ranges: `--seeds 1,2,5-7`
// is 1, 2, 5, 6, 7. `--seeds 1-20` was refused as "must be an integer", though a range is how one
// writes twenty seeds. A bad entry is named in the error, with the whole list when it has several.
import { UsageError } from './usageError';
/** The most integers a list may hold: a range is quick to type (`1-1000000000`), not to hold or run. */
export const MAX_LIST_LENGTH = 100_000;

/** An integer (`5`, `-3`, `+2`), or a range `low-high` (`1-3`, `-3--1`; an en dash as in `1–5` too). */
const ENTRY = /^([-+]?\d+)(?:\s*[-–]\s*([-+]?\d+))?$/;

/**
 * The integers `value` lists ('1, 2,5-7': [1, 2, 5, 6, 7]), each ≥ min and exact as a double; undefined
 * when absent. An empty, malformed, backwards or repeated entry throws with the option's name.
 */
export function integerListOption(name: string, value: string | undefined, min: number): number[] | undefined {
  if (value === undefined) return undefined;
  const entries = value.split(',').map((entry) => entry.trim());
  const inList = entries.length > 1 ? ` in '${value}'` : '';
  const list: number[] = [];
  const listedIn = new Map<number, string>();
  for (const entry of entries) {
    const m = ENTRY.exec(entry);
    if (!m) throw new UsageError(`--${name} takes integers and ranges of them, as in 1,2,5-7; got '${entry}'${inList}`);
    const [low, high] = [m[1], m[2] ?? m[1]].map(Number);
    if (![low, high].every((n) => Number.isSafeInteger(n) && n >= min)) {
      throw new UsageError(
        `--${name} takes integers ≥ ${min}${min < 0 ? ` and ≤ ${Number.MAX_SAFE_INTEGER}` : ''}; got '${entry}'${inList}`,
      );
    }
    if (high < low) {
      throw new UsageError(
        `--${name}: the range '${entry}'${inList} runs backwards, so it holds no integer; write ${high}-${low}`,
      );
    }
    if (list.length + (high - low + 1) > MAX_LIST_LENGTH) {
      throw new UsageError(`--${name} holds at most ${MAX_LIST_LENGTH} integers; got '${entry}'${inList}`);
    }
    for (let n = low; n <= high; n++) {
      const earlier = listedIn.get(n);
      if (earlier !== undefined) {
        throw new UsageError(
          `--${name} lists ${n} twice${earlier !== entry ? ` (in '${earlier}' and '${entry}')` : ''}: repeated seeds are not independent runs`,
        );
      }
      listedIn.set(n, entry);
      list.push(n);
    }
  }
  return list;
}
