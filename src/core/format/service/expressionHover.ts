// Hover on a name inside an expression of a scenario's mechanics or an effect target: a quantity
// with its description, bounds and update; an argument; a trait; a namespace; a function.
import type { LineIndex } from '../syntax/lines';
import type { Locator } from '../syntax/locate';
import type { Mechanics } from '../model/mechanics';
import { readMechanics } from '../assemble/mechanicsSource';
import { actionNamed, scopeAt } from './expressionCompletion';
import { memberCard, nameCard, quantityCard } from './mechanicsText';
import { agentVariables } from '../expressions/aggregates';
import { candidateMemberCard, candidateNameCard } from './candidateText';
import type { Token } from './tokenAt';
import type { Hover } from './types';

const NO_MECHANICS: Mechanics = { world: [], agents: [], actions: [] };

/** The hover for the name under `offset` in an expression or effect target, or undefined. */
export function expressionHover(
  token: Token,
  lines: LineIndex,
  offset: number,
  at: Locator | undefined,
): Hover | undefined {
  if (token.doc.kind !== 'scenario' || !at) return undefined;
  const path = token.path;
  const target = token.role === 'key' && path.length === 4 && path[0] === 'actions' && path[2] === 'effects';
  if (token.role !== 'value' && !target) return undefined;
  const m = readMechanics(token.doc.value, at) ?? NO_MECHANICS;
  const scope = target ? { kind: 'action' as const, action: actionNamed(m, String(path[1])) } : scopeAt(path, m);
  if (!scope) return undefined;
  const text = lines.text;
  const [from, to] = token.span;
  const isWord = (i: number): boolean => i >= from && i < to && /\w/.test(text[i]);
  let s = isWord(offset) ? offset : offset - 1;
  if (!isWord(s)) return undefined;
  while (isWord(s - 1)) s--;
  let e = s;
  while (isWord(e)) e++;
  const word = text.slice(s, e);
  if (!/^[A-Za-z_]/.test(word)) return undefined;
  const ns = text[s - 1] === '.' ? /([A-Za-z_]\w*)\s*$/.exec(text.slice(from, s - 1)) : null;
  const markdown = ns
    ? agentVariables(text.slice(from, s)).has(ns[1])
      ? rowMemberCard(ns[1], word, m)
      : (candidateMemberCard(ns[1], word, scope, m, groupsOf(token.doc.value)) ?? memberCard(ns[1], word, scope, m))
    : (candidateNameCard(word, scope) ?? nameCard(word, scope, m));
  return markdown ? { markdown, range: lines.range(s, e) } : undefined;
}

/** `a.reputation` with `a` a macro's variable over `agents`: the quantity (or field) of that agent. */
function rowMemberCard(variable: string, name: string, m: Mechanics): string | undefined {
  const q = m.agents.find((x) => x.name === name);
  if (q) return `${quantityCard(q, 'agent', `${variable}.${name}`)}\n\nRead here for each agent of \`agents\`.`;
  if (name === 'id') return `**${variable}.id** · string · the agent's id`;
  if (name === 'group') return `**${variable}.group** · string · the agent's group ('' for none)`;
  return undefined;
}

/** The groups a scenario's agents belong to: its population groups and its inline personas' `group`. */
function groupsOf(doc: unknown): string[] {
  const items = (key: string): unknown[] => {
    const v = doc && typeof doc === 'object' ? (doc as Record<string, unknown>)[key] : undefined;
    return Array.isArray(v) ? v : [];
  };
  const group = (x: unknown): unknown =>
    x && typeof x === 'object' ? (x as Record<string, unknown>).group : undefined;
  const all = [...items('population'), ...items('personas')].map(group);
  return [...new Set(all.filter((g): g is string => typeof g === 'string'))];
}
