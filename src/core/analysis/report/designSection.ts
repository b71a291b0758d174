// The report's "Design" and "Agents" sections (issue 88): what the run is a run of, and who did
// what in it — the parts a colleague reads before the figures. All text escaped and isolated.
import { escapeMarkup as e } from '../../text/markup';
import { isolated } from '../../text/isolated';
import { formatReal } from '../../text/realFormat';
import type { RunDesign } from './runDesign';
import type { AgentRow } from './agentTable';
import { scrollable } from './tableScroll';

const u = (s: string): string => `<bdi>${e(isolated(s))}</bdi>`;

/** The question, the round, matching and actions; the experiment's conditions and claims as the file writes them. */
export function designSection(d: RunDesign): string {
  const parts: string[] = [];
  if (d.question) parts.push(`<p class="question"><strong>Question.</strong> ${u(d.question)}</p>`);
  const rows: [string, string][] = [];
  if (d.phases) rows.push(['Round', d.phases.map(u).join(' → ')]);
  if (d.matching) rows.push(['Matching', u(d.matching)]);
  if (d.actions.length) rows.push(['Actions', d.actions.map(u).join(', ')]);
  if (rows.length) {
    parts.push(`<dl class="run">${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>`);
  }
  if (d.conditions.length) {
    parts.push(
      `<p>This run is the scenario as written; its experiment compares ${d.conditions.length} conditions (<code>society experiment</code> runs them, each with every seed):</p>`,
      `<table><thead><tr><th>condition</th><th>changes to the scenario</th></tr></thead><tbody>${d.conditions.map((c) => `<tr><td>${u(c.name)}</td><td>${u(c.set)}</td></tr>`).join('')}</tbody></table>`,
    );
  }
  if (d.claims.length) {
    parts.push(
      `<p>The scenario's claims, decided across the conditions by <code>society experiment</code>, not by one run:</p><ul>${d.claims.map((c) => `<li>${u(c)}</li>`).join('')}</ul>`,
    );
  }
  return parts.join('\n') || '<p>The scenario declares no question, matching, actions or experiment.</p>';
}

/**
 * Each agent by name: its declared quantities at the last round reported and how often it took
 * each action, sorted by the first quantity, most first; a reader sorts by any column where the
 * page runs its script (sortableTables.ts), and without it the written order stands.
 */
export function agentSection(rows: readonly AgentRow[], round: number): string {
  if (!rows.length) return '<p>No agent was present at the end.</p>';
  const quantities = [...new Set(rows.flatMap((r) => Object.keys(r.quantities)))];
  const actions = [...new Set(rows.flatMap((r) => Object.keys(r.actions)))].sort();
  const first = quantities[0];
  const sorted = [...rows].sort(
    (a, b) => (b.quantities[first] ?? -Infinity) - (a.quantities[first] ?? -Infinity) || a.name.localeCompare(b.name),
  );
  // The order written is marked on its heading; a click on any heading sorts by it (sortableTables.ts).
  const mark = (i: number): string => (i === 0 ? ' aria-sort="descending"' : '');
  const head = `<tr><th${first ? '' : ' aria-sort="ascending"'}>agent</th>${quantities.map((q, i) => `<th${mark(i)}>${u(q)}</th>`).join('')}${actions.map((a) => `<th>${u(a)} <span class="caption">(times)</span></th>`).join('')}</tr>`;
  const num = (v: number | undefined, digits?: number): string =>
    v === undefined
      ? '<td class="num" data-v="">—</td>'
      : `<td class="num" data-v="${v}">${digits === undefined ? v : formatReal(v, digits)}</td>`;
  const body = sorted
    .map(
      (r) =>
        `<tr><td>${u(r.name)}</td>${quantities.map((q) => num(r.quantities[q], 2)).join('')}${actions.map((a) => num(r.actions[a] ?? 0)).join('')}</tr>`,
    )
    .join('');
  return `<p>Each agent's quantities after round ${round}${actions.length ? ' and the actions it took' : ''}, ${first ? `most ${e(first)} first` : 'by name'} (in a browser, click a column's heading to sort by it).</p>${scrollable('Agents table', `<table class="sortable"><thead>${head}</thead><tbody>${body}</tbody></table>`)}`;
}
