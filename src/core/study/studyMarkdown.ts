// study.md: the write-up a researcher pastes into a paper, every sentence made from study.json.
// Text from the files (names, the question, reasons) is the author's and the agents': it is put in
// as text, with Markdown's own characters escaped so a name cannot become a link or a heading.
import type { HypothesisResult, ModelHypothesis, StudyResult } from './studyResult';
import { pushAll } from '../text/pushAll';

/** A user's text inside Markdown: characters that would start markup escaped, lines joined. */
export function mdText(s: unknown): string {
  return String(s ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_[\]|<>~])/g, '\\$1');
}

export function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(2);
  return Number(x.toPrecision(digits)).toString();
}

export function ciText(ci: [number, number] | null, level: number): string {
  return ci ? `${(100 * level).toPrecision(level > 0.99 ? 4 : 3)}% CI ${num(ci[0])} … ${num(ci[1])}` : 'no interval';
}

export function pText(p: number | null | undefined): string {
  if (p === null || p === undefined) return '—';
  return p < 1e-4 ? p.toExponential(1) : num(p, 2);
}

const VERDICT_WORDS: Record<string, string> = {
  supported: 'supported',
  contradicted: 'contradicted (the other way)',
  negligible: 'negligible (within the smallest effect of interest)',
  inconclusive: 'inconclusive',
  untested: 'not tested',
  mixed: 'mixed across models',
};

export const verdictWords = (v: string): string => VERDICT_WORDS[v] ?? v;

function modelLine(m: ModelHypothesis): string {
  const mark = m.rests_on_lost_decisions ? ' ⚠ rests on runs that lost more than 5% of their model decisions' : '';
  return `| ${mdText(m.model)} | ${num(m.effect)} | ${ciText(m.ci, m.level)} | ${m.test} | ${m.n} | ${pText(m.p)} | ${pText(m.p_holm)} | **${verdictWords(m.verdict)}**${mark} |`;
}

function mechanismLines(h: HypothesisResult): string[] {
  const out: string[] = [];
  for (const m of h.models) {
    out.push(`On **${mdText(m.model)}**:`);
    for (const c of m.mechanisms) {
      const top = c.drivers
        .slice(0, 3)
        .map((d) => `${mdText(d.driver)} (${d.count})`)
        .join('; ');
      const talk = c.messages
        ? ` Talk: ${c.messages_on_the_decision} of ${c.messages} messages mention the decision.`
        : '';
      out.push(`- ${mdText(c.condition)}: ${c.decisions} decisions${top ? `, driven by ${top}` : ''}.${talk}`);
    }
    if (m.rule_contrasts.length) {
      const moved = m.rule_contrasts
        .slice(0, 4)
        .map((r) => `${mdText(r.rule)} ${r.contrast > 0 ? '+' : ''}${num(r.contrast, 2)}`)
        .join(', ');
      out.push(
        `- What moved between the conditions (each named rule's mean push per decision, as the effect weighs them): ${moved}.`,
      );
    }
    if (m.single_driver) out.push(`- **Flag:** ${mdText(m.single_driver)}`);
  }
  return out;
}

