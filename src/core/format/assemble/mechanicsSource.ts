// The mechanics of a scenario as the editor reads them (issue 34): from the raw document value,
// tolerantly (a half-typed `state:` still gives what is well formed; feeds, post arguments and the
// platform fields of actions too), every expression with where it is written and the scope it is
// read in (a phase's `when` among them), and where each character of an expression sits in the
// file — so a problem found at offsets into the expression is shown on its own sub-expression.
import type { Range } from '../model/model';
import type { PathSegment } from '../syntax/parse';
import type { Locator } from '../syntax/locate';
import type { Mechanics, Quantity } from '../model/mechanics';
import type { Scope, Wanted } from '../expressions/expressions';
import { buildMechanics } from './buildMechanics';
import { VERB_KEYS, verbTarget } from '../model/verbs';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

const QUANTITY_FIELDS: Record<string, string> = {
  description: 'string',
  initial: 'number',
  min: 'number',
  max: 'number',
  integer: 'boolean',
  update: 'string',
  hidden: 'boolean',
  valued: 'boolean',
  worth_usd: 'number',
};
const ARG_FIELDS: Record<string, string> = {
  description: 'string',
  integer: 'boolean',
  feed: 'string',
  where: 'string',
};
const ACTION_FIELDS: Record<string, string> = {
  description: 'string',
  when: 'string',
  remember: 'string',
};
const FEED_FIELDS: Record<string, string> = { description: 'string', shows: 'number', keep: 'number' };
const RANK_FIELDS: Record<string, string> = {
  recency: 'number',
  likes: 'number',
  replies: 'number',
  ties: 'number',
  follows: 'number',
};

/** The fields of a mapping whose values have the type the schema wants (the schema reports the rest). */
function fields(raw: unknown, types: Record<string, string>): Obj {
  const out: Obj = {};
  if (!isObj(raw)) return out;
  for (const [k, t] of Object.entries(types)) {
    const v = raw[k];
    if (typeof v === t && (t !== 'number' || Number.isFinite(v))) out[k] = v;
  }
  return out;
}

/** A quantity's fields, its `labels` among them when they are a list of names. */
function quantityFields(raw: unknown): Obj {
  const out = fields(raw, QUANTITY_FIELDS);
  const labels = isObj(raw) ? raw.labels : undefined;
  if (Array.isArray(labels) && labels.length && labels.every((l) => typeof l === 'string')) out.labels = labels;
  return out;
}

const entries = (v: unknown): [string, unknown][] => (isObj(v) ? Object.entries(v).filter(([, x]) => isObj(x)) : []);

function cleanAction(raw: Obj): Obj {
  const args: Obj = {};
  for (const [name, a] of entries(raw.args)) {
    const type = (a as Obj).type;
    const typed = type === 'agent' || type === 'number' || type === 'post' || type === 'place' ? { type } : {};
    args[name] = { ...fields(a, ARG_FIELDS), ...bounds(a as Obj), ...typed };
  }
  const effects: Obj = {};
  if (isObj(raw.effects)) {
    for (const [target, e] of Object.entries(raw.effects)) if (typeof e === 'string') effects[target] = e;
  }
  return { description: '', ...fields(raw, ACTION_FIELDS), ...verbFields(raw), args, effects };
}

/** An argument's `min` and `max`: numbers, or expressions (strings). */
function bounds(raw: Obj): Obj {
  const out: Obj = {};
  for (const k of ['min', 'max']) {
    const v = raw[k];
    if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string') out[k] = v;
  }
  return out;
}

/** `matching:` as far as it is well formed. */
function cleanMatching(raw: unknown): Obj | undefined {
  if (!isObj(raw)) return undefined;
  const out: Obj = {};
  if (raw.design === 'partner' || raw.design === 'stranger') out.design = raw.design;
  if (typeof raw.size === 'number' && Number.isInteger(raw.size) && raw.size >= 2) out.size = raw.size;
  if (typeof raw.within === 'string') out.within = raw.within;
  if (Array.isArray(raw.between) && raw.between.length === 2 && raw.between.every((g) => typeof g === 'string')) {
    out.between = raw.between;
  }
  return out;
}

