// Coverage in words: the line `society run` and `society population` print, the hover's table.
import type { PopulationGroup, Scenario } from '../../model/model';
import { synthesise, type Coverage } from './synthesise';
import { maxOf } from '../../../stats/extremes';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
/** A share difference in percentage points, signed. */
const pp = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(2)} pp`;

/** The coverage of each census group of a scenario (with the seed it runs with). */
export function scenarioCoverage(
  scenario: Scenario,
  seed = scenario.seed,
): { group: PopulationGroup; coverage: Coverage }[] {
  return scenario.population.flatMap((group) =>
    group.census?.data
      ? [{ group, coverage: synthesise(group.census.data, group.count, seed, group.group).coverage }]
      : [],
  );
}

/** One line: "residents: 1000 agents from marginals.csv, …; largest marginal error +0.10 pp (age_band 45-54)". */
export function coverageLine(group: PopulationGroup, coverage: Coverage): string {
  const files = [...(group.census?.marginals ?? []), ...(group.census?.joint ? [group.census.joint] : [])].join(', ');
  const l = coverage.largest;
  const fit = coverage.ipf.converged
    ? `IPF ${coverage.ipf.iterations} sweeps`
    : `IPF did not converge in ${coverage.ipf.iterations} sweeps`;
  const where = Math.abs(l.error) < 5e-5 ? 'every category on target' : `${l.attribute} ${l.category}`;
  return `${group.group}: ${group.count} agents from ${files} (${fit}); largest marginal error ${pp(l.error)} (${where})`;
}

/** Every attribute's categories, target vs synthesised share, as aligned text rows. */
export function coverageRows(coverage: Coverage): string[] {
  const rows = coverage.attributes.flatMap((a) =>
    a.categories.map((c) => [a.name, c.category, pct(c.target), pct(c.synthesised), pp(c.synthesised - c.target)]),
  );
  const head = ['attribute', 'category', 'target', 'agents', 'error'];
  const widths = head.map((h, i) => Math.max(h.length, maxOf(rows.map((r) => r[i].length))));
  return [head, ...rows].map((r) =>
    r
      .map((x, i) => (i >= 2 ? x.padStart(widths[i]) : x.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

/** The coverage as a Markdown table (hover, report). */
export function coverageMarkdown(group: PopulationGroup, coverage: Coverage): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  const rows = coverage.attributes.flatMap((a) =>
    a.categories.map(
      (c) =>
        `| ${cell(a.name)} | ${cell(c.category)} | ${pct(c.target)} | ${pct(c.synthesised)} | ${pp(c.synthesised - c.target)} |`,
    ),
  );
  return [
    `**census coverage** · ${coverageLine(group, coverage)}`,
    '',
    '| attribute | category | target | agents | error |',
    '|---|---|--:|--:|--:|',
    ...rows,
  ].join('\n');
}
