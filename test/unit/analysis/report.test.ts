// `society report`'s core: the report model, the HTML page (structure, strictness, escaping)
// and the exported files, on a real offline run.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseGraphml } from 'graphology-graphml';
import { DirectedGraph } from 'graphology';
import { DRIVERS } from '../../../src/core/format/model/model';
import type { RewardEvent, RoundEndEvent } from '../../../src/core/trace/events';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { reportMetricsJson, writeReportFiles } from '../../../src/core/analysis/report/reportFiles';
import { renderReportHtml } from '../../../src/core/analysis/report/reportHtml';
import { buildRunReport, type RunReport } from '../../../src/core/analysis/report/reportModel';
import { seededRandom } from '../../../src/core/random/seededRandom';
import {
  loadTrace,
  shapesNetwork,
  tieNetworkOf,
  traceTieNetwork,
} from '../../../src/core/analysis/metrics/traceNetwork';
import { replay } from '../../../src/core/replay/replay';
import { HOSTILE_NAME, reportScenario, runTrace, toJsonl } from './runTrace';
import { parseStrictXml } from './xml';
import { assertHeadingOutline } from './headings';
import { viewEmbed } from '../../../src/core/protocol/viewPage';
import { syntheticTrace } from '../../webview/fixtures';
import { scratchDir } from '../../support/scratch';

