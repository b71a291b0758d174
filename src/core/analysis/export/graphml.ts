// GraphML export of a tie network (for Gephi, Cytoscape, NetworkX, igraph): node attributes as
// typed <key>s and the tie strength as the edge `weight`. Hand-written: graphology-graphml only
// parses.
import { escapeXml, escapeXmlAttribute } from '../../text/markup';
import type { TieGraph } from '../metrics/tieGraph';
import { nodeId } from '../metrics/nodeKeys';

type GraphmlType = 'boolean' | 'double' | 'string';

interface KeySpec {
  id: string;
  name: string;
  type: GraphmlType;
}

function graphmlType(values: unknown[]): GraphmlType {
  const present = values.filter((v) => v !== undefined && v !== null);
  if (present.length > 0 && present.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'double';
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

function dataText(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function dataElements(keys: KeySpec[], attrs: Record<string, unknown>): string {
  return (
    keys
      .filter((key) => attrs[key.name] !== undefined && attrs[key.name] !== null)
      // escapeXml: a literal CR (or NEL, LINE SEPARATOR) in element text would read back as a line feed.
      .map((key) => `<data key="${key.id}">${escapeXml(dataText(attrs[key.name]))}</data>`)
      .join('')
  );
}

function keySpecs(prefix: string, records: Record<string, unknown>[]): KeySpec[] {
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return names.map((name, i) => ({ id: `${prefix}${i}`, name, type: graphmlType(records.map((r) => r[name])) }));
}

/** The directed tie network as a GraphML document (UTF-8). */
export function toGraphML(graph: TieGraph): string {
  const nodeKeys = keySpecs(
    'n',
    graph.mapNodes((_node, attrs) => attrs),
  );
  const edgeKeys = keySpecs(
    'e',
    graph.mapEdges((_edge, attrs) => attrs),
  );
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map(
      (k) => `  <key id="${k.id}" for="node" attr.name="${escapeXmlAttribute(k.name)}" attr.type="${k.type}"/>`,
    ),
    ...edgeKeys.map(
      (k) => `  <key id="${k.id}" for="edge" attr.name="${escapeXmlAttribute(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <graph id="ties" edgedefault="directed">',
    ...graph.mapNodes(
      (node, attrs) => `    <node id="${escapeXmlAttribute(nodeId(node))}">${dataElements(nodeKeys, attrs)}</node>`,
    ),
    ...graph.mapEdges(
      (_edge, attrs, source, target) =>
        `    <edge source="${escapeXmlAttribute(nodeId(source))}" target="${escapeXmlAttribute(nodeId(target))}">${dataElements(edgeKeys, attrs)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ];
  return lines.join('\n');
}