function qualityLines(h: HypothesisResult): string[] {
  const offline = h.models.filter((m) => m.offline).map((m) => mdText(m.model));
  const said = offline.length
    ? [
        `${offline.join(', ')}: the offline rule-based model decides without a model call, so no decision can fail or be lost.`,
        '',
      ]
    : [];
  const asked = h.models.filter((m) => !m.offline);
  if (!asked.length) return said;
  const rows = asked.flatMap((m) =>
    m.data_quality.map(
      (d) =>
        `| ${mdText(m.model)} | ${mdText(d.condition)} | ${d.model_decisions} | ${d.failed} | ${d.fell_back} | ${d.reasked} | ${d.unasked} | ${d.fatal} | ${(100 * d.lost_share).toFixed(1)}% |`,
    ),
  );
  return [
    ...said,
    '| model | condition | model decisions | failed | fell back | re-asked | never asked | fatal | lost |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ];
}

export function studyMarkdown(r: StudyResult): string {
  const L: string[] = [];
  L.push(`# ${mdText(r.name)}`, '');
  if (r.partial) {
    L.push('> **Partial:** the study was stopped before its plan finished; the figures cover the runs made.', '');
  }
  L.push(`**Question.** ${mdText(r.question)}`, '');
  L.push('## Methods', '');
  const w = r.methods.world;
  L.push(
    `**World.** ${mdText(w.scenario)}${w.description ? `: ${mdText(w.description)}` : ''} ${w.agents} agents, ${w.rounds} rounds` +
      `${w.actions.length ? `; actions ${w.actions.map(mdText).join(', ')}` : ''}${w.quantities.length ? `; quantities ${w.quantities.map(mdText).join(', ')}` : ''}.`,
    '',
  );
  L.push('**Conditions.**', '');
  for (const c of r.methods.conditions) {
    const set = Object.entries(c.set).map(([k, v]) => `\`${mdText(k)}\` = ${mdText(JSON.stringify(v))}`);
    L.push(`- ${mdText(c.name)}${set.length ? `: ${set.join(', ')}` : ''}`);
  }
  L.push('', '**Models.**', '');
  for (const m of r.methods.models) {
    const id =
      m.provider === 'offline'
        ? 'the offline rule-based model (not an LLM)'
        : `${m.provider} ${mdText(m.model ?? '')}${m.base_url ? ` at ${mdText(m.base_url)}` : ''}`;
    const weights = m.sha256 ? `, file sha256 ${m.sha256.slice(0, 16)}…` : '';
    const knobs = [
      m.temperature !== undefined ? `temperature ${m.temperature}` : '',
      m.seed !== undefined ? `seed ${m.seed}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const spent =
      m.provider !== 'offline' && m.usage.calls
        ? `; ${m.usage.calls} model calls, ${m.usage.input_tokens + m.usage.output_tokens} tokens, $${m.usage.cost_usd.toFixed(2)}`
        : '';
    L.push(
      `- **${mdText(m.name)}**: ${id}${weights}${knobs ? ` (${knobs})` : ''}; ${m.runs} runs, seeds ${m.seeds_run.length ? `${m.seeds_run[0]}–${m.seeds_run.at(-1)}` : 'none'} over ${m.looks_run} look${m.looks_run === 1 ? '' : 's'}${m.stopped_early ? ' (stopped early: every hypothesis decided)' : ''}${m.partial ? ' (partial)' : ''}${spent}.`,
    );
  }
  L.push('', `**Seeds.** ${mdText(r.methods.seeds.rule)}`, '', `**Statistics.** ${r.methods.statistics}`, '');
  L.push('## Results', '');
  for (const h of r.hypotheses) {
    L.push(`### ${mdText(h.id)}: ${mdText(h.text)}`, '');
    L.push(
      `Effect: ${mdText(h.effect_definition)} on \`${mdText(h.metric)}\`, expected ${h.expect === 'higher' ? 'above' : 'below'} 0; smallest effect of interest ${num(h.smallest_effect)}. ` +
        `Across models: **${verdictWords(h.verdict)}**${h.holds_on_every_model ? ' — it holds on every model' : h.models.length > 1 ? ' — it does not hold on every model' : ''}.`,
      '',
    );
    L.push(
      '| model | effect | interval | test | seeds | p | p (Holm) | verdict |',
      '| --- | ---: | --- | --- | ---: | ---: | ---: | --- |',
    );
    for (const m of h.models) L.push(modelLine(m));
    const notes = h.models.filter((m) => m.note).map((m) => `- ${mdText(m.model)}: ${mdText(m.note)}`);
    if (notes.length) pushAll(L, ['', ...notes]);
    L.push('');
  }
  L.push('## Validity', '');
  pushAll(L, [...validityLines(r), '']);
  L.push('## Mechanisms', '');
  for (const h of r.hypotheses) pushAll(L, [`### ${mdText(h.id)}`, '', ...mechanismLines(h), '']);
  L.push('## Data quality', '');
  for (const h of r.hypotheses) pushAll(L, [`### ${mdText(h.id)}`, '', ...qualityLines(h), '']);
  L.push('## Preregistration', '');
  L.push(
    `Frozen ${r.preregistration.written_at} in \`${mdText(r.preregistration.file)}\` (sha256 ${r.preregistration.hash.slice(0, 16)}…).`,
    '',
  );
  if (r.preregistration.deviations.length) {
    pushAll(L, [
      '**Deviations from the preregistered plan:**',
      '',
      ...r.preregistration.deviations.map((d) => `- ${mdText(d.text)}`),
      '',
    ]);
  } else {
    L.push('No deviation from the preregistered plan.', '');
  }
  L.push('## Provenance', '');
  L.push(
    `${mdText(r.provenance.product)} ${mdText(r.provenance.version)}, Node ${mdText(r.provenance.node)}; written ${r.provenance.written_at}.`,
    '',
  );
  L.push(`Reproduce: \`${mdText(r.provenance.command)}\``, '');
  pushAll(L, [
    '| file | sha256 |',
    '| --- | --- |',
    ...r.provenance.files.map((f) => `| ${mdText(f.path)} | \`${f.sha256}\` |`),
    '',
  ]);
  return `${L.join('\n')}\n`;
}

export function validityLines(r: StudyResult): string[] {
  const v = r.validity;
  const out: string[] = [];
  if (v.unanchored.length) {
    out.push(
      `No human figure anchors ${v.unanchored.length === r.methods.conditions.length ? 'any condition of this design' : `${v.unanchored.length} of its ${r.methods.conditions.length} conditions`}: ` +
        `${v.unanchored.map((c) => `'${mdText(c)}'`).join(', ')} ${v.unanchored.length === 1 ? 'is' : 'are'} unanchored — no experiment with people in the validation library or the study's own data ` +
        `measures ${v.unanchored.length === 1 ? 'it' : 'them'}, so whether people behave so there is not known from this study.`,
      '',
    );
  }
  for (const a of v.anchored) {
    const scores = Object.entries(a.scores)
      .map(([m, s]) => `${mdText(m)}: ${s.inside} of ${s.scored} inside their band or the right way`)
      .join('; ');
    const people = a.figures.some((f) => f.subjects === 'people');
    const whom = people ? 'anchored to' : 'compared with the simulated agents (not people) of';
    out.push(`'${mdText(a.condition)}' is ${whom} '${mdText(a.as)}' of ${mdText(a.entry_title)} (${scores}):`, '');
    out.push(
      `| figure | ${people ? 'people' : 'published agents'} | ${Object.keys(a.scores).map(mdText).join(' | ')} |`,
      `| --- | --- |${Object.keys(a.scores)
        .map(() => ' --- |')
        .join('')}`,
    );
    for (const f of a.figures) {
      const cells = Object.keys(a.scores).map(
        (m) => `${num(f.models[m]?.simulated)} (${mdText(f.models[m]?.verdict ?? '—')})`,
      );
      out.push(`| ${mdText(f.label)} | ${mdText(f.human)} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  for (const p of v.problems) out.push(`- ⚠ ${mdText(p)}`);
  if (!v.anchored.length && v.library.length) {
    out.push(
      `The validation library holds human experiments for: ${v.library.map((e) => `${mdText(e.id)} (${e.conditions.map(mdText).join(', ')})`).join('; ')}. ` +
        'A study condition that matches one of them can be anchored with `validity.anchors`.',
    );
  }
  return out;
}
