// The report's "Surveys" section: per instrument and scale, Cronbach's α and the mean score at
// each administration, persona adherence (score against the declared trait) and test–retest, each
// correlation with its 95% interval.
import type { Correlation } from '../../stats/correlation';
import type { ScalePsychometrics } from './surveyPsychometrics';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : x.toFixed(2));

/** "0.62 [0.21, 0.85] (n 16)", or a dash. */
export function correlationText(c: Correlation | undefined): string {
  if (!c) return '–';
  const ci = c.low !== undefined && c.high !== undefined ? ` [${num(c.low)}, ${num(c.high)}]` : '';
  return `${num(c.r)}${ci} (n ${c.n})`;
}

export function surveySection(scales: readonly ScalePsychometrics[]): string {
  const rows = scales.flatMap((s) =>
    s.administrations.map(
      (a, k) =>
        `<tr><td>${k ? '' : esc(s.instrument)}</td><td>${k ? '' : esc(s.scale)}${!k && s.measures && s.measures !== s.scale ? ` <small>(${esc(s.measures)})</small>` : ''}</td>` +
        `<td>${a.round === 0 ? 'start' : a.round}</td><td>${a.n}</td><td>${num(a.alpha)}</td><td>${num(a.mean)}${flagged(a.flags)}</td>` +
        `<td>${s.measures ? esc(correlationText(a.adherence)) : ''}</td>` +
        `<td>${k === s.administrations.length - 1 && s.retest ? esc(correlationText(s.retest)) : ''}</td></tr>`,
    ),
  );
  return (
    '<p>Cronbach’s α of each scale’s items (reverse-keyed items reversed) and the mean scale score at each administration; ' +
    'persona adherence is Pearson’s r between the scale score and the trait it measures across agents; test–retest is r between the first and the last administration. ' +
    'Intervals are 95% (Fisher z). ⚠ marks a score to doubt: respondents who gave every item the same answer (a straight line), or an α below 0. The answers are in surveys.csv.</p>' +
    '<table><thead><tr><th>Instrument</th><th>Scale</th><th>Round</th><th>n</th><th>α</th><th>Mean</th><th>Adherence r [95% CI]</th><th>Test–retest r [95% CI]</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** A score's doubts beside it: a warning sign, the reasons in words (not only on hover). */
function flagged(flags: readonly string[] | undefined): string {
  return flags?.length ? ` <small class="flag">⚠ ${esc(flags.join('; '))}</small>` : '';
}

/** Plain-text lines for a terminal summary. */
export function surveyLines(scales: readonly ScalePsychometrics[]): string[] {
  return scales.map((s) => {
    const alphas = s.administrations
      .map(
        (a) =>
          `${a.round === 0 ? 'start' : `r${a.round}`} α ${num(a.alpha)}${a.flags ? ` (⚠ ${a.flags.join('; ')})` : ''}`,
      )
      .join(', ');
    const last = s.administrations[s.administrations.length - 1];
    const adherence = s.measures ? `; adherence ${correlationText(last?.adherence)}` : '';
    const retest = s.retest ? `; retest ${correlationText(s.retest)}` : '';
    return `${s.instrument}.${s.scale}: ${alphas}${adherence}${retest}`;
  });
}