/** The platform verbs written well: a name, or (`ties`) the tie changes given as numbers. */
function verbFields(raw: Obj): Obj {
  const out: Obj = {};
  for (const key of VERB_KEYS) {
    const v = raw[key];
    if (verbTarget(key) !== 'deltas') {
      if (typeof v === 'string') out[key] = v;
    } else if (isObj(v)) out[key] = Object.fromEntries(Object.entries(v).filter(([, w]) => typeof w === 'number'));
  }
  return out;
}

function cleanFeed(raw: unknown): Obj {
  return { ...fields(raw, FEED_FIELDS), rank: fields(isObj(raw) ? raw.rank : undefined, RANK_FIELDS) };
}

/**
 * The mechanics a scenario's raw value declares, reading only what is well formed; undefined when
 * it declares none. Never throws.
 */
export function readMechanics(value: unknown, at: Locator): Mechanics | undefined {
  if (!isObj(value)) return undefined;
  const state = isObj(value.state) ? value.state : {};
  const clean = {
    state: {
      world: Object.fromEntries(entries(state.world).map(([k, q]) => [k, quantityFields(q)])),
      agents: Object.fromEntries(entries(state.agents).map(([k, q]) => [k, quantityFields(q)])),
    },
    actions: Object.fromEntries(entries(value.actions).map(([k, a]) => [k, cleanAction(a as Obj)])),
    // Every feed by name, written out or not (`forum:` alone is a feed with the defaults to the checks).
    feeds: isObj(value.feeds) ? Object.fromEntries(Object.entries(value.feeds).map(([k, f]) => [k, cleanFeed(f)])) : {},
    // Each item by id, whatever else is written in it: expressions read only which exist (`me.knows.party`).
    knowledge: isObj(value.knowledge)
      ? Object.fromEntries(Object.keys(value.knowledge).map((k) => [k, { text: k }]))
      : {},
    matching: cleanMatching(value.matching),
    // Only whether there are places: expressions may then read `.place`.
    places: isObj(value.places) ? Object.fromEntries(Object.keys(value.places).map((k) => [k, {}])) : {},
  };
  try {
    return buildMechanics(clean, at);
  } catch {
    return undefined;
  }
}

/** One expression of the mechanics: where it is, what it is read as, and what it must give. */
export interface ExpressionSite {
  path: PathSegment[];
  text: string;
  scope: Scope;
  wanted: Wanted;
  /** In words, for messages: `the update of world quantity 'fish'`. */
  what: string;
  /** The diagnostic of a problem in it, when not SOC061: SOC080 for an argument's `where`. */
  code?: 'SOC080';
}

/** A phase of `round:` with a `when` written as a string. */
export interface PhaseWhen {
  index: number;
  /** The phase's name, as written (`round[2]` when it has none). */
  name: string;
  when: string;
}

/** Every expression of the mechanics, and the `when` of each phase of the round. */
export function expressionSites(m: Mechanics, phases: readonly PhaseWhen[] = []): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const updates = (side: 'world' | 'agents', list: Quantity[]): void => {
    for (const q of list) {
      if (q.update === undefined) continue;
      sites.push({
        path: ['state', side, q.name, 'update'],
        text: q.update,
        scope: { kind: side === 'world' ? 'world' : 'agent' },
        wanted: 'number',
        what: `the update of ${side === 'world' ? 'world' : 'agent'} quantity '${q.name}'`,
      });
    }
  };
  updates('world', m.world);
  updates('agents', m.agents);
  for (const a of m.actions) {
    if (a.when !== undefined) {
      sites.push({
        path: ['actions', a.name, 'when'],
        text: a.when,
        scope: { kind: 'agent' },
        wanted: 'bool',
        what: `the \`when\` of action '${a.name}'`,
      });
    }
    for (const arg of a.args) {
      for (const [side, text] of [
        ['min', arg.minExpression],
        ['max', arg.maxExpression],
      ] as const) {
        if (text === undefined || arg.type !== 'number') continue;
        sites.push({
          path: ['actions', a.name, 'args', arg.name, side],
          text,
          scope: { kind: 'agent' },
          wanted: 'number',
          what: `the \`${side}\` of argument '${arg.name}' of action '${a.name}'`,
        });
      }
      if (arg.where === undefined || arg.type === 'number') continue;
      sites.push({
        path: ['actions', a.name, 'args', arg.name, 'where'],
        text: arg.where,
        scope: { kind: 'candidate', action: a, arg },
        wanted: 'bool',
        what: `the \`where\` of argument '${arg.name}' of action '${a.name}'`,
        code: 'SOC080',
      });
    }
    for (const e of a.effects) {
      sites.push({
        path: ['actions', a.name, 'effects', e.target],
        text: e.expression,
        scope: { kind: 'action', action: a },
        wanted: 'number',
        what: `the effect on ${e.target} of action '${a.name}'`,
      });
    }
  }
  for (const p of phases) {
    sites.push({
      path: ['round', p.index, 'when'],
      text: p.when,
      scope: { kind: 'world' },
      wanted: 'bool',
      what: `the \`when\` of phase '${p.name}'`,
    });
  }
  return sites;
}

