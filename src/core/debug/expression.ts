// A small, safe expression language for breakpoint conditions, logpoints and the Debug Console:
// numbers, strings, true/false/null, arithmetic, comparisons, && || !, parentheses, property
// access on plain data (a.b, a[0]) and calls of the functions the scope offers. It is parsed and
// interpreted here — never handed to eval — so a condition can read state but not change it.
import { counted } from '../text/counted';
import { maxOf } from '../stats/extremes';

export type Value = unknown;

export interface ExpressionScope {
  /** Identifiers (round, agent, phase, …). */
  vars: Record<string, Value>;
  /** Callable by name only (tie("maya", "leo")). */
  fns: Record<string, (...args: Value[]) => Value>;
}

export class ExpressionError extends Error {}

type Node =
  | { k: 'lit'; v: Value }
  | { k: 'id'; name: string }
  | { k: 'un'; op: '!' | '-'; e: Node }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'get'; obj: Node; key: Node }
  | { k: 'call'; name: string; args: Node[] };

interface Token {
  t: 'num' | 'str' | 'id' | 'op';
  v: string;
  at: number;
}

/** Deeper than this, parsing and evaluating (both recursive) would overflow the stack. */
const MAX_DEPTH = 200;
const TOO_DEEP = `expression is too deeply nested (more than ${MAX_DEPTH} levels of brackets)`;
/** Chains (1+1+…, -----x) nest in the tree without brackets; evaluate recurses as deep. */
const MAX_CHAIN = 1000;
const TOO_LONG = `expression is too deeply nested (more than ${MAX_CHAIN} operators inside one another)`;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** The character(s) a backslash escape at src[i] (just after the backslash) stands for, as in JavaScript. */
function escape(src: string, i: number, at: number): { text: string; next: number } {
  const c = src[i];
  const hex = (digits: string, next: number): { text: string; next: number } => {
    const code = /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : NaN;
    if (!(code <= 0x10ffff)) {
      throw new ExpressionError(
        `bad escape '\\${c}' in the string at ${at + 1}: \\x takes 2 hex digits, \\u 4 or {up to 10FFFF}`,
      );
    }
    return { text: String.fromCodePoint(code), next };
  };
  if (c === 'x') return hex(src.slice(i + 1, i + 3).padEnd(2, 'g'), i + 3);
  if (c === 'u' && src[i + 1] === '{') {
    const end = src.indexOf('}', i);
    return hex(end < 0 ? 'g' : src.slice(i + 2, end), end < 0 ? src.length : end + 1);
  }
  if (c === 'u') return hex(src.slice(i + 1, i + 5).padEnd(4, 'g'), i + 5);
  if (c === '\n') return { text: '', next: i + 1 }; // a line continuation
  return { text: ESCAPES[c] ?? c, next: i + 1 };
}

const OPS = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '===',
  '!==',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '(',
  ')',
  '[',
  ']',
  '.',
  ',',
];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0], at });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0], at });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let s = '';
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\' && i + 1 < src.length) {
          const e = escape(src, i + 1, at);
          s += e.text;
          i = e.next;
        } else s += src[i++];
      }
      if (src[i] !== c) throw new ExpressionError(`unterminated string at ${at + 1}`);
      i++;
      out.push({ t: 'str', v: s, at });
      continue;
    }
    const op = OPS.filter((o) => src.startsWith(o, i)).sort((a, b) => b.length - a.length)[0];
    if (!op) throw new ExpressionError(`unexpected '${c}' at ${at + 1}`);
    out.push({ t: 'op', v: op, at });
    i += op.length;
  }
  return out;
}

const LEVELS: string[][] = [
  ['||'],
  ['&&'],
  ['==', '!=', '===', '!==', '<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

export function parseExpression(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  let depth = 0; // brackets open now: each costs a few stack frames of the recursive descent
  const nested = <T>(f: () => T): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionError(TOO_DEEP);
    try {
      return f();
    } finally {
      depth--;
    }
  };
  const peek = (v?: string): boolean => p < toks.length && toks[p].t === 'op' && (v === undefined || toks[p].v === v);
  const expect = (v: string): void => {
    if (!peek(v)) {
      throw new ExpressionError(`expected '${v}' ${p < toks.length ? `at ${toks[p].at + 1}` : 'at the end'}`);
    }
    p++;
  };
  const level = (n: number): Node => {
    if (n === LEVELS.length) return unary();
    let l = level(n + 1);
    while (p < toks.length && toks[p].t === 'op' && LEVELS[n].includes(toks[p].v)) {
      const op = toks[p++].v;
      // Comparisons do not chain (a < b < c is almost always a mistake).
      l = deep({ k: 'bin', op, l, r: level(n + 1) });
      if (n === 2) break;
    }
    return l;
  };
  const unary = (): Node => {
    // A loop, not recursion: a long run of - or ! is one level of the descent.
    const ops: ('!' | '-')[] = [];
    while (peek('!') || peek('-')) ops.push(toks[p++].v as '!' | '-');
    let e = postfix(primary());
    for (const op of ops.reverse()) e = deep({ k: 'un', op, e });
    return e;
  };
  const postfix = (e: Node): Node => {
    for (;;) {
      if (peek('.')) {
        p++;
        const t = toks[p++];
        if (!t || t.t !== 'id') throw new ExpressionError('expected a property name after "."');
        e = deep({ k: 'get', obj: e, key: { k: 'lit', v: t.v } });
      } else if (peek('[')) {
        p++;
        const key = nested(() => level(0));
        expect(']');
        e = deep({ k: 'get', obj: e, key });
      } else if (peek('(')) {
        if (e.k !== 'id') throw new ExpressionError('only named functions can be called');
        p++;
        const args: Node[] = [];
        if (!peek(')')) {
          nested(() => {
            do args.push(level(0));
            while (peek(',') && ++p);
          });
        }
        expect(')');
        e = deep({ k: 'call', name: e.name, args });
      } else return e;
    }
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new ExpressionError('unexpected end of expression');
    if (t.t === 'num') return { k: 'lit', v: Number(t.v) };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'id') {
      if (t.v === 'true') return { k: 'lit', v: true };
      if (t.v === 'false') return { k: 'lit', v: false };
      if (t.v === 'null') return { k: 'lit', v: null };
      return { k: 'id', name: t.v };
    }
    if (t.v === '(') {
      const e = nested(() => level(0));
      expect(')');
      return e;
    }
    throw new ExpressionError(`unexpected '${t.v}' at ${t.at + 1}`);
  };
  const root = level(0);
  if (p < toks.length) throw new ExpressionError(`unexpected '${toks[p].v}' at ${toks[p].at + 1}`);
  return root;
}

