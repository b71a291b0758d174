// A census group member's persona fields: each mapped attribute's category set on its field (a
// number range drawn from the member's own stream per attribute), and its provenance.
import {
  TRAIT_NAMES,
  DRIVERS,
  type Persona,
  type PopulationGroup,
  type TraitName,
  type Driver,
  type CensusData,
  synthesise,
  type CensusMember,
} from '../../format';
import type { Rng } from '../../random/rng';
import { nameRecord } from '../../text/nameRecord';

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The group's synthesised members in member order, or undefined for a group without census tables. */
export function censusMembers(group: PopulationGroup, seed: number): CensusMember[] | undefined {
  const data = group.census?.data;
  return data ? synthesise(data, group.count, seed, group.group).members : undefined;
}

/** Sets the member's mapped fields on `p` and records where it came from. */
export function applyCensus(p: Persona, member: CensusMember, data: CensusData, r: (field: string) => Rng): void {
  const cell = nameRecord<string>();
  data.attributes.forEach((a, i) => {
    const k = member.cell[i];
    cell[a.name] = a.categories[k];
    const v = a.values?.[k];
    if (!a.field || !v) return;
    if ('text' in v) return setText(p, a.field, v.text);
    const [lo, hi] = v.range;
    const rng = r(`census:${a.name}`);
    const x = hi <= lo ? lo : v.integer ? lo + rng.int(Math.floor(hi - lo) + 1) : lo + (hi - lo) * rng.next();
    setNumber(p, a.field, x);
  });
  p.provenance = {
    tables: [...data.files.marginals, ...(data.files.joint !== undefined ? [data.files.joint] : [])],
    cell,
    weight: Math.round(member.weight * 1e6) / 1e6,
    ...(member.seedRows ? { seed_rows: member.seedRows } : {}),
  };
}

function setText(p: Persona, field: string, text: string): void {
  if (field === 'interests') {
    if (!p.interests.includes(text)) p.interests.push(text);
  } else if (field === 'gender' || field === 'occupation' || field === 'location' || field === 'group') p[field] = text;
  else if (field === 'style' || field === 'bio') p[field] = text;
}

function setNumber(p: Persona, field: string, x: number): void {
  const [head, name] = field.split('.');
  if (field === 'age') p.age = x;
  else if (head === 'traits' && (TRAIT_NAMES as readonly string[]).includes(name)) {
    p.traits[name as TraitName] = clamp01(x);
  } else if (head === 'motivations' && (DRIVERS as readonly string[]).includes(name)) {
    p.motivations[name as Driver] = clamp01(x);
  } else if (head === 'state' && name) p.state = { ...p.state, [name]: x };
}