describe('society report (core)', function () {
  let trace: Awaited<ReturnType<typeof runTrace>>;
  let report: RunReport;
  let html: string;
  let dir: string;

  before(async () => {
    trace = await runTrace(reportScenario(18, 8));
    report = buildRunReport(trace.header, trace.events);
    html = renderReportHtml(report);
    dir = mkdtempSync(path.join(os.tmpdir(), 'society-report-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('model', () => {
    it('covers every round and ends at the last one', () => {
      assert.equal(report.round, 8);
      assert.ok(report.complete);
      assert.deepEqual(
        report.overRounds.map((r) => r.round),
        [0, 1, 2, 3, 4, 5, 6, 7, 8],
      );
      assert.equal(report.graph.order, 18);
    });

    it('counts the same ties per round as the engine reported', () => {
      const engineTies = trace.events
        .filter((e): e is RoundEndEvent => e.type === 'round_end')
        .map((e) => [e.round, e.stats.ties]);
      assert.ok(engineTies.length >= 8);
      for (const [round, ties] of engineTies) assert.equal(report.overRounds[round].ties, ties, `round ${round}`);
      assert.ok(report.metrics.edges > 0, 'the run forms ties');
    });

    it('computes the final metrics on the final ties', () => {
      const graph = traceTieNetwork({ ...trace, lastRound: 8, complete: true });
      assert.deepEqual(report.metrics, computeNetworkMetrics(graph, { rng: seededRandom(trace.header.seed) }));
      assert.equal(report.baseline.edges, report.metrics.edges);
      assert.equal(report.baseline.nodes, 18);
    });

    it('tracks tie turnover between consecutive rounds', () => {
      for (let i = 1; i < report.overRounds.length; i++) {
        const [before, after] = [report.overRounds[i - 1], report.overRounds[i]];
        assert.equal(after.ties, before.ties + after.gained! - after.lost!, `round ${after.round}`);
      }
      assert.equal(report.overRounds[0].jaccard, null);
    });

    it('averages raw rewards per driver and round', () => {
      const rewards = trace.events.filter((e): e is RewardEvent => e.type === 'reward' && e.round === 3);
      assert.ok(rewards.length > 0);
      for (const driver of DRIVERS) {
        const mean = rewards.reduce((s, e) => s + e.raw[driver], 0) / rewards.length;
        assert.ok(Math.abs(report.rewards.drivers[driver][2]! - mean) < 1e-12, driver);
      }
      assert.equal(report.rewards.rounds.length, 8);
    });
  });

  describe('HTML', () => {
    it('is well-formed, self-contained and script-free', () => {
      const doc = parseStrictXml(html, 'application/xhtml+xml');
      for (const tag of ['script', 'img', 'iframe', 'object', 'embed', 'link', 'foreignObject']) {
        assert.equal(doc.getElementsByTagName(tag).length, 0, `<${tag}> in the report`);
      }
      const all = Array.from(doc.getElementsByTagName('*'));
      for (const el of all) {
        for (const attr of Array.from(el.attributes)) {
          assert.ok(!/^on/i.test(attr.name), `event handler ${attr.name} on <${el.nodeName}>`);
          if (['href', 'src', 'xlink:href'].includes(attr.name)) {
            assert.ok(!/^[a-z]+:/i.test(attr.value) || attr.value.startsWith('url(#'), `remote ${attr.value}`);
          }
        }
      }
      assert.ok(!/https?:\/\/(?!www\.w3\.org\/)/.test(html), 'no remote URL other than XML namespaces');
    });

    it('declares a strict CSP whose style hash matches the page style', () => {
      const doc = parseStrictXml(html, 'application/xhtml+xml');
      const csp = Array.from(doc.getElementsByTagName('meta')).find(
        (m) => m.getAttribute('http-equiv') === 'Content-Security-Policy',
      )!;
      const policy = csp.getAttribute('content')!;
      assert.match(policy, /default-src 'none'/);
      assert.doesNotMatch(policy, /script-src|unsafe/);
      const styles = doc.getElementsByTagName('style');
      assert.equal(styles.length, 1);
      const hash = createHash('sha256').update(styles[0].textContent!, 'utf8').digest('base64');
      assert.ok(policy.includes(`'sha256-${hash}'`));
    });

    it('keeps hostile persona strings inert text', () => {
      assert.ok(!html.includes(HOSTILE_NAME));
      assert.ok(!html.includes('<img'));
      const doc = parseStrictXml(html, 'application/xhtml+xml');
      const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
      assert.ok(texts.includes(HOSTILE_NAME), 'the name is shown as text');
      assert.ok(texts.includes('<img src=x onerror=alert(2)>'), 'the group is shown as text in the legend');
    });

    it('escapes the scenario name and file in the title and run table', () => {
      const header = structuredClone(trace.header);
      header.scenario.name = '</title><script>alert(3)</script>';
      header.scenario.file = '"><script>alert(4)</script>.society';
      const page = renderReportHtml(buildRunReport(header, trace.events));
      const doc = parseStrictXml(page, 'application/xhtml+xml');
      assert.equal(doc.getElementsByTagName('script').length, 0);
      assert.equal(
        doc.getElementsByTagName('title')[0].textContent,
        'Society report: </title><script>alert(3)</script>',
      );
      assert.ok(!page.includes('<script>'));
    });

    it('has the network picture, the charts and the metrics table', () => {
      const doc = parseStrictXml(html, 'application/xhtml+xml');
      const svgs = Array.from(doc.getElementsByTagName('svg'));
      const network = svgs.find((s) => s.getAttribute('class') === 'network')!;
      const agents = Array.from(network.getElementsByTagName('g')).find((g) =>
        (g.getAttribute('class') ?? '').split(' ').includes('agents'),
      )!;
      assert.equal(agents.getElementsByTagName('circle').length, report.graph.order);
      const charts = svgs.filter((s) => s.getAttribute('class') === 'chart').map((s) => s.getAttribute('aria-label'));
      assert.deepEqual(charts, ['Density over rounds', 'The network over rounds', 'Reward per driver']);
      // Density has its own axis, scaled to its own values; the other chart is on 0..1 without it.
      const overRounds = svgs.find((s) => s.getAttribute('aria-label') === 'The network over rounds')!;
      assert.ok(!overRounds.textContent!.includes('density'));
      const rewardChart = svgs.find((s) => s.getAttribute('aria-label') === 'Reward per driver')!;
      assert.equal(rewardChart.getElementsByTagName('polyline').length, DRIVERS.length + 1);
      const table = Array.from(doc.getElementsByTagName('table')).find((t) => t.getAttribute('class') === 'metrics')!;
      assert.equal(
        table.getElementsByTagName('tbody')[0].getElementsByTagName('tr').length,
        Object.keys(report.metrics).length,
      );
      const rounds = Array.from(doc.getElementsByTagName('table')).find((t) => t.getAttribute('class') === 'rounds')!;
      assert.equal(rounds.getElementsByTagName('tbody')[0].getElementsByTagName('tr').length, 9);
      assert.match(html, /the offline rule-based model \(not an LLM\)/);
    });

    it('lets wide tables scroll in a wrapper of their own and wraps text only between words', () => {
      // QA at 390 px: the 10-column rounds table scrolled the whole page sideways, the Metric column
      // shrank to 60 px with words broken anywhere ("networ/k"), and nowrap values widened theirs.
      const doc = parseStrictXml(html, 'application/xhtml+xml');
      const tables = Array.from(doc.getElementsByTagName('table'));
      assert.deepEqual(
        tables.map((t) => t.getAttribute('class')),
        ['metrics', 'rounds'],
      );
      for (const table of tables) {
        const wrapper = table.parentNode as typeof table;
        assert.equal(wrapper.nodeName, 'div');
        assert.equal(
          wrapper.getAttribute('class'),
          'table-scroll',
          `the ${table.getAttribute('class')} table is not in a scroll wrapper`,
        );
        // A named region in the tab order, so a keyboard can scroll it.
        assert.equal(wrapper.getAttribute('role'), 'region');
        assert.ok(wrapper.getAttribute('aria-label'));
        assert.equal(wrapper.getAttribute('tabindex'), '0');
      }
      const style = doc.getElementsByTagName('style')[0].textContent!;
      const rule = (selector: string) =>
        new RegExp(`(^|\\n)${selector.replace(/[.]/g, '\\.')} \\{([^}]*)\\}`).exec(style)?.[2] ?? '';
      assert.match(rule('.table-scroll'), /overflow-x: auto/);
      assert.doesNotMatch(style, /overflow-wrap: anywhere|word-break: break-all/, 'words may break anywhere');
      assert.doesNotMatch(rule('td.num'), /nowrap/, 'long values (degree distributions) cannot wrap');
      // Metric keys may wrap after an underscore and still read (and copy) as the key.
      const codes = Array.from(doc.getElementsByTagName('code'));
      const keyed = codes.find((c) => c.textContent === 'out_degree_distribution')!;
      assert.equal(keyed.getElementsByTagName('wbr').length, 2);
      assert.deepEqual(
        codes.map((c) => c.textContent),
        Object.keys(report.metrics),
      );
    });

    it('has one h1 and headings that go down a level at a time, with the view or without', () => {
      assertHeadingOutline(html);
      const trace = syntheticTrace({ agents: 6, ties: 5 });
      const view = viewEmbed({ script: 'var a = 1;', style: 'a { color: red }' }, trace, { embedded: true });
      assertHeadingOutline(renderReportHtml(buildRunReport(trace.header, trace.events), { view }));
    });

    it('is deterministic', () => {
      assert.equal(renderReportHtml(buildRunReport(trace.header, trace.events)), html);
    });

    it('colours by Louvain community when no agent has the attribute', () => {
      const byTeam = buildRunReport(trace.header, trace.events, { attribute: 'team' });
      assert.equal(byTeam.attributePresent, false);
      assert.equal(byTeam.metrics.team_assortativity, null);
      const page = renderReportHtml(byTeam);
      assert.match(page, /Colour: Louvain community/);
      assert.match(page, />community 1</);
    });
  });

  describe('files', () => {
    it('writes report.html, metrics.json, series.csv, ties.graphml, ties.gexf and ties.csv', () => {
      const files = writeReportFiles(report, dir).map((f) => path.basename(f));
      assert.deepEqual(files, ['report.html', 'metrics.json', 'series.csv', 'ties.graphml', 'ties.gexf', 'ties.csv']);
      assert.equal(readFileSync(path.join(dir, 'report.html'), 'utf8'), html);
    });

    it('writes the page with the interactive view piece by piece, the same text as the page in one string', () => {
      const trace = syntheticTrace({ agents: 40, ties: 60 });
      const view = viewEmbed({ script: 'var a = 1;', style: 'a { color: red }' }, trace, { embedded: true });
      const withView = buildRunReport(trace.header, trace.events);
      const own = scratchDir('society-report-view-');
      writeReportFiles(withView, own, { view });
      const page = readFileSync(path.join(own, 'report.html'), 'utf8');
      assert.equal(page, renderReportHtml(withView, { view }));
      assert.ok(page.includes('<script type="application/json" id="society-trace">{"source"'));
      assert.ok(page.trimEnd().endsWith('</html>'));
    });

    it('metrics.json carries the final metrics, baseline, rounds and rewards', () => {
      const json = JSON.parse(reportMetricsJson(report));
      assert.deepEqual(json.network, JSON.parse(JSON.stringify(report.metrics)));
      assert.equal(json.round, 8);
      assert.equal(json.rounds.length, 9);
      const { nodes: n, edges: m } = report.baseline;
      assert.equal(json.random_baseline.expected_reciprocity, (m - 1) / (n * (n - 1) - 1));
      assert.equal(json.rewards.drivers.social.length, 8);
    });

    it('ties.graphml is well-formed and holds every agent and tie with attributes', () => {
      const xml = readFileSync(path.join(dir, 'ties.graphml'), 'utf8');
      parseStrictXml(xml);
      const back = parseGraphml(DirectedGraph, xml);
      assert.equal(back.order, report.graph.order);
      assert.equal(back.size, report.graph.size);
      assert.equal(back.getNodeAttribute('p0', 'name'), HOSTILE_NAME);
      assert.equal(back.getNodeAttribute('p2', 'group'), 'cooks');
      assert.equal(typeof back.getNodeAttribute('p2', 'openness'), 'number');
      report.graph.forEachEdge((_e, attrs, s, t) =>
        assert.equal(back.getDirectedEdgeAttribute(s, t, 'weight'), attrs.weight),
      );
    });

    it('ties.gexf is well-formed and holds every agent and tie', () => {
      const doc = parseStrictXml(readFileSync(path.join(dir, 'ties.gexf'), 'utf8'));
      assert.equal(doc.documentElement!.getAttribute('version'), '1.3');
      assert.equal(doc.getElementsByTagName('node').length, report.graph.order);
      assert.equal(doc.getElementsByTagName('edge').length, report.graph.size);
    });

    it('ties.csv has one row per tie', () => {
      const rows = readFileSync(path.join(dir, 'ties.csv'), 'utf8').trimEnd().split('\r\n');
      assert.equal(rows[0], 'Source,Target,Type,Weight');
      assert.equal(rows.length - 1, report.metrics.edges);
      for (const row of rows.slice(1)) {
        const [from, to, type, strength] = row.split(',');
        assert.equal(type, 'Directed');
        assert.ok(Number(strength) >= report.settings.ties.threshold);
        assert.equal(report.graph.getDirectedEdgeAttribute(from, to, 'weight'), Number(strength));
      }
    });
  });

  describe('trace loading', () => {
    it('reads a trace file and reports bad lines with file and line', async () => {
      const file = path.join(dir, 'trace.jsonl');
      writeFileSync(file, toJsonl(trace));
      assert.equal((await loadTrace(file, () => true)).events.length, trace.events.length);
      const network = await loadTrace(file);
      assert.equal(network.events.length, trace.events.filter(shapesNetwork).length);
      assert.ok(network.events.length < trace.events.length / 2, 'messages, memories and the like are not kept');
      assert.equal(network.lastRound, Math.max(...trace.events.map((e) => e.round)));
      for (let r = 0; r <= network.lastRound; r++) {
        const fromAll = tieNetworkOf(replay(trace.header, trace.events, r));
        const fromNetwork = traceTieNetwork(network, r);
        // (edge keys are a process-wide counter of graphology's: compared without them)
        const plain = (g: typeof fromAll) => ({
          nodes: g.export().nodes,
          edges: g.mapEdges((_k, attrs, source, target) => ({ source, target, attrs })),
        });
        assert.deepEqual(
          plain(fromNetwork),
          plain(fromAll),
          `round ${r}: the network from the kept events is the full replay's`,
        );
      }
      const broken = path.join(dir, 'broken.jsonl');
      const lines = toJsonl(trace).split('\n');
      lines[3] = '{not json';
      writeFileSync(broken, lines.join('\n'));
      await assert.rejects(loadTrace(broken), (err: Error) => err.message.startsWith(`${broken}:4: invalid JSON`));
    });
  });
});
