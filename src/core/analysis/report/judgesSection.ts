// The report's "Judges" section (docs/judges.md): per judging, a table of the dimensions — mean
// with its 95 % CI for all judges and for each, the scores' distribution, and with several judges
// Krippendorff's alpha (interval) and ICC(2,1) over the targets they all scored.
import { escapeMarkup as e } from '../../text/markup';
import type { MeanInterval } from '../../stats/meanInterval';
import type { DimensionSummary, JudgingSummary } from './judgesSummary';
import { maxOf } from '../../stats/extremes';

const num = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? '—' : x.toFixed(digits);
const interval = (m: MeanInterval): string =>
  m.mean === null ? '—' : `${num(m.mean)}${m.low !== null ? ` [${num(m.low)}, ${num(m.high)}]` : ''} (n ${m.n})`;

/**
 * The distribution as a small SVG of bars, one per score given, tallest = most often (SVG
 * attributes, not inline styles: the page's CSP allows no style attribute).
 */
function distribution(d: DimensionSummary): string {
  const most = Math.max(1, maxOf(d.distribution.map(([, n]) => n)));
  const bars = d.distribution
    .map(([score, n], i) => {
      const h = Math.max(1, Math.round((20 * n) / most));
      return `<rect x="${i * 11}" y="${20 - h}" width="10" height="${h}" fill="currentColor" opacity="0.6"><title>${score}: ${n}</title></rect>`;
    })
    .join('');
  const width = Math.max(1, d.distribution.length * 11);
  const range = d.distribution.length ? `${d.distribution[0][0]}…${d.distribution[d.distribution.length - 1][0]}` : '';
  return `<svg width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${e(`scores ${range}`)}">${bars}</svg> ${e(range)}`;
}

function judgingTable(s: JudgingSummary): string {
  const several = s.judges.length > 1;
  const head = [
    'dimension',
    'mean [95 % CI], all judges',
    ...(several ? s.judges.map((j) => `mean, ${j}`) : []),
    'distribution',
    'missing',
  ];
  if (several) head.push("Krippendorff's α (interval)", 'ICC(2,1)');
  const rows = s.dimensions.map((d) => {
    const cells = [
      e(d.dimension),
      interval(d.all),
      ...(several ? s.judges.map((j) => interval(d.byJudge[j])) : []),
      distribution(d),
      String(d.missing),
    ];
    if (several) cells.push(num(d.alpha), num(d.icc));
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  return `<div class="table-scroll" role="region" aria-label="${e(`Judging ${s.judging}`)}" tabindex="0"><table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

export function judgesSection(summaries: readonly JudgingSummary[]): string {
  return (
    summaries
      .map(
        (s) =>
          `<h3>${e(s.judging)}</h3><p>${e(`${s.targets} targets scored by ${s.judges.join(', ')}.`)}</p>${judgingTable(s)}`,
      )
      .join('') +
    '<p class="note">Scores as the judges gave them, on each dimension\'s own range. Agreement counts the targets every judge scored: α near 1 is agreement, near 0 what chance would give (docs/judges.md).</p>'
  );
}
