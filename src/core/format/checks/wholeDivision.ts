// A division of two whole numbers (SOC077, a warning). In CEL `5 / 2` is an integer division: it
// gives 2, and `me.wealth + 5 / 2` adds 2 where the author most likely meant 2.5. The type checker
// knows which operands are whole numbers (integer literals, `n`, `round`, `int(…)`, and min, max
// and clamp of those), so only those divisions are marked; a quantity is a double and divides
// exactly. The quick fix divides as numbers (`5.0 / 2.0`); `int(5 / 2)` says the whole part is
// meant, and is not marked.
import type { Environment } from '@marcbachmann/cel-js';
import type { ExpressionSite } from '../assemble/mechanicsSource';
import { expressionRange } from '../assemble/mechanicsSource';
import { report, type Report } from './mechanicsReport';

/** A node of the library's checked AST, as far as this check reads it. */
interface Node {
  op: string;
  args: unknown;
  start: number;
  end: number;
  checkedType?: { name?: string };
}

const isNode = (x: unknown): x is Node => !!x && typeof x === 'object' && typeof (x as Node).op === 'string';
const whole = (x: unknown): boolean => isNode(x) && x.checkedType?.name === 'int';

/** Warns of every division of two whole numbers in the expression at `site` (which type-checks). */
export function checkWholeDivisions(r: Report, env: Environment, site: ExpressionSite): void {
  let ast: unknown;
  try {
    const program = env.parse(site.text) as unknown as { ast: unknown; check(): { valid: boolean } };
    if (!program.check().valid) return;
    ast = program.ast;
  } catch {
    return;
  }
  for (const division of wholeDivisions(ast)) warn(r, site, division);
}

/** The `/` nodes with whole-number operands, but for those `int(…)` holds on their own. */
function wholeDivisions(ast: unknown): Node[] {
  const out: Node[] = [];
  const visit = (x: unknown, meant: boolean): void => {
    if (Array.isArray(x)) return x.forEach((y) => visit(y, false));
    if (!isNode(x)) return;
    const [a, b] = Array.isArray(x.args) ? (x.args as unknown[]) : [];
    if (x.op === '/' && whole(a) && whole(b) && !meant) out.push(x);
    // `int(a / b)`: the only argument of int.
    if (x.op === 'call' && a === 'int' && Array.isArray(b) && b.length === 1) return visit(b[0], true);
    if (typeof x.args === 'object') visit(x.args, false);
  };
  visit(ast, false);
  return out;
}

function warn(r: Report, site: ExpressionSite, division: Node): void {
  const text = site.text;
  const [a, b] = division.args as [Node, Node];
  const [from, to] = balanced(text, division.start, division.end);
  const written = text.slice(from, to);
  const exact = `${asNumber(text, a)}${text.slice(a.end, b.start)}${asNumber(text, b)}`;
  const fixed = text.slice(from, division.start) + exact + text.slice(division.end, to);
  const [p, q] = [literal(a), literal(b)];
  const gives =
    p !== undefined && q !== undefined && q !== 0n
      ? `gives ${p / q}, the whole part (\`${fixed}\` gives ${Number(p) / Number(q)})`
      : 'gives a whole number, the quotient rounded toward zero';
  const range = expressionRange(r.at, site.path, text, from, to);
  const lines = r.at.file.lines;
  const fixes =
    lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)) === written
      ? [{ title: `Divide as numbers: '${fixed}'`, file: r.at.file.file, range, newText: fixed }]
      : [];
  report(
    r,
    'SOC077',
    'warning',
    `\`${written}\` divides whole numbers and ${gives}: write \`${fixed}\`, or \`int(${written})\` if the whole part is meant`,
    range,
    fixes,
  );
}

/** A whole-number literal's value (`5`, `-5`), else undefined. */
function literal(n: Node): bigint | undefined {
  if (n.op === 'value' && typeof n.args === 'bigint') return n.args;
  const [inner] = Array.isArray(n.args) ? (n.args as unknown[]) : [n.args];
  return n.op === '-_' && isNode(inner) && inner.op === 'value' && typeof inner.args === 'bigint'
    ? -inner.args
    : undefined;
}

/** An operand as a double: `5` → `5.0`, `-5` → `-5.0`, anything else `double(…)`. */
function asNumber(text: string, n: Node): string {
  const value = literal(n);
  return value !== undefined ? `${value}.0` : `double(${text.slice(n.start, n.end)})`;
}

/**
 * `start..end` widened to the parentheses it opens or closes: a node's range leaves out those
 * around its first and last operand (`(n + 1) / (round)` is `n + 1) / (round`).
 */
function balanced(text: string, start: number, end: number): [number, number] {
  let depth = 0,
    lowest = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') lowest = Math.min(lowest, --depth);
  }
  let open = -lowest,
    close = depth - lowest;
  let s = start,
    e = end;
  for (let i = start - 1; i >= 0 && open > 0; i--) {
    if (text[i] === '(') {
      open--;
      s = i;
    }
  }
  for (let i = end; i < text.length && close > 0; i++) {
    if (text[i] === ')') {
      close--;
      e = i + 1;
    }
  }
  return [s, e];
}