/** How deep each node's tree is: a long chain (1+1+…+1, -----x) is as deep for evaluate as nesting. */
const depths = new WeakMap<Node, number>();
function deep(n: Node): Node {
  const kids =
    n.k === 'un' ? [n.e] : n.k === 'bin' ? [n.l, n.r] : n.k === 'get' ? [n.obj, n.key] : n.k === 'call' ? n.args : [];
  const d = 1 + Math.max(0, maxOf(kids.map((c) => depths.get(c) ?? 1)));
  if (d > MAX_CHAIN) throw new ExpressionError(TOO_LONG);
  depths.set(n, d);
  return n;
}

/** Own data properties only: no prototype walking (constructor, __proto__) and no methods. */
function property(obj: Value, key: Value): Value {
  if (obj instanceof Map) return obj.get(key);
  if (typeof obj === 'string' && key === 'length') return obj.length;
  if (obj === null || typeof obj !== 'object') {
    throw new ExpressionError(`cannot read '${String(key)}' of ${obj === null ? 'null' : typeof obj}`);
  }
  if (Array.isArray(obj) && key === 'length') return obj.length;
  const k = String(key);
  if (!Object.prototype.hasOwnProperty.call(obj, k)) return undefined;
  const v = (obj as Record<string, Value>)[k];
  return typeof v === 'function' ? undefined : v;
}

function evaluate(n: Node, s: ExpressionScope): Value {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'id':
      if (!Object.prototype.hasOwnProperty.call(s.vars, n.name)) throw new ExpressionError(`unknown name '${n.name}'`);
      return s.vars[n.name];
    case 'un': {
      const v = evaluate(n.e, s);
      return n.op === '!' ? !v : -Number(v);
    }
    case 'get':
      return property(evaluate(n.obj, s), evaluate(n.key, s));
    case 'call': {
      if (!Object.prototype.hasOwnProperty.call(s.fns, n.name)) {
        throw new ExpressionError(`unknown function '${n.name}' (known: ${Object.keys(s.fns).join(', ')})`);
      }
      const fn = s.fns[n.name];
      // Declared parameters are required (tie() would ask for agent 'undefined'); rest parameters declare none.
      if (fn.length > 0 && n.args.length !== fn.length) {
        throw new ExpressionError(`${n.name}() takes ${counted(fn.length, 'argument')}, not ${n.args.length}`);
      }
      return fn(...n.args.map((a) => evaluate(a, s)));
    }
    case 'bin': {
      if (n.op === '&&') return evaluate(n.l, s) && evaluate(n.r, s);
      if (n.op === '||') return evaluate(n.l, s) || evaluate(n.r, s);
      const l = evaluate(n.l, s),
        r = evaluate(n.r, s);
      switch (n.op) {
        case '==':
        case '===':
          return l === r;
        case '!=':
        case '!==':
          return l !== r;
        case '<':
          return (l as number) < (r as number);
        case '<=':
          return (l as number) <= (r as number);
        case '>':
          return (l as number) > (r as number);
        case '>=':
          return (l as number) >= (r as number);
        case '+':
          return typeof l === 'string' || typeof r === 'string' ? String(l) + String(r) : Number(l) + Number(r);
        case '-':
          return Number(l) - Number(r);
        case '*':
          return Number(l) * Number(r);
        case '/':
          return Number(l) / Number(r);
        case '%':
          return Number(l) % Number(r);
      }
    }
  }
  throw new ExpressionError('unsupported expression');
}

/** A parsed expression, evaluated against any scope (parse once per breakpoint, run per stop). */
export function compileExpression(src: string): (scope: ExpressionScope) => Value {
  const tree = parseExpression(src);
  return (scope) => evaluate(tree, scope);
}

export function evaluateExpression(src: string, scope: ExpressionScope): Value {
  return evaluate(parseExpression(src), scope);
}
