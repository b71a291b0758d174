// Hovers of census populations: on a group's `census:` (or anything under it), the coverage —
// target vs synthesised share per category and the largest marginal error; on a generated id of
// a census group, where that agent came from (its cell, IPF weight, seed rows).
import type { Locator } from '../syntax/locate';
import type { PopulationGroup } from '../model/model';
import type { SocietyFileSystem } from '../io/fileSystem';
import { loadCensus } from '../assemble/census/censusLoad';
import { censusSpec } from '../assemble/census/censusSpec';
import { coverageMarkdown } from '../assemble/census/coverageText';
import { synthesise } from '../assemble/census/synthesise';
import type { Token } from './tokenAt';
import type { Hover } from './types';

type Obj = Record<string, unknown>;

/** A census group of the document with its tables read, or undefined. */
async function censusGroup(
  value: unknown,
  index: number,
  at: Locator,
  fs: SocietyFileSystem,
  root: string,
): Promise<{ group: PopulationGroup; seed: number } | undefined> {
  const v = (value ?? {}) as Obj;
  const raw = (Array.isArray(v.population) ? v.population[index] : undefined) as Obj | undefined;
  const spec = censusSpec(raw?.census);
  if (!raw || !spec || typeof raw.count !== 'number' || typeof raw.group !== 'string') return undefined;
  const data = (await loadCensus(value, at, fs, root)).data.get(index);
  if (!data) return undefined;
  const group = { ...raw, census: { ...spec, data } } as unknown as PopulationGroup;
  return { group, seed: typeof v.seed === 'number' ? v.seed : 0 };
}

/** The coverage, hovering a census group's `census:` or anything under it. */
export async function censusHover(
  token: Token,
  at: Locator,
  fs: SocietyFileSystem,
  root: string,
): Promise<Hover | undefined> {
  const [top, index, key] = token.path;
  if (token.doc.kind !== 'scenario' || top !== 'population' || typeof index !== 'number' || key !== 'census') {
    return undefined;
  }
  const found = await censusGroup(token.doc.value, index, at, fs, root);
  if (!found?.group.census?.data) return undefined;
  const { coverage } = synthesise(found.group.census.data, found.group.count, found.seed, found.group.group);
  return { markdown: coverageMarkdown(found.group, coverage), range: token.range };
}

/** Markdown lines of a generated agent's provenance when its group is a census group of this document. */
export async function censusAgentLines(
  token: Token,
  at: Locator,
  { fs, root }: { fs: SocietyFileSystem; root: string },
  groupIndex: number | undefined,
  member: number,
): Promise<string[]> {
  if (token.doc.kind !== 'scenario' || groupIndex === undefined) return [];
  const found = await censusGroup(token.doc.value, groupIndex, at, fs, root);
  const data = found?.group.census?.data;
  if (!found || !data) return [];
  const m = synthesise(data, found.group.count, found.seed, found.group.group).members[member - 1];
  if (!m) return [];
  const cell = data.attributes.map((a, i) => `${a.name} \`${a.categories[m.cell[i]]}\``).join(' · ');
  const rows = m.seedRows?.length
    ? ` · joint rows ${m.seedRows.join(', ')}${data.files.joint ? ` of ${data.files.joint}` : ''}`
    : '';
  return [
    '',
    `**census provenance** (seed ${found.seed}): ${cell}`,
    '',
    `IPF weight ${m.weight.toFixed(3)} (agents like it the fit expects)${rows}`,
  ];
}
