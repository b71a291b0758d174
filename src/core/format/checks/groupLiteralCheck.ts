// A group compared by name in an expression (`whom.group == 'candidats'`, `me.group in ['lead']`,
// `agents.exists(a, a['group'] != 'x')`) that no population group or persona has (SOC141): the
// comparison is then false (or true) for every agent, so the action is never offered, the filter
// passes nobody — silently. Read from the parsed expression, not its text, so that any way of
// writing the comparison is seen and a string that only looks like one is not; said at the name
// inside the string, with the one meant as a quick fix.
import type { Environment } from '@marcbachmann/cel-js';
import { expressionRange, type ExpressionSite } from '../assemble/mechanicsSource';
import { unknownName, type Report } from './mechanicsReport';
import { pushAll } from '../../text/pushAll';

/** A parsed cel-js node, as far as this check reads it. */
interface Node {
  op: string;
  args: unknown;
  start: number;
  end: number;
}

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && typeof (x as Node).op === 'string';

/** `<anything>.group` or `<anything>['group']`: it reads an agent's group. */
function readsGroup(n: Node): boolean {
  if (n.op === '.' && Array.isArray(n.args)) return n.args[1] === 'group';
  if (n.op === '[]' && Array.isArray(n.args)) {
    const key = n.args[1] as unknown;
    return isNode(key) && key.op === 'value' && key.args === 'group';
  }
  return false;
}

/** The string literals a side of a comparison may be: itself, or either branch of a ternary. */
function literals(n: Node): Node[] {
  if (n.op === 'value') return typeof n.args === 'string' ? [n] : [];
  if (n.op === '?:' && Array.isArray(n.args)) return (n.args.slice(1) as unknown[]).filter(isNode).flatMap(literals);
  return [];
}

/** Every string literal compared with a group read (`==`, `!=`, `in [..]`), anywhere in the tree. */
function comparedNames(root: unknown): Node[] {
  const found: Node[] = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(visit);
    if (!isNode(x)) return;
    if ((x.op === '==' || x.op === '!=') && Array.isArray(x.args)) {
      const [a, b] = x.args as unknown[];
      if (isNode(a) && isNode(b)) {
        if (readsGroup(a)) pushAll(found, literals(b));
        if (readsGroup(b)) pushAll(found, literals(a));
      }
    }
    if (x.op === 'in' && Array.isArray(x.args)) {
      const [a, b] = x.args as unknown[];
      if (isNode(a) && readsGroup(a) && isNode(b) && b.op === 'list' && Array.isArray(b.args)) {
        pushAll(found, (b.args as unknown[]).filter(isNode).flatMap(literals));
      }
    }
    visit(x.args);
  };
  visit(root);
  return found.sort((p, q) => p.start - q.start);
}

export function checkGroupLiterals(
  r: Report,
  env: Environment,
  site: ExpressionSite,
  groups: ReadonlyMap<string, number>,
): void {
  let ast: unknown;
  try {
    ast = (env.parse(site.text) as unknown as { ast: unknown }).ast;
  } catch {
    return; // an expression that does not parse is SOC061's to tell
  }
  const known = [...groups.keys()];
  for (const literal of comparedNames(ast)) {
    const name = literal.args as string;
    if (groups.has(name)) continue;
    // The name inside its quotes.
    const range = expressionRange(r.at, site.path, site.text, literal.start + 1, literal.end - 1);
    unknownName(r, 'SOC141', range, name, known, {
      unknown: `In ${site.what}, no population group or persona has group '${name}': the comparison is the same for every agent`,
      kind: 'groups',
      none: 'no population group or persona has a `group`',
    });
  }
}
