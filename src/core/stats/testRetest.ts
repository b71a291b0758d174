// Test–retest reliability: the Pearson correlation, across respondents, of a score at one
// administration and at a later one, with its Fisher 95% interval (correlation.ts).
import { pearson, type Correlation } from './correlation';

/**
 * `first` and `second` map a respondent to their score at each administration; only those with
 * both count. Undefined when fewer than 3 have both or a side does not vary.
 */
export function testRetest(
  first: ReadonlyMap<string, number>,
  second: ReadonlyMap<string, number>,
): Correlation | undefined {
  const ids = [...first.keys()].filter((id) => second.has(id)).sort();
  return pearson(
    ids.map((id) => first.get(id)),
    ids.map((id) => second.get(id)),
  );
}
