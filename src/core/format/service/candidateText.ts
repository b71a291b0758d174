// What an argument's `where` reads of its candidate, in words (issue 44: 1): the candidate itself,
// its quantities (the candidate's, not the actor's), its group, id and the actor's tie to it, or a
// post's counts, age and author; and the actor's own `me.group` and `me.id`. Shared by hover and
// completion inside a `where`; every other name is mechanicsText's.
import {
  ACTOR_FIELDS,
  CANDIDATE_FIELDS,
  candidateFields,
  PLACE_CANDIDATE_FIELDS,
  POST_CANDIDATE_FIELDS,
  type Scope,
} from '../expressions/expressions';
import type { Mechanics } from '../model/mechanics';
import { POST_FIELD_MEANING, quantityCard } from './mechanicsText';
import { shortDetail } from './shortDetail';

type Candidate = Extract<Scope, { kind: 'candidate' }>;

const groupsLine = (groups: readonly string[]): string =>
  groups.length ? ` Groups here: ${groups.map((g) => `\`${g}\``).join(', ')}.` : '';

/** A field of an agent candidate that is not a quantity, in words. */
function agentFieldMeaning(ns: string, field: keyof typeof CANDIDATE_FIELDS, groups: readonly string[]): string {
  switch (field) {
    case 'group':
      return `The candidate's group: its population group, or its persona's \`group\` ('' without one).${groupsLine(groups)} \`${ns}.group == 'experts'\` keeps to one group.`;
    case 'id':
      return `The candidate's id (a persona's \`id\`, or a population member's generated one). \`${ns}.id != me.id\` leaves the actor out.`;
    case 'tie':
      return `The acting agent's tie to the candidate, 0..1 (0 for someone it has no tie to). \`${ns}.tie >= 0.3\` keeps to those it knows.`;
  }
}

const POST_MEANING: Record<keyof typeof POST_CANDIDATE_FIELDS, string> = {
  ...POST_FIELD_MEANING,
  author: "the id of the post's author (`@news` for the platform's own post)",
};

const PLACE_MEANING: Record<keyof typeof PLACE_CANDIDATE_FIELDS, string> = {
  id: "the place's id, as declared under `places:`",
  label: "the place's label (its id when it has none)",
  occupants: 'how many agents are there now, as the actor chooses (and again at its turn)',
  capacity:
    "the most it holds (`capacity:`); infinity for a place without one, so `to.occupants < to.capacity` reads 'has room'",
  full: 'whether as many are there as it holds (never, without a capacity)',
};

/** `ns.name` inside a `where`, when `ns` is the candidate or `me`'s own group or id; else undefined. */
export function candidateMemberCard(
  ns: string,
  name: string,
  scope: Scope,
  m: Mechanics,
  groups: readonly string[] = [],
): string | undefined {
  if (scope.kind !== 'candidate') return undefined;
  const quantity = m.agents.find((q) => q.name === name);
  if (ns === 'me' && !quantity && Object.hasOwn(ACTOR_FIELDS, name)) {
    const what = name === 'group' ? `the acting agent's group.${groupsLine(groups)}` : "the acting agent's id.";
    return `**me.${name}** · string · ${what}`;
  }
  if (ns !== scope.arg.name) return undefined;
  const head = `**${ns}.${name}** · `;
  if (scope.arg.type === 'post') {
    if (!Object.hasOwn(POST_MEANING, name)) return undefined;
    const type = POST_CANDIDATE_FIELDS[name as keyof typeof POST_CANDIDATE_FIELDS] === 'string' ? 'string' : 'number';
    return `${head}${type} · a field of the candidate post\n\n${capital(POST_MEANING[name as keyof typeof POST_MEANING])}.`;
  }
  if (scope.arg.type === 'place') {
    if (!Object.hasOwn(PLACE_MEANING, name)) return undefined;
    const kind = PLACE_CANDIDATE_FIELDS[name as keyof typeof PLACE_CANDIDATE_FIELDS];
    const type = kind === 'double' ? 'number' : kind;
    return `${head}${type} · a field of the candidate place\n\n${capital(PLACE_MEANING[name as keyof typeof PLACE_MEANING])}.`;
  }
  if (quantity) {
    return `${quantityCard(quantity, 'agent', `${ns}.${name}`)}\n\nThe candidate's value, as it stands when the actor chooses (and again at its turn).`;
  }
  if (!Object.hasOwn(CANDIDATE_FIELDS, name)) return undefined;
  const field = name as keyof typeof CANDIDATE_FIELDS;
  const type = CANDIDATE_FIELDS[field] === 'string' ? 'string' : 'number 0..1';
  return `${head}${type} · a field of the candidate\n\n${agentFieldMeaning(ns, field, groups)}`;
}

/** The few words of a candidate field in a completion row, or undefined for any other name. */
export function candidateMemberDetail(ns: string, name: string, scope: Scope, m: Mechanics): string | undefined {
  if (scope.kind !== 'candidate' || ns !== scope.arg.name) return undefined;
  if (scope.arg.type === 'agent' && m.agents.some((q) => q.name === name)) return undefined;
  const fields = candidateFields(scope.arg);
  if (!Object.hasOwn(fields, name)) return undefined;
  const kind = fields[name];
  const type = kind === 'string' || kind === 'bool' ? kind : name === 'tie' ? 'number 0..1' : 'number';
  const of = scope.arg.type === 'post' ? 'the post' : scope.arg.type === 'place' ? 'the place' : 'the candidate';
  return shortDetail([type, of]);
}

/** The candidate's own name inside its `where`. */
export function candidateNameCard(name: string, scope: Scope): string | undefined {
  if (scope.kind !== 'candidate' || name !== scope.arg.name) return undefined;
  return candidateCard(scope);
}

function candidateCard({ action, arg }: Candidate): string {
  const of = `argument \`${arg.name}\` of action '${action.name}'`;
  if (arg.type === 'post') {
    return `**${arg.name}** · a candidate post for ${of}\n\nThe condition is tested on each post the agent read; those it holds for are offered. Reads \`${arg.name}.likes\`, \`.replies\`, \`.age\` and \`.author\`.`;
  }
  if (arg.type === 'place') {
    return `**${arg.name}** · a candidate place for ${of}\n\nThe condition is tested on each declared place; those it holds for are offered, and tested again at the actor's turn. Reads \`${arg.name}.id\`, \`.label\`, \`.occupants\`, \`.capacity\` and \`.full\`.`;
  }
  return `**${arg.name}** · a candidate for ${of}\n\nThe condition is tested on each other agent; those it holds for are offered (six at most), and tested again at the actor's turn. Reads the candidate's quantities and \`${arg.name}.group\`, \`.id\` and \`.tie\` (the actor's tie to it).`;
}

const capital = (s: string): string => s[0].toUpperCase() + s.slice(1);
