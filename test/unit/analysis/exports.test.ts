// GraphML and CSV exports of a tie network, and markup escaping.
import assert from 'node:assert/strict';
import { DirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { graphFromFixture, readGraphFixture } from '../../../src/core/analysis/metrics/graphFixture';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';
import { toGraphML } from '../../../src/core/analysis/export/graphml';
import { escapeMarkup, escapeXml, escapeXmlAttribute } from '../../../src/core/text/markup';
import { toTiesCsv } from '../../../src/core/analysis/export/tiesCsv';
import { graphFixturesDir } from './sharedFixtures';
import { parseStrictXml } from './xml';
import path from 'node:path';

const hostile = '<script>alert(1)</script> & "quotes" \'apos\'';

function tricky() {
  return graphFromTies(
    [
      { id: 'maya', attrs: { name: hostile, group: 'a&b', openness: 0.8, coached: true } },
      { id: 'li"<x>', attrs: { name: 'Li', openness: 0.25, coached: false, interests: ['x', 'y'] } },
      { id: 'sam', attrs: { name: 'Sam, "the" man\nnewline\r\nand\rreturn\u0085nel\u2028ls', group: 'c' } },
    ],
    [
      { from: 'maya', to: 'li"<x>', strength: 0.75 },
      { from: 'li"<x>', to: 'maya', strength: 0.5 },
      { from: 'sam', to: 'maya', strength: 0.9 },
      { from: 'maya', to: 'sam', strength: 0.1 },
    ],
    0.5,
  );
}

describe('escapeMarkup', () => {
  it('escapes the five markup characters and drops characters XML cannot carry', () => {
    assert.equal(
      escapeMarkup(hostile),
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;apos&#39;',
    );
    assert.equal(escapeMarkup('a\u0000b\u001Fc\td\ud800e'), 'abc\tde');
    assert.equal(escapeMarkup('😀'), '😀');
  });

  it('for XML files, keeps every line end and, in attributes, tabs and newlines as written', () => {
    // An XML parser rewrites CR, NEL and LINE SEPARATOR as line feeds (xmldom, XML 1.1) and turns
    // whitespace in attribute values into spaces; HTML must keep NEL raw (it reads &#133; as "…").
    const text = 'a\rb\r\nc\u0085d\u2028e\tf\ng';
    assert.equal(escapeMarkup(text), text);
    assert.equal(escapeXml(text), 'a&#13;b&#13;\nc&#133;d&#8232;e\tf\ng');
    assert.equal(escapeXmlAttribute(text), 'a&#13;b&#13;&#10;c&#133;d&#8232;e&#9;f&#10;g');
    const doc = parseStrictXml(`<a x="${escapeXmlAttribute(text)}">${escapeXml(text)}</a>`);
    assert.equal(doc.documentElement!.getAttribute('x'), text);
    assert.equal(doc.documentElement!.textContent, text);
  });
});

describe('toGraphML', () => {
  it('is well-formed GraphML with typed node attributes and edge weights', () => {
    const xml = toGraphML(tricky());
    const doc = parseStrictXml(xml);
    assert.equal(doc.documentElement!.nodeName, 'graphml');
    const keys = Array.from(doc.getElementsByTagName('key')).map((k) => [
      k.getAttribute('for'),
      k.getAttribute('attr.name'),
      k.getAttribute('attr.type'),
    ]);
    assert.deepEqual(keys, [
      ['node', 'name', 'string'],
      ['node', 'group', 'string'],
      ['node', 'openness', 'double'],
      ['node', 'coached', 'boolean'],
      ['node', 'interests', 'string'],
      ['edge', 'weight', 'double'],
    ]);
    assert.equal(doc.getElementsByTagName('graph')[0].getAttribute('edgedefault'), 'directed');
    assert.equal(doc.getElementsByTagName('node').length, 3);
    assert.equal(doc.getElementsByTagName('edge').length, 3);
    assert.equal(doc.getElementsByTagName('script').length, 0);
  });

  it('round-trips through graphology-graphml', () => {
    const original = tricky();
    const back = parseGraphml(DirectedGraph, toGraphML(original));
    assert.deepEqual(back.nodes(), original.nodes());
    assert.equal(back.getNodeAttribute('maya', 'name'), hostile);
    assert.equal(
      back.getNodeAttribute('sam', 'name'),
      'Sam, "the" man\nnewline\r\nand\rreturn\u0085nel\u2028ls',
      'line ends kept as written',
    );
    assert.equal(back.getNodeAttribute('maya', 'openness'), 0.8);
    assert.equal(back.getNodeAttribute('li"<x>', 'coached'), false);
    assert.equal(back.getNodeAttribute('li"<x>', 'interests'), '["x","y"]');
    assert.deepEqual(
      back.mapEdges((_e, a, s, t) => [s, t, a.weight]),
      original.mapEdges((_e, a, s, t) => [s, t, a.weight]),
    );
  });

  it('exports a reference fixture completely', () => {
    const graph = graphFromFixture(readGraphFixture(path.join(graphFixturesDir(), 'graph-104.json')));
    const back = parseGraphml(DirectedGraph, toGraphML(graph));
    assert.equal(back.order, graph.order);
    assert.equal(back.size, graph.size);
    graph.forEachNode((node, attrs) => assert.deepEqual(back.getNodeAttributes(node), attrs));
  });
});

describe('toTiesCsv', () => {
  it('has a header and one row per tie, quoting where needed', () => {
    const csv = toTiesCsv(tricky());
    const lines = csv.split('\r\n');
    assert.equal(lines.pop(), '');
    assert.deepEqual(lines, [
      'Source,Target,Type,Weight',
      'maya,"li""<x>",Directed,0.75',
      '"li""<x>",maya,Directed,0.5',
      'sam,maya,Directed,0.9',
    ]);
  });

  it('has as many rows as the graph has ties', () => {
    const graph = graphFromFixture(readGraphFixture(path.join(graphFixturesDir(), 'graph-100.json')));
    const rows = toTiesCsv(graph).trimEnd().split('\r\n').slice(1);
    assert.equal(rows.length, graph.size);
    for (const row of rows) {
      const [from, to, , strength] = row.split(',');
      assert.equal(graph.getDirectedEdgeAttribute(from, to, 'weight'), Number(strength));
    }
  });
});
