// The names an expression of a scenario's mechanics reads, in words: a quantity with its bounds and
// update, an action's argument, a post's fields, a trait, a namespace, a function. Shared by
// completion and hover.
import type { Action, ActionArg, Mechanics, Quantity } from '../model/mechanics';
import type { POST_FIELDS, Scope } from '../expressions/expressions';
import { scopeNames } from '../checks/mechanicsMessages';
import { TRAIT_NAMES } from '../model/model';
import { societySchema } from '../schema/schema';
import { shortDetail } from './shortDetail';

/** The functions expressions may call beyond CEL's own, with what they do. */
export const FUNCTIONS: Record<string, { signature: string; doc: string; snippet: string }> = {
  min: {
    signature: 'min(a, b)',
    doc: 'The smaller of two numbers; `min(list)` the least of a list (0 for none): `min(agents.map(a, a.q))`.',
    snippet: 'min($1, $2)',
  },
  max: {
    signature: 'max(a, b)',
    doc: 'The larger of two numbers; `max(list)` the greatest of a list (0 for none): `max(agents.map(a, a.q))`.',
    snippet: 'max($1, $2)',
  },
  clamp: { signature: 'clamp(x, lo, hi)', doc: 'x kept within lo..hi.', snippet: 'clamp($1, $2, $3)' },
  sum: {
    signature: 'sum(list)',
    doc: 'The sum of a list of numbers (0 for none).',
    snippet: 'sum(agents.map(a, a.$1))',
  },
  mean: {
    signature: 'mean(list)',
    doc: 'The mean of a list of numbers (0 for none).',
    snippet: 'mean(agents.map(a, a.$1))',
  },
  sd: {
    signature: 'sd(list)',
    doc: 'The standard deviation of a list of numbers, over all of them (divided by n; 0 for fewer than two).',
    snippet: 'sd(agents.map(a, a.$1))',
  },
};

/** `0..200 · whole numbers`, the bounds of a quantity or number argument. */
function bounds(x: { min?: number; max?: number; integer?: boolean }): string[] {
  const parts: string[] = [];
  if (x.min !== undefined || x.max !== undefined) parts.push(`${x.min ?? '-∞'}..${x.max ?? '∞'}`);
  if (x.integer) parts.push('whole numbers');
  return parts;
}

/** One line of a quantity's facts: its start, bounds (or labels), and whether others see it. */
export function quantityDetail(q: Quantity, side: 'world' | 'agent'): string {
  const start =
    q.labels?.[q.initial] !== undefined ? `initial ${q.initial} (${q.labels[q.initial]})` : `initial ${q.initial}`;
  const range = q.labels?.length ? [`${q.labels.length} labels`] : bounds(q);
  return [`${side} quantity`, start, ...range, ...(q.hidden ? ['hidden from others'] : [])].join(' · ');
}

/** A quantity in the few words a completion row shows whole: `world quantity · 0..200`. */
export function quantityShortDetail(q: Quantity, side: 'world' | 'agent'): string {
  return shortDetail([`${side} quantity`, q.hidden ? 'hidden' : undefined, ...bounds(q), `initial ${q.initial}`]);
}

export function quantityCard(
  q: Quantity,
  side: 'world' | 'agent',
  written = `${side === 'world' ? 'world' : 'me'}.${q.name}`,
): string {
  const out = [`**${written}** · ${quantityDetail(q, side)}`];
  if (q.description) out.push(q.description);
  if (q.labels?.length) out.push(`Values: ${q.labels.map((l, k) => `${k} = ${l}`).join(', ')}`);
  if (q.update) out.push(`Each round: \`${q.update}\``);
  if (q.worth_usd !== undefined) out.push(`One unit is worth $${q.worth_usd} (the stake on a money scale)`);
  return out.join('\n\n');
}

export function argDetail(a: ActionArg, action: Action): string {
  const type =
    a.type === 'agent'
      ? 'agent'
      : a.type === 'post'
        ? `post${a.feed ? ` on feed '${a.feed}'` : ''}`
        : ['number', ...bounds(a)].join(' · ');
  return `${type} · argument of action '${action.name}'`;
}

/** An argument in the few words a completion row shows whole: `number 0.5..3 · argument`. */
export function argShortDetail(a: ActionArg): string {
  const type = a.type === 'agent' ? 'agent' : a.type === 'post' ? 'post' : ['number', ...bounds(a)].join(' ');
  return shortDetail([type, 'argument']);
}

