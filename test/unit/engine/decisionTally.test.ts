// Every failure an event (issue 86): a survey re-asked or failed twice, a speak that failed and
// the partner's rating it took with it, all against a real OpenAI-compatible endpoint; the
// per-kind tally of the trace (tallyDecisions) counts them, the closing summary's warning and
// its model line say the same number of failures, and "model calls" counts calls, re-asks included.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { readTrace } from '../../../src/core/trace/reader';
import { DECISION_EVENTS, tallyDecisions, decisionTotals } from '../../../src/core/trace/decisionTally';
import { RESPONSE_FORMATS } from '../../../src/core/llm/types';
import { reply, useFakeOpenAI, type FakeRequest } from '../../support/fakeOpenAI';
import { allowKeyTo } from '../../support/llmFixtures';
import { quietly } from '../../support/quietly';
import { buildRunReport } from '../../../src/core/analysis/report/reportModel';
import { reportMetricsJson } from '../../../src/core/analysis/report/reportFiles';
import { renderReportHtml } from '../../../src/core/analysis/report/reportHtml';
import { scenarioFromText, traceOf } from './traceHelpers';
import { experimentCommand } from '../../../src/cli/commands/experiment';
import { sumDecisions } from '../../../src/core/analysis/report/decisionsSection';

function scenario(dir: string, url: string): string {
  const file = path.join(dir, 'tally.society');
  fs.writeFileSync(
    file,
    [
      'kind: scenario',
      'name: Tally',
      'seed: 3',
      'personas:',
      '  - { id: maya, name: Maya Chen, interests: [bouldering] }',
      '  - { id: tom, name: Tom Nguyen, interests: [jazz] }',
      '  - { id: ana, name: Ana Silva, interests: [jazz] }',
      'world: { rounds: 1, encounters: { mode: random, per_round: 1 }, conversation: { turns: 1 } }',
      'instruments:',
      '  mood:',
      '    title: Mood',
      '    items:',
      '      - { id: m1, text: I am outgoing. }',
      '      - { id: m2, text: I keep to myself. }',
      'surveys:',
      '  - { instrument: mood, at: [start] }',
      `models: { default: { provider: openai, model: fake-model, base_url: "${url}", api_key_env: SOCIETY_TEST_FAKE_KEY, on_error: skip } }`,
    ].join('\n') + '\n',
  );
  return file;
}

const kindOf = (req: FakeRequest): string => req.body?.response_format?.json_schema?.name ?? '';
const text = (req: FakeRequest): string => JSON.stringify(req.body?.messages ?? []);

