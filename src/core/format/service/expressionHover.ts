// Hover on a name inside an expression of a scenario's mechanics or an effect target: a quantity
// with its description, bounds and update; an argument; a trait; a namespace; a function.
import type { LineIndex } from '../language/lines';
import type { Locator } from '../language/locate';
import type { Mechanics } from '../language/mechanics';
import { readMechanics } from '../language/mechanicsSource';
import { actionNamed, scopeAt } from './expressionCompletion';
import { memberCard, nameCard } from './mechanicsText';
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
  const markdown = ns ? memberCard(ns[1], word, scope, m) : nameCard(word, scope, m);
  return markdown ? { markdown, range: lines.range(s, e) } : undefined;
}
