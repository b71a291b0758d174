// The graph fixture format (shared/fixtures/graphs/graph-*.json, and what `society metrics`
// reads): nodes with attributes, weighted directed edges, and optionally the `expected` metrics
// computed by NetworkX.
import { readFileSync } from 'node:fs';
import { createTieGraph, type TieGraph } from './tieGraph';
import { nodeKey } from './nodeKeys';
import { ioReason } from '../../files/ioReason';

export interface FixtureNode {
  id: string;
  [attribute: string]: unknown;
}
export interface FixtureEdge {
  source: string;
  target: string;
  weight?: number;
}
export type ExpectedMetrics = Record<string, number | null>;

export interface GraphFixture {
  nodes: FixtureNode[];
  edges: FixtureEdge[];
  expected?: ExpectedMetrics;
}

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape of parsed JSON; `where` names the source in error messages. */
export function parseGraphFixture(json: unknown, where = 'graph'): GraphFixture {
  if (!isRecord(json)) fail(where, 'expected a JSON object with "nodes" and "edges"');
  const { nodes, edges, expected } = json;
  if (!Array.isArray(nodes)) fail(where, '"nodes" must be an array');
  if (!Array.isArray(edges)) fail(where, '"edges" must be an array');
  nodes.forEach((node, i) => {
    if (!isRecord(node) || (typeof node.id !== 'string' && typeof node.id !== 'number')) {
      fail(where, `nodes[${i}] must be an object with a string "id"`);
    }
  });
  edges.forEach((edge, i) => {
    if (
      !isRecord(edge) ||
      (typeof edge.source !== 'string' && typeof edge.source !== 'number') ||
      (typeof edge.target !== 'string' && typeof edge.target !== 'number')
    ) {
      fail(where, `edges[${i}] must be an object with "source" and "target"`);
    }
    if (edge.weight !== undefined && typeof edge.weight !== 'number') {
      fail(where, `edges[${i}].weight must be a number`);
    }
  });
  if (expected !== undefined) {
    if (!isRecord(expected)) fail(where, '"expected" must be an object');
    for (const [key, value] of Object.entries(expected)) {
      if (value !== null && typeof value !== 'number') fail(where, `expected.${key} must be a number or null`);
    }
  }
  return {
    nodes: (nodes as Record<string, unknown>[]).map((n) => ({ ...n, id: String(n.id) })),
    edges: (edges as Record<string, unknown>[]).map((e) => ({
      source: String(e.source),
      target: String(e.target),
      ...(e.weight === undefined ? {} : { weight: e.weight as number }),
    })),
    ...(expected === undefined ? {} : { expected: expected as ExpectedMetrics }),
  };
}

/** Reads and checks a fixture file. */
export function readGraphFixture(file: string): GraphFixture {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    fail(file, `cannot read it: ${ioReason(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    // A .society or other non-JSON file handed in by mistake: say what is expected, not just the parser's complaint.
    fail(
      file,
      `not a graph JSON file (nodes and edges, or a trace .jsonl): ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return parseGraphFixture(json, file);
}

/** The fixture as a directed tie network; edge weights default to 1. */
export function graphFromFixture(fixture: GraphFixture, where = 'graph'): TieGraph {
  const graph = createTieGraph();
  // Ids as keys graphology can hold (nodeKeys.ts): `constructor`, `__proto__` and the like are ids too.
  for (const { id, ...attrs } of fixture.nodes) {
    if (graph.hasNode(nodeKey(id))) fail(where, `duplicate node '${id}'`);
    graph.addNode(nodeKey(id), attrs);
  }
  for (const { source, target, weight } of fixture.edges) {
    const [from, to] = [nodeKey(source), nodeKey(target)];
    if (!graph.hasNode(from) || !graph.hasNode(to)) fail(where, `edge ${source} -> ${target} names an unknown node`);
    if (source === target) fail(where, `self-loop on '${source}' is not a tie`);
    if (graph.hasDirectedEdge(from, to)) fail(where, `duplicate edge ${source} -> ${target}`);
    graph.addDirectedEdge(from, to, { weight: weight ?? 1 });
  }
  return graph;
}
