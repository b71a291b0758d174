// The reports' "Model decisions" table (report.html, the experiment's page): per decision kind,
// what the model answered, re-asked, failed, fell back on and never asked, from the trace's own
// events (trace/decisionTally.ts), so the table equals the `error` events the run wrote.
import { decisionTotals, type DecisionKindTally } from '../../trace/decisionTally';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const whole = (n: number): string => n.toLocaleString('en-US');

const COLUMNS: readonly [keyof Omit<DecisionKindTally, 'kind'>, string][] = [
  ['asked', 'Asked'],
  ['answered', 'Answered'],
  ['reasked', 'Re-asked'],
  ['failed', 'Failed'],
  ['fell_back', 'Fell back'],
  ['unasked', 'Never asked'],
];

const EXPLAINED =
  'Per kind of decision put to a model: answered by it; re-asked after an unusable first answer (two calls, one decision); ' +
  'failed and left out (a survey’s or judge’s answers recorded as missing); failed and answered by the offline rule-based model instead (<code>on_error: offline</code>); ' +
  'never asked because an earlier decision failed (a rating of someone whose every line failed). Each is an <code>error</code> event in the trace.';

/** The table, with a total row when there are two kinds or more; a sentence when no model decided anything. */
export function decisionsSection(rows: readonly DecisionKindTally[], runs?: number): string {
  if (!rows.length) {
    return '<p>No model decisions: every answer came from the offline rule-based model, which cannot fail.</p>';
  }
  const shown = rows.length > 1 ? [...rows, decisionTotals(rows)] : rows;
  const body = shown
    .map(
      (r) =>
        `<tr${r.kind === 'all' ? ' class="total"' : ''}><td>${esc(r.kind)}</td>${COLUMNS.map(([k]) => `<td>${whole(r[k])}</td>`).join('')}</tr>`,
    )
    .join('');
  const over = runs !== undefined ? ` Summed over the ${whole(runs)} runs.` : '';
  return (
    `<p>${EXPLAINED}${over}</p>` +
    `<table class="decisions"><thead><tr><th>Decision</th>${COLUMNS.map(([, h]) => `<th>${h}</th>`).join('')}</tr></thead>` +
    `<tbody>${body}</tbody></table>`
  );
}

/** The rows summed kind by kind (an experiment's runs). */
export function sumDecisions(runs: readonly (readonly DecisionKindTally[])[]): DecisionKindTally[] {
  const by = new Map<string, DecisionKindTally>();
  for (const rows of runs) {
    for (const r of rows) {
      const t = by.get(r.kind);
      if (!t) by.set(r.kind, { ...r });
      else for (const [k] of COLUMNS) t[k] += r[k];
    }
  }
  return [...by.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}
