// A decision's JSON schema as node-llama-cpp's grammar builder reads it (localWorker.ts builds the
// grammar of each call from it): what its builder would drop is rewritten into a form it keeps,
// and what it would spell out too long is left to the parse path, which checks every answer
// against the schema as sent. Pure, so a test can build the grammar of every decision schema the
// engine sends and check each bound in node-llama-cpp's own output (test/model).
import { nameRecord } from '../../text/nameRecord';

/**
 * A decision's schema as node-llama-cpp's grammar builder reads it. It knows a union as `oneOf`
 * (an `anyOf` it silently makes `null`, so every act answer was `"choice": null`), and it spells a
 * long `maxLength` out as thousands of grammar repetitions, which slows every sampled token; the
 * answer is capped by max_tokens anyway. Whatever is loosened here the parse path still checks.
 */
export function grammarSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(grammarSchema);
  if (!s || typeof s !== 'object') return s;
  const union = typeUnion(s as Record<string, unknown>);
  if (union) return grammarSchema(union);
  const grid = numberGrid(s as Record<string, unknown>);
  if (grid) return grid;
  const out = nameRecord<unknown>();
  for (const [k, v] of Object.entries(s)) {
    if (k === 'maxLength' && typeof v === 'number' && v > LONGEST_SPELLED) continue;
    if (k === 'enum' || k === 'const') out[k] = v;
    // Maps of names to schemas: a property may be called `anyOf`.
    else if ((k === 'properties' || k === '$defs') && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, grammarSchema(sub)]));
    } else out[k === 'anyOf' ? 'oneOf' : k] = grammarSchema(v);
  }
  return out;
}

/** The keywords that hold each JSON type; the others (description, enum, ...) hold the whole node. */
const KEYWORDS_OF: Readonly<Record<string, readonly string[]>> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  array: ['items', 'minItems', 'maxItems', 'prefixItems'],
  object: ['properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties'],
};

/**
 * A type union (`type: ["string", "null"]`, a nullable field) as `oneOf` one branch a type, each
 * with its own keywords: node-llama-cpp's builder drops every bound of a node whose type is a list
 * (speak's `topic` of at most 200 characters ran long; 7 of 24 decisions lost or re-asked, issue
 * 86), and keeps them in a `oneOf` branch. A union with `enum` (the coach's partner: the ids or
 * null) is held whole by its values and left as it is.
 */
function typeUnion(s: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!Array.isArray(s.type) || s.type.length < 2 || 'enum' in s || 'const' in s) return undefined;
  const types = s.type as string[];
  const owned = new Set(types.flatMap((t) => KEYWORDS_OF[t] ?? []));
  const shared = nameRecord<unknown>();
  for (const [k, v] of Object.entries(s)) if (k !== 'type' && !owned.has(k)) shared[k] = v;
  const branches = types.map((t) => {
    const branch = nameRecord<unknown>();
    branch.type = t;
    for (const k of KEYWORDS_OF[t] ?? []) if (k in s) branch[k] = s[k];
    return branch;
  });
  return { ...shared, oneOf: branches };
}

/** The longest `maxLength` kept in a grammar. */
const LONGEST_SPELLED = 256;

/** The most values a bounded number's grammar lists. */
const GRID_VALUES = 201;

/**
 * A bounded number as the values a grammar can hold it to. node-llama-cpp's grammar has no numeric
 * bounds, and a small model wrote 22, -1 and 29.1428571429874385 for an amount of 0..10: a re-ask
 * each, then a failed decision. So a number with both bounds is sampled from a grid across them:
 * every whole number for an integer (when at most GRID_VALUES), else the finest power-of-ten step
 * that keeps at most GRID_VALUES values (0..10 in tenths, 0..1 in hundredths, 0..1000 in tens),
 * both bounds always among them. Stricter than the schema, never looser: every value passes it.
 */
export function numberGrid(s: Record<string, unknown>): { enum: number[]; description?: unknown } | undefined {
  const { type, minimum: lo, maximum: hi } = s;
  if (type !== 'number' && type !== 'integer') return undefined;
  if (typeof lo !== 'number' || typeof hi !== 'number' || !Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) {
    return undefined;
  }
  if (Object.keys(s).some((k) => !['type', 'minimum', 'maximum', 'description'].includes(k))) return undefined;
  if (type === 'integer') {
    const first = Math.ceil(lo);
    const last = Math.floor(hi);
    if (last < first || last - first + 1 > GRID_VALUES) return undefined;
    return withDescription(
      Array.from({ length: last - first + 1 }, (_, i) => first + i),
      s,
    );
  }
  const step = 10 ** Math.ceil(Math.log10((hi - lo) / (GRID_VALUES - 1) || 1e-6));
  const decimals = Math.max(0, -Math.round(Math.log10(step)));
  const values = new Set<number>([lo]);
  for (let k = Math.ceil(lo / step); k * step <= hi; k++) values.add(Number((k * step).toFixed(decimals)));
  values.add(hi);
  const listed = [...values].filter((v) => v >= lo && v <= hi).sort((a, b) => a - b);
  return listed.length <= GRID_VALUES + 2 ? withDescription(listed, s) : undefined;
}

function withDescription(values: number[], s: Record<string, unknown>): { enum: number[]; description?: unknown } {
  return { enum: values, ...(s.description !== undefined ? { description: s.description } : {}) };
}