export function argCard(a: ActionArg, action: Action, written = `args.${a.name}`): string {
  const out = [`**${written}** · ${argDetail(a, action)}`];
  if (a.description) out.push(a.description);
  if (a.type === 'agent') out.push(`The agent the model chooses; its quantities are read as \`${a.name}.<quantity>\`.`);
  if (a.type === 'post') {
    out.push(
      `A post the agent read, chosen by the model; expressions read \`${a.name}.likes\`, \`${a.name}.replies\` and \`${a.name}.age\`.`,
    );
  }
  return out.join('\n\n');
}

/** What an expression reads of a post argument (POST_FIELDS), in words. */
export const POST_FIELD_MEANING: Record<(typeof POST_FIELDS)[number], string> = {
  likes: 'how many likes the post has',
  replies: 'how many replies the post has',
  age: 'rounds since the post was written (0 in the round it was written)',
};

/** The post argument `ns` of an action scope, if it is one. */
export function postArg(scope: Scope, ns: string): ActionArg | undefined {
  return scope.kind === 'action' ? scope.action.args.find((a) => a.name === ns && a.type === 'post') : undefined;
}

export function postFieldDetail(field: string): string | undefined {
  return Object.hasOwn(POST_FIELD_MEANING, field) ? 'number · field of a post' : undefined;
}

function postFieldCard(ns: string, field: string): string | undefined {
  if (!Object.hasOwn(POST_FIELD_MEANING, field)) return undefined;
  const meaning = POST_FIELD_MEANING[field as keyof typeof POST_FIELD_MEANING];
  return `**${ns}.${field}** · ${postFieldDetail(field)}\n\n${meaning[0].toUpperCase()}${meaning.slice(1)}.`;
}

export function traitCard(name: string): string {
  const traits = societySchema.$defs.persona.properties?.traits?.properties ?? {};
  const description = traits[name]?.description;
  return [`**traits.${name}** · number 0..1 · the acting agent's trait`, description].filter(Boolean).join('\n\n');
}

const list = (names: string[]): string => (names.length ? names.join(', ') : 'none yet');

/** A name an expression reads on its own: a namespace, `n`, `round`, an agent argument or a function. */
export function nameCard(name: string, scope: Scope, m: Mechanics): string | undefined {
  if (FUNCTIONS[name]) return `**${FUNCTIONS[name].signature}** · function\n\n${FUNCTIONS[name].doc}`;
  if (!scopeNames(scope, m).includes(name)) return undefined;
  const agentQuantities = list(m.agents.map((q) => q.name));
  switch (name) {
    case 'world':
      return `**world** · the world's quantities: ${list(m.world.map((q) => q.name))}`;
    case 'me':
      return `**me** · the acting agent's quantities: ${agentQuantities}`;
    case 'traits':
      return `**traits** · the acting agent's Big Five traits, each 0..1: ${TRAIT_NAMES.join(', ')}`;
    case 'n':
      return '**n** · int · the number of agents in the society';
    case 'agents':
      return (
        `**agents** · list · every agent present, with its quantities (${agentQuantities}), \`id\` and \`group\`: ` +
        "`mean(agents.map(a, a.q))`, `agents.filter(a, a.group == 'g').size()`"
      );
    case 'round':
      return '**round** · int · the current round (from 1)';
    case 'partner':
      return `**partner** · the agent matched with this one this round (\`matching:\`): its quantities (${agentQuantities}), \`id\` and \`group\``;
    case 'matched':
      return (
        `**matched** · list · everyone in this agent's group this round (\`matching:\`), itself included, as \`agents\` holds them: ` +
        '`sum(matched.map(a, a.q))`'
      );
  }
  if (scope.kind !== 'action') return undefined;
  if (name === 'args') {
    return `**args** · the arguments of action '${scope.action.name}': ${list(scope.action.args.map((a) => a.name))}`;
  }
  const arg = scope.action.args.find((a) => a.name === name && a.type !== 'number');
  return arg ? argCard(arg, scope.action, name) : undefined;
}

/** `ns.name`: a quantity, an argument or a trait. */
export function memberCard(ns: string, name: string, scope: Scope, m: Mechanics): string | undefined {
  if (!scopeNames(scope, m).includes(ns)) return undefined;
  if (ns === 'world') {
    const q = m.world.find((x) => x.name === name);
    return q && quantityCard(q, 'world');
  }
  if (ns === 'traits') return (TRAIT_NAMES as readonly string[]).includes(name) ? traitCard(name) : undefined;
  if (ns === 'args') {
    const a = scope.kind === 'action' ? scope.action.args.find((x) => x.name === name) : undefined;
    return a && scope.kind === 'action' ? argCard(a, scope.action) : undefined;
  }
  if (ns === 'n' || ns === 'round') return undefined;
  if (postArg(scope, ns)) return postFieldCard(ns, name);
  const q = m.agents.find((x) => x.name === name);
  return q && quantityCard(q, 'agent', `${ns}.${name}`);
}
