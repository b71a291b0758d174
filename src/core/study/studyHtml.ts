// study.html: the write-up as a page of the report kit (its theme, light, dark or the editor's),
// made from study.md by markdown-it with raw HTML off, so the page says exactly what the Markdown
// says; each hypothesis gets a chart of its effect on every model with the interval.
import MarkdownIt from 'markdown-it';
import { reportPage } from '../analysis';
import { intervalChartSvg } from '../experiment';
import { escapeMarkup as e } from '../text/markup';
import type { StudyResult } from './studyResult';
import { studyMarkdown } from './studyMarkdown';

const STYLE = `h1 { margin-bottom: 0.2rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid currentColor; padding-bottom: 0.2rem; }
blockquote { margin: 0.5rem 0; padding: 0.5rem 0.8rem; border-left: 4px solid #c77; }
figure { margin: 0.5rem 0 1rem; }
@media print { h2 { break-after: avoid; } table, figure { break-inside: avoid; } }
`;

/** The effect of each hypothesis on every model: dot and whisker (the interval at the plan's level). */
function effectCharts(r: StudyResult): string {
  return r.hypotheses
    .map((h) => {
      const rows = h.models.map((m) => ({
        label: m.model,
        estimate: { n: m.n, mean: m.effect, sd: m.sd, ci95: m.ci },
      }));
      const svg = intervalChartSvg(`${h.id}: ${h.effect_definition}`, rows);
      return `<figure>${svg}<figcaption class="caption">${e(h.id)}: the effect on ${e(h.metric)} per model (dot) and its interval; 0 is no effect.</figcaption></figure>`;
    })
    .join('\n');
}

export function studyHtml(r: StudyResult, nonce?: string): string {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const body = md.render(studyMarkdown(r));
  // The charts go right after the Results heading.
  const at = body.indexOf('<h2>Results</h2>');
  const withCharts = at < 0 ? body : `${body.slice(0, at + 16)}\n${effectCharts(r)}\n${body.slice(at + 16)}`;
  return reportPage({ title: `Study: ${r.name}`, width: 980, style: STYLE, ...(nonce ? { nonce } : {}) }, withCharts);
}
