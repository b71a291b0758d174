// A small, safe expression language for breakpoint conditions, logpoints and the Debug Console:
// numbers, strings, true/false/null, arithmetic, comparisons, && || !, parentheses, property
// access on plain data (a.b, a[0]) and calls of the functions the scope offers. It is parsed and
// interpreted here — never handed to eval — so a condition can read state but not change it.
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

interface Token { t: 'num' | 'str' | 'id' | 'op'; v: string; at: number }

const OPS = ['&&', '||', '==', '!=', '<=', '>=', '===', '!==', '<', '>', '!', '+', '-', '*', '/', '%', '(', ')', '[', ']', '.', ','];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const at = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0], at }); i += m[0].length; continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0], at }); i += m[0].length; continue;
    }
    if (c === '"' || c === "'") {
      let s = ''; i++;
      while (i < src.length && src[i] !== c) { if (src[i] === '\\' && i + 1 < src.length) i++; s += src[i++]; }
      if (src[i] !== c) throw new ExpressionError(`unterminated string at ${at + 1}`);
      i++; out.push({ t: 'str', v: s, at }); continue;
    }
    const op = OPS.filter((o) => src.startsWith(o, i)).sort((a, b) => b.length - a.length)[0];
    if (!op) throw new ExpressionError(`unexpected '${c}' at ${at + 1}`);
    out.push({ t: 'op', v: op, at }); i += op.length;
  }
  return out;
}

const LEVELS: string[][] = [['||'], ['&&'], ['==', '!=', '===', '!==', '<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

export function parseExpression(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = (v?: string): boolean => p < toks.length && toks[p].t === 'op' && (v === undefined || toks[p].v === v);
  const expect = (v: string): void => {
    if (!peek(v)) throw new ExpressionError(`expected '${v}' ${p < toks.length ? `at ${toks[p].at + 1}` : 'at the end'}`);
    p++;
  };
  const level = (n: number): Node => {
    if (n === LEVELS.length) return unary();
    let l = level(n + 1);
    while (p < toks.length && toks[p].t === 'op' && LEVELS[n].includes(toks[p].v)) {
      const op = toks[p++].v;
      // Comparisons do not chain (a < b < c is almost always a mistake).
      l = { k: 'bin', op, l, r: level(n + 1) };
      if (n === 2) break;
    }
    return l;
  };
  const unary = (): Node => {
    if (peek('!') || peek('-')) { const op = toks[p++].v as '!' | '-'; return { k: 'un', op, e: unary() }; }
    return postfix(primary());
  };
  const postfix = (e: Node): Node => {
    for (;;) {
      if (peek('.')) {
        p++;
        const t = toks[p++];
        if (!t || t.t !== 'id') throw new ExpressionError('expected a property name after "."');
        e = { k: 'get', obj: e, key: { k: 'lit', v: t.v } };
      } else if (peek('[')) { p++; const key = level(0); expect(']'); e = { k: 'get', obj: e, key }; }
      else if (peek('(')) {
        if (e.k !== 'id') throw new ExpressionError('only named functions can be called');
        p++;
        const args: Node[] = [];
        if (!peek(')')) { do args.push(level(0)); while (peek(',') && ++p); }
        expect(')');
        e = { k: 'call', name: e.name, args };
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
    if (t.v === '(') { const e = level(0); expect(')'); return e; }
    throw new ExpressionError(`unexpected '${t.v}' at ${t.at + 1}`);
  };
  const root = level(0);
  if (p < toks.length) throw new ExpressionError(`unexpected '${toks[p].v}' at ${toks[p].at + 1}`);
  return root;
}

/** Own data properties only: no prototype walking (constructor, __proto__) and no methods. */
function property(obj: Value, key: Value): Value {
  if (obj instanceof Map) return obj.get(key);
  if (typeof obj === 'string' && key === 'length') return obj.length;
  if (obj === null || typeof obj !== 'object') throw new ExpressionError(`cannot read '${String(key)}' of ${obj === null ? 'null' : typeof obj}`);
  if (Array.isArray(obj) && key === 'length') return obj.length;
  const k = String(key);
  if (!Object.prototype.hasOwnProperty.call(obj, k)) return undefined;
  const v = (obj as Record<string, Value>)[k];
  return typeof v === 'function' ? undefined : v;
}

function evaluate(n: Node, s: ExpressionScope): Value {
  switch (n.k) {
    case 'lit': return n.v;
    case 'id':
      if (!Object.prototype.hasOwnProperty.call(s.vars, n.name)) throw new ExpressionError(`unknown name '${n.name}'`);
      return s.vars[n.name];
    case 'un': { const v = evaluate(n.e, s); return n.op === '!' ? !v : -Number(v); }
    case 'get': return property(evaluate(n.obj, s), evaluate(n.key, s));
    case 'call': {
      if (!Object.prototype.hasOwnProperty.call(s.fns, n.name)) throw new ExpressionError(`unknown function '${n.name}' (known: ${Object.keys(s.fns).join(', ')})`);
      return s.fns[n.name](...n.args.map((a) => evaluate(a, s)));
    }
    case 'bin': {
      if (n.op === '&&') return evaluate(n.l, s) && evaluate(n.r, s);
      if (n.op === '||') return evaluate(n.l, s) || evaluate(n.r, s);
      const l = evaluate(n.l, s), r = evaluate(n.r, s);
      switch (n.op) {
        case '==': case '===': return l === r;
        case '!=': case '!==': return l !== r;
        case '<': return (l as number) < (r as number);
        case '<=': return (l as number) <= (r as number);
        case '>': return (l as number) > (r as number);
        case '>=': return (l as number) >= (r as number);
        case '+': return typeof l === 'string' || typeof r === 'string' ? String(l) + String(r) : Number(l) + Number(r);
        case '-': return Number(l) - Number(r);
        case '*': return Number(l) * Number(r);
        case '/': return Number(l) / Number(r);
        case '%': return Number(l) % Number(r);
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
