// Checks on census tables that read fine: margins whose totals disagree (SOC128, a warning: each
// is fitted as shares), categories a joint table gives no person to (SOC129: IPF cannot reach
// them), and tables that cross to too many cells to fit.
import type { Diagnostic } from '../../model/diagnostics';
import type { Locator } from '../../syntax/locate';
import type { PathSegment } from '../../syntax/parse';
import type { CensusData } from '../../model/censusTypes';
import { maxOf } from '../../../stats/extremes';

/** Totals this far apart (relative) are different: rounding in published tables stays below it. */
export const TOTAL_TOLERANCE = 0.005;
/** The most cells (the product of the attributes' category counts) a group may fit. */
export const MAX_CELLS = 1_000_000;

export function checkCensusData(data: CensusData, base: PathSegment[], at: Locator, out: Diagnostic[]): void {
  const file = at.file.file;
  // Counts must agree with each other; shares sum to 1 and percents to 100 by themselves.
  const totals = data.attributes.map((a) => a.targets.reduce((s, t) => s + t, 0));
  const counts = data.attributes.flatMap((a, i) => (a.kind === 'count' ? [totals[i]] : []));
  const off = data.attributes.filter((a, i) => {
    if (a.kind === 'count') {
      return counts.length > 1 && Math.abs(totals[i] - maxOf(counts)) > TOTAL_TOLERANCE * maxOf(counts);
    }
    const whole = a.kind === 'share' ? 1 : 100;
    return Math.abs(totals[i] - whole) > TOTAL_TOLERANCE * whole;
  });
  if (off.length) {
    const list = data.attributes
      .map((a, i) => `${a.name} ${round(totals[i])}${a.kind === 'count' ? '' : ` (${a.kind}s)`}`)
      .join(', ');
    out.push({
      code: 'SOC128',
      severity: 'warning',
      message: `The census marginals sum to different totals (${list}): each is fitted as shares of its own total`,
      file,
      range: at.valueRange([...base, 'marginals']),
    });
  }
  for (const a of data.attributes) {
    const zero = a.categories.filter((_, k) => a.targets[k] <= 0);
    // An error, not a warning: synthesis has no category to draw from and the run would die.
    if (zero.length === a.categories.length) {
      out.push({
        code: 'SOC125',
        severity: 'error',
        message: `Census attribute ${a.name} has no count above zero: no agent can be synthesised from it`,
        file,
        range: at.valueRange([...base, 'marginals']),
      });
    }
  }
  const cells = data.attributes.reduce((n, a) => n * Math.max(1, a.categories.length), 1);
  if (cells > MAX_CELLS) {
    out.push({
      code: 'SOC125',
      severity: 'error',
      message: `The census attributes cross to ${cells.toLocaleString('en-US')} cells, more than ${MAX_CELLS.toLocaleString('en-US')}: merge categories or leave an attribute out`,
      file,
      range: at.valueRange([...base, 'marginals']),
    });
  }
  if (data.joint) checkReach(data, base, at, out);
}

/** A category with a positive target that no joint row has: its margin cannot be reached. */
function checkReach(data: CensusData, base: PathSegment[], at: Locator, out: Diagnostic[]): void {
  const joint = data.joint;
  if (!joint) return;
  joint.attributes.forEach((attr, col) => {
    const a = data.attributes[attr];
    const support = new Array<number>(a.categories.length).fill(0);
    for (const row of joint.rows) support[row.cats[col]] += row.weight;
    const missing = a.categories.filter((_, k) => a.targets[k] > 0 && support[k] <= 0);
    if (!missing.length) return;
    out.push({
      code: 'SOC129',
      severity: 'error',
      message: `The joint table '${data.files.joint}' has no weight for ${a.name} ${missing.map((c) => `'${c}'`).join(', ')}, which the marginals ask for: IPF cannot reach that margin (add a row, or a small seed count to the zero cells)`,
      file: at.file.file,
      range: at.valueRange([...base, 'joint']),
    });
  });
}

const round = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(3));
