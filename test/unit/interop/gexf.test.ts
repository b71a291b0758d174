// GEXF 1.3 export, static and dynamic over rounds: well-formed XML (strict parser) whatever the
// persona strings hold, and exactly the tie network the analysis layer computes at every round.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toDynamicGexf, toGexf } from '../../../src/core/analysis/export/gexf';
import { tieTimeline } from '../../../src/core/analysis/export/tieTimeline';
import { traceTieNetwork, type LoadedTrace } from '../../../src/core/analysis/metrics/traceNetwork';
import { reportScenario, runTrace } from '../analysis/runTrace';
import { parseStrictXml } from '../analysis/xml';

const HOSTILE = `<Zoë & "Bob"> 'x' \u0001\u0007\u001b\u0000end`;
const WITHOUT_CONTROLS = `<Zoë & "Bob"> 'x' end`;

type El = ReturnType<typeof parseStrictXml>['documentElement'] & {};
const children = (el: El, tag: string): El[] => Array.from(el.getElementsByTagName(tag)) as unknown as El[];

function spellsCover(el: El, round: number): boolean {
  return children(el, 'spell').some(
    (s) => Number(s.getAttribute('start')) <= round && round <= Number(s.getAttribute('end')),
  );
}

describe('GEXF export', function () {
  let trace: LoadedTrace;

  before(async () => {
    const scenario = reportScenario(12, 6);
    scenario.personas[2].name = HOSTILE;
    scenario.personas[3].occupation = HOSTILE;
    const run = await runTrace(scenario);
    trace = { ...run, lastRound: run.events.reduce((m, e) => Math.max(m, e.round), 0), complete: true };
  });

  it('static: well-formed GEXF 1.3 with labelled agents, typed attributes and weighted directed ties', () => {
    const graph = traceTieNetwork(trace);
    const doc = parseStrictXml(toGexf(graph, { description: HOSTILE }));
    const root = doc.documentElement!;
    assert.equal(root.nodeName, 'gexf');
    assert.equal(root.getAttribute('xmlns'), 'http://gexf.net/1.3');
    assert.equal(root.getAttribute('version'), '1.3');
    const graphEl = children(root, 'graph')[0];
    assert.equal(graphEl.getAttribute('defaultedgetype'), 'directed');
    const titles = new Map(
      children(root, 'attribute').map((a) => [a.getAttribute('id'), [a.getAttribute('title'), a.getAttribute('type')]]),
    );
    assert.deepEqual(
      [...titles.values()].find(([t]) => t === 'openness'),
      ['openness', 'double'],
    );
    assert.deepEqual(
      [...titles.values()].find(([t]) => t === 'group'),
      ['group', 'string'],
    );
    const nodes = children(root, 'node');
    assert.equal(nodes.length, graph.order);
    assert.equal(nodes.find((n) => n.getAttribute('id') === 'p2')!.getAttribute('label'), WITHOUT_CONTROLS);
    assert.equal(nodes.find((n) => n.getAttribute('id') === 'p0')!.getAttribute('label'), '<script>alert(1)</script>');
    const p3 = nodes.find((n) => n.getAttribute('id') === 'p3')!;
    const occupationId = [...titles.entries()].find(([, [t]]) => t === 'occupation')![0];
    assert.equal(
      children(p3, 'attvalue')
        .find((a) => a.getAttribute('for') === occupationId)!
        .getAttribute('value'),
      WITHOUT_CONTROLS,
    );
    const edges = children(root, 'edge');
    assert.equal(edges.length, graph.size);
    for (const edge of edges) {
      assert.equal(
        Number(edge.getAttribute('weight')),
        graph.getDirectedEdgeAttribute(edge.getAttribute('source')!, edge.getAttribute('target')!, 'weight'),
      );
    }
    assert.equal(new Set(edges.map((e) => e.getAttribute('id'))).size, edges.length);
    assert.equal(doc.getElementsByTagName('script').length, 0);
  });

  it("dynamic: at every round the ties whose spells cover it are that round's network, with its strengths", () => {
    const doc = parseStrictXml(toDynamicGexf(tieTimeline(trace.header, trace.events), { description: 'over rounds' }));
    const root = doc.documentElement!;
    const graphEl = children(root, 'graph')[0];
    assert.equal(graphEl.getAttribute('mode'), 'dynamic');
    assert.equal(graphEl.getAttribute('timeformat'), 'integer');
    assert.equal(graphEl.getAttribute('end'), String(trace.lastRound));
    const edges = children(root, 'edge');
    assert.ok(edges.length > 0);
    for (let round = 0; round <= trace.lastRound; round++) {
      const graph = traceTieNetwork(trace, round);
      const present = edges.filter((e) => spellsCover(e, round));
      assert.equal(present.length, graph.size, `round ${round}`);
      for (const edge of present) {
        const [source, target] = [edge.getAttribute('source')!, edge.getAttribute('target')!];
        const value = children(edge, 'attvalue').find(
          (a) => Number(a.getAttribute('start')) <= round && round <= Number(a.getAttribute('end')),
        );
        assert.equal(
          Number(value?.getAttribute('value')),
          graph.getDirectedEdgeAttribute(source, target, 'weight'),
          `${source}->${target} at ${round}`,
        );
      }
      assert.equal(children(root, 'node').filter((n) => spellsCover(n, round)).length, graph.order);
    }
  });

  it('stays well-formed for any persona strings, and reads back what XML can carry', () => {
    const xmlCarries = (s: string) =>
      s.replace(
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '',
      );
    const name = fc.string({ unit: 'binary', maxLength: 20 });
    // Ids are prefixed: graphology 0.26 mistakes a node called "constructor" or "toString" for an existing neighbour.
    const id = fc.string({ minLength: 1, maxLength: 8 }).map((s) => `id:${s}`);
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 2, maxLength: 5 }), name, name, (ids, label, group) => {
        const graph = graphFromTies(
          ids.map((id) => ({ id, attrs: { name: label, group, openness: 0.5 } })),
          [{ from: ids[0], to: ids[1], strength: 0.9 }],
          0.5,
        );
        const doc = parseStrictXml(toGexf(graph, { description: label }));
        const nodes = children(doc.documentElement!, 'node');
        assert.deepEqual(
          nodes.map((n) => n.getAttribute('id')),
          ids.map(xmlCarries),
        );
        for (const n of nodes) assert.equal(n.getAttribute('label'), xmlCarries(label));
        assert.equal(children(doc.documentElement!, 'edge').length, 1);
      }),
      { numRuns: 300, examples: [[['id:\u0085', 'id:\u2028\t\r\n'], 'a\u0085b\u2028c\r\nd\te', 'g\rh']] },
    );
  });

  it('reads back in NetworkX when python3 has it (not required)', function () {
    const probe = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
    if (probe.status !== 0) this.skip();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'society-gexf-'));
    try {
      const graph = traceTieNetwork(trace);
      writeFileSync(path.join(dir, 'static.gexf'), toGexf(graph));
      writeFileSync(path.join(dir, 'dynamic.gexf'), toDynamicGexf(tieTimeline(trace.header, trace.events)));
      const script =
        'import json, sys, networkx as nx\n' +
        'out = {}\n' +
        'for name in ["static", "dynamic"]:\n' +
        '    g = nx.read_gexf(sys.argv[1] + "/" + name + ".gexf")\n' +
        '    out[name] = [g.is_directed(), g.number_of_nodes(), g.number_of_edges(), g.nodes["p2"]["label"]]\n' +
        'print(json.dumps(out))\n';
      const result = spawnSync('python3', ['-c', script, dir], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      const read = JSON.parse(result.stdout) as Record<string, [boolean, number, number, string]>;
      assert.deepEqual(read.static, [true, graph.order, graph.size, WITHOUT_CONTROLS]);
      assert.equal(read.dynamic[1], graph.order);
      assert.ok(read.dynamic[2] >= graph.size);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