describe('decision tally: every failure an event, every count agreeing', function () {
  const fake = useFakeOpenAI();
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-tally-'));
    process.env.SOCIETY_TEST_FAKE_KEY = 'sk-test';
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.SOCIETY_TEST_FAKE_KEY;
    delete process.env.SOCIETY_ALLOW_KEYS;
  });

  it('the table of answer events names every decision kind', () => {
    assert.deepEqual(Object.values(DECISION_EVENTS).sort(), Object.keys(RESPONSE_FORMATS).sort());
  });

  it("survey re-asks and failures, a failed line and the rating it cost: events, tallied per kind, in the summary's counts", async () => {
    process.env.SOCIETY_ALLOW_KEYS = allowKeyTo(fake.server.url, 'SOCIETY_TEST_FAKE_KEY').join(',');
    let mayaSurveys = 0;
    fake.server.script = (req) => {
      const kind = kindOf(req);
      // Maya's survey: prose once, then a good answer (a re-ask); Tom's: prose twice (failed).
      if (kind === 'survey' && text(req).includes('Maya Chen') && mayaSurveys++ === 0) return reply.content('no idea');
      if (kind === 'survey' && text(req).includes('Tom Nguyen')) return reply.content('I would rather not');
      // Every line fails twice: the one member with a turn says nothing, so its partner is never asked to rate it.
      if (kind === 'speak') return reply.content('hello there');
      return undefined;
    };
    const out = path.join(dir, 'run');
    const {
      result,
      out: stdout,
      errors,
    } = await quietly(() => runCommand.run([scenario(dir, fake.server.url), '--out', out]));
    assert.equal(result, 0, errors);
    const trace = readTrace(fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8'));
    const errorsOf = (kind: string) => trace.events.filter((e) => e.type === 'error' && e.kind === kind);
    const surveyErrors = errorsOf('survey');
    assert.deepEqual(
      surveyErrors.map((e) => e.type === 'error' && [e.agent, e.handling, e.reason, e.reasked]),
      [
        ['maya', 'recovered', 'unparseable', true],
        ['tom', 'skipped', 'unparseable', true],
      ],
    );
    const encounters = trace.events.filter((e) => e.type === 'encounter').length;
    assert.ok(encounters >= 2);
    const rows = tallyDecisions(trace.events);
    const row = (kind: string) => rows.find((r) => r.kind === kind);
    assert.deepEqual(row('survey'), {
      kind: 'survey',
      asked: 3,
      answered: 2,
      reasked: 2,
      failed: 1,
      fell_back: 0,
      unasked: 0,
    });
    assert.deepEqual(row('speak'), {
      kind: 'speak',
      asked: encounters,
      answered: 0,
      reasked: encounters,
      failed: encounters,
      fell_back: 0,
      unasked: 0,
    });
    assert.deepEqual(row('evaluate'), {
      kind: 'evaluate',
      asked: 0,
      answered: 0,
      reasked: 0,
      failed: 0,
      fell_back: 0,
      unasked: encounters,
    });
    // The warning and the model line count the same failures; the calls line counts calls.
    const failed = encounters + 1;
    assert.match(errors, new RegExp(`warning: ${failed} model calls failed`));
    assert.match(stdout, new RegExp(`model default: .*, ${failed} failed, ${encounters + 2} re-asked`), stdout);
    assert.match(errors, new RegExp(`${encounters} decisions were never asked because an earlier one failed`));
    const totals = decisionTotals(rows);
    const line = /model calls: (\d+) calls \((\d+) decisions, (\d+) re-asked\)/.exec(stdout);
    assert.ok(line, stdout);
    assert.equal(Number(line[3]), totals.reasked);
    assert.equal(Number(line[1]), Number(line[2]) + totals.reasked);
    assert.equal(Number(line[1]), fake.server.chatRequests().length, 'every call one request: no retries here');

    // The report, metrics.json and the page say the same, from the same events.
    const report = buildRunReport(trace.header!, trace.events);
    assert.deepEqual(report.decisions, rows);
    assert.deepEqual(JSON.parse(reportMetricsJson(report)).decisions, rows);
    const html = renderReportHtml(report);
    assert.match(html, /<h2>Model decisions<\/h2>/);
    assert.match(
      html,
      /<tr><td>evaluate<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>\d+<\/td><\/tr>/,
    );
    assert.match(html, new RegExp(`<dt>Model calls</dt><dd>${line[1]} \\(${line[2]} decisions, ${line[3]} re-asked; `));
  });

  it("an experiment's runs carry their tallies; experiment.json sums them and its page shows the table", async () => {
    process.env.SOCIETY_ALLOW_KEYS = allowKeyTo(fake.server.url, 'SOCIETY_TEST_FAKE_KEY').join(',');
    fake.server.script = (req) => (kindOf(req) === 'speak' ? reply.content('hello there') : undefined);
    const out = path.join(dir, 'exp');
    const { result, errors } = await quietly(() =>
      experimentCommand.run([scenario(dir, fake.server.url), '--seeds', '1,2', '--out', out, '--no-traces', '--quiet']),
    );
    assert.equal(result, 0, errors);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'experiment.json'), 'utf8'));
    const perRun = json.runs.map((r: { faults: { decisions: unknown[] } }) => r.faults.decisions);
    assert.equal(perRun.length, 2);
    assert.deepEqual(json.decisions, sumDecisions(perRun));
    const speak = json.decisions.find((r: { kind: string }) => r.kind === 'speak');
    assert.ok(speak.failed > 0 && speak.failed === speak.asked && speak.reasked === speak.asked);
    const html = fs.readFileSync(path.join(out, 'experiment.html'), 'utf8');
    assert.match(html, /<h2>Model decisions<\/h2>/);
    assert.match(html, /Summed over the 2 runs/);
  });

  it('an offline run has no model decisions to lose: no table, no key in metrics.json', async () => {
    const sc = await scenarioFromText(
      fs.readFileSync(scenario(dir, 'http://127.0.0.1:9/v1'), 'utf8').replace(/^models:.*$/m, ''),
    );
    const trace = readTrace(await traceOf(sc));
    assert.deepEqual(tallyDecisions(trace.events), []);
    const report = buildRunReport(trace.header!, trace.events);
    assert.equal(JSON.parse(reportMetricsJson(report)).decisions, undefined);
    assert.doesNotMatch(renderReportHtml(report), /Model decisions/);
  });
});
