// GEXF 1.3 export of a tie network (Gephi's native format; NetworkX reads it with read_gexf):
// agents with their persona attributes as typed node attributes, ties as directed edges weighted
// by strength. The dynamic variant follows a timeline: agents and ties carry spells (the rounds
// they were present) and each tie's strength is a dynamic attribute, so Gephi's timeline can
// play the network's growth round by round.
import { escapeXmlAttribute } from '../../text/markup';
import type { Spell, TieTimeline } from './tieTimeline';
import type { TieGraph } from '../metrics/tieGraph';
import { nodeId } from '../metrics/nodeKeys';

type GexfType = 'boolean' | 'double' | 'string';

interface AttributeSpec {
  id: string;
  title: string;
  type: GexfType;
}

export interface GexfOptions {
  /** Shown in Gephi's graph metadata. */
  description?: string;
}

/** Text for a quoted attribute value: everything in GEXF lives in attributes. */
const e = escapeXmlAttribute;

function gexfType(values: unknown[]): GexfType {
  const present = values.filter((v) => v !== undefined && v !== null);
  if (present.length > 0 && present.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'double';
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.join('; ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function attributeSpecs(prefix: string, records: Record<string, unknown>[], skip: string[]): AttributeSpec[] {
  const titles = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((t) => !skip.includes(t));
  return titles.map((title, i) => ({ id: `${prefix}${i}`, title, type: gexfType(records.map((r) => r[title])) }));
}

function declarations(cls: 'node' | 'edge', mode: 'static' | 'dynamic', specs: AttributeSpec[]): string[] {
  if (!specs.length) return [];
  return [
    `    <attributes class="${cls}" mode="${mode}">`,
    ...specs.map((s) => `      <attribute id="${e(s.id)}" title="${e(s.title)}" type="${s.type}"/>`),
    '    </attributes>',
  ];
}

function attvalues(specs: AttributeSpec[], attrs: Record<string, unknown>): string {
  const values = specs
    .filter((s) => attrs[s.title] !== undefined && attrs[s.title] !== null)
    .map((s) => `<attvalue for="${e(s.id)}" value="${e(valueText(attrs[s.title]))}"/>`);
  return values.length ? `<attvalues>${values.join('')}</attvalues>` : '';
}

function spells(list: Spell[]): string {
  return `<spells>${list.map(([start, end]) => `<spell start="${start}" end="${end}"/>`).join('')}</spells>`;
}

/** Consecutive rounds with the same strength as one dynamic attribute value. */
function strengthValues(id: string, strengths: { round: number; value: number }[]): string {
  const runs: { start: number; end: number; value: number }[] = [];
  for (const { round, value } of strengths) {
    const last = runs[runs.length - 1];
    if (last && last.end === round - 1 && last.value === value) last.end = round;
    else runs.push({ start: round, end: round, value });
  }
  return `<attvalues>${runs.map((r) => `<attvalue for="${id}" value="${r.value}" start="${r.start}" end="${r.end}"/>`).join('')}</attvalues>`;
}

function header(description: string | undefined, graphAttributes: string): string[] {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>Society Studio</creator>${description ? `<description>${e(description)}</description>` : ''}</meta>`,
    `  <graph defaultedgetype="directed"${graphAttributes}>`,
  ];
}

const label = (id: string, attrs: Record<string, unknown>): string =>
  e(typeof attrs.name === 'string' ? attrs.name : id);

/** The tie network as a static GEXF 1.3 document (UTF-8). */
export function toGexf(graph: TieGraph, options: GexfOptions = {}): string {
  const nodeSpecs = attributeSpecs(
    'n',
    graph.mapNodes((_n, attrs) => attrs),
    ['name'],
  );
  const edgeSpecs = attributeSpecs(
    'e',
    graph.mapEdges((_e, attrs) => attrs),
    ['weight'],
  );
  let edgeIndex = 0;
  return [
    ...header(options.description, ' mode="static"'),
    ...declarations('node', 'static', nodeSpecs),
    ...declarations('edge', 'static', edgeSpecs),
    '    <nodes>',
    ...graph.mapNodes(
      (node, attrs) =>
        `      <node id="${e(nodeId(node))}" label="${label(nodeId(node), attrs)}">${attvalues(nodeSpecs, attrs)}</node>`,
    ),
    '    </nodes>',
    '    <edges>',
    ...graph.mapEdges(
      (_edge, attrs, source, target) =>
        `      <edge id="e${edgeIndex++}" source="${e(nodeId(source))}" target="${e(nodeId(target))}" weight="${attrs.weight}">${attvalues(edgeSpecs, attrs)}</edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

/** The network over a run's rounds as a dynamic GEXF 1.3 document (integer time = round). */
export function toDynamicGexf(timeline: TieTimeline, options: GexfOptions = {}): string {
  const { description } = options;
  const nodeSpecs = attributeSpecs(
    'n',
    timeline.nodes.map((n) => n.attrs),
    ['name'],
  );
  const strength: AttributeSpec = { id: 'strength', title: 'strength', type: 'double' };
  return [
    ...header(
      description,
      ` mode="dynamic" timeformat="integer" timerepresentation="interval" start="${timeline.firstRound}" end="${timeline.lastRound}"`,
    ),
    ...declarations('node', 'static', nodeSpecs),
    ...declarations('edge', 'dynamic', [strength]),
    '    <nodes>',
    ...timeline.nodes.map(
      (n) =>
        `      <node id="${e(n.id)}" label="${label(n.id, n.attrs)}">${attvalues(nodeSpecs, n.attrs)}${spells(n.spells)}</node>`,
    ),
    '    </nodes>',
    '    <edges>',
    ...timeline.ties.map(
      (t, i) =>
        `      <edge id="e${i}" source="${e(t.from)}" target="${e(t.to)}" weight="${t.strengths[t.strengths.length - 1].value}">` +
        `${strengthValues(strength.id, t.strengths)}${spells(t.spells)}</edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}