/** The site of an expression at a path of the document (a value of `update`, `when` or `effects`). */
export function siteKind(
  path: readonly PathSegment[],
): 'world' | 'agents' | 'when' | 'effect' | 'phase' | 'where' | 'bound' | undefined {
  if (path.length === 5 && path[0] === 'actions' && path[2] === 'args' && path[4] === 'where') return 'where';
  if (path.length === 5 && path[0] === 'actions' && path[2] === 'args' && (path[4] === 'min' || path[4] === 'max')) {
    return 'bound';
  }
  if (path.length === 3 && path[0] === 'round' && typeof path[1] === 'number' && path[2] === 'when') return 'phase';
  if (path.length === 4 && path[0] === 'state' && path[3] === 'update') {
    return path[1] === 'world' ? 'world' : path[1] === 'agents' ? 'agents' : undefined;
  }
  if (path.length === 3 && path[0] === 'actions' && path[2] === 'when') return 'when';
  if (path.length === 4 && path[0] === 'actions' && path[2] === 'effects') return 'effect';
  return undefined;
}

/**
 * Where the characters of a scalar's value are in the file: the i-th character of the value is
 * written from `starts[i]` to `ends[i]` (two characters for a quote doubled in a single-quoted
 * scalar). Undefined when they cannot be told apart character by character (escapes in a
 * double-quoted scalar, a tag, an alias).
 */
export function valueOffsets(
  source: string,
  from: number,
  value: string,
): { starts: number[]; ends: number[] } | undefined {
  const first = source[0];
  let j = 0;
  let end = source.length;
  if (first === '"' || first === "'") {
    if (first === '"' && source.includes('\\')) return undefined;
    j = 1;
    end = source.lastIndexOf(first) > 0 ? source.lastIndexOf(first) : source.length;
  } else if (first === '|' || first === '>') {
    const header = source.indexOf('\n');
    if (header < 0) return undefined;
    j = header + 1;
  } else if (/^[!&*]/.test(source)) return undefined;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    while (j < end && source[j] !== c && /\s/.test(source[j])) j++;
    if (j < end && source[j] === c) {
      starts.push(from + j);
      j += first === "'" && c === "'" && source[j + 1] === "'" ? 2 : 1;
      ends.push(from + j);
    } else if (/\s/.test(c)) {
      // A line break folded into a space.
      starts.push(from + Math.min(j, end));
      ends.push(from + Math.min(j, end));
    } else return undefined;
  }
  starts.push(from + Math.min(j, end));
  return { starts, ends };
}

/**
 * The range of `start..end` of the string at `path`, or of the whole value when that cannot be
 * told. An empty range at the end of the expression (`world.fish +`, expecting more) covers its
 * last character, so that it shows.
 */
export function expressionRange(at: Locator, path: PathSegment[], value: string, start: number, end: number): Range {
  const whole = at.valueRange(path);
  const lines = at.file.lines;
  const from = lines.offsetAt(whole.start);
  const map = value.trim() ? valueOffsets(lines.text.slice(from, lines.offsetAt(whole.end)), from, value) : undefined;
  if (!map) return whole;
  let s = Math.max(0, Math.min(start, value.length));
  let e = Math.max(s, Math.min(end, value.length));
  if (s === e && s === value.length && value.trim()) {
    s = value.trimEnd().length - 1;
    e = s + 1;
  }
  if (s === e) return lines.range(map.starts[s], map.starts[s]);
  e = Math.max(e, s + 1);
  return lines.range(map.starts[s], map.ends[e - 1]);
}
