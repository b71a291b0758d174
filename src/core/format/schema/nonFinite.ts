// Numbers YAML reads that are not finite: `.nan`, `.inf`, `-.inf`, and a literal past 1.8e308
// (`1e400`, read as Infinity). No field of a society means one — a quantity that starts at NaN
// passes every bound, `max: -.inf` clamps every value to -Infinity — and JSON writes them as
// `null`, so a trace or an experiment summary would lose the value without a word. The schema's
// `number` accepts them (and `integer` accepts Infinity), so they are reported here, where written.
import type { Diagnostic } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import type { PathSegment } from '../syntax/parse';

/** An error (SOC076) at every number of `value` that is not finite. */
export function nonFiniteNumbers(value: unknown, at: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (x: unknown, path: PathSegment[]): void => {
    if (typeof x === 'number' && !Number.isFinite(x)) out.push(nonFinite(x, path, at));
    else if (Array.isArray(x)) x.forEach((item, i) => visit(item, [...path, i]));
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) visit(v, [...path, k]);
  };
  visit(value, []);
  return out;
}

function nonFinite(x: number, path: PathSegment[], at: Locator): Diagnostic {
  const range = at.valueRange(path);
  const lines = at.file.lines;
  const written = lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)).trim() || String(x);
  const key = path[path.length - 1];
  const bound =
    key === 'min' || key === 'max' ? ` (for no ${key === 'min' ? 'lower' : 'upper'} bound, leave out \`${key}\`)` : '';
  return {
    code: 'SOC076',
    severity: 'error',
    message: `\`${written}\` is ${Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity'}, not a finite number: write a number${bound}`,
    file: at.file.file,
    range,
  };
}
