// A random instance of a JSON schema, as an endpoint with strict structured output may answer: any
// value the schema allows, the awkward ones included (bounds at their extremes, empty strings
// where allowed, optional properties left out, any alternative of an anyOf). The fake server
// answers with it (fakeOpenAI.ts, schemaAnswers), so a test can show that whatever follows the
// schema we send passes our validation. It honours the keywords our schemas use and throws on any
// other, so a schema it cannot follow fails loudly instead of being answered wrongly.
import type { Rng } from '../../src/core/random/rng';
import { STRICT_KEYWORDS } from '../../src/core/llm/strictSchema';

type Schema = Record<string, any>;

/** Strict-schema keywords it does not follow (our schemas use none of them). */
const UNHANDLED = new Set(['format', 'multipleOf', '$ref', '$defs']);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz ,.';

/** Text of `length` characters, spaces and punctuation included. */
function textOf(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += LETTERS[rng.int(LETTERS.length)];
  return s;
}

function stringOf(s: Schema, rng: Rng): string {
  const min = s.minLength ?? 0,
    max = s.maxLength ?? min + 60;
  const pattern = s.pattern === undefined ? undefined : new RegExp(s.pattern, 'u');
  for (let tries = 0; tries < 100; tries++) {
    const r = rng.next();
    // The extremes now and then: as short as allowed (often empty or blank), as long as allowed.
    const length = r < 0.15 ? min : r < 0.2 ? max : min + rng.int(Math.min(max, min + 60) - min + 1);
    const candidate = r < 0.1 && length > 0 ? ' '.repeat(length) : textOf(rng, length);
    if (!pattern || pattern.test(candidate)) return candidate;
  }
  throw new Error(`schemaInstance: no string of ${min}..${max} characters matching ${String(s.pattern)}`);
}

function numberOf(s: Schema, integer: boolean, rng: Rng): number {
  const exclusive = (bound: unknown, step: number): number | undefined =>
    typeof bound === 'number' ? bound + step * (integer ? 1 : 1e-6) : undefined;
  let lo: number = s.minimum ?? exclusive(s.exclusiveMinimum, 1) ?? -1000;
  let hi: number = s.maximum ?? exclusive(s.exclusiveMaximum, -1) ?? 1000;
  if (integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  if (lo > hi) throw new Error(`schemaInstance: no ${integer ? 'integer' : 'number'} in ${lo}..${hi}`);
  const r = rng.next();
  if (r < 0.2) return lo;
  if (r < 0.4) return hi;
  return integer ? lo + rng.int(hi - lo + 1) : lo + rng.next() * (hi - lo);
}

/** A value `schema` allows, drawn from `rng`. */
export function randomInstance(schema: Schema, rng: Rng): unknown {
  for (const k of Object.keys(schema)) {
    if (!STRICT_KEYWORDS.has(k) || UNHANDLED.has(k)) throw new Error(`schemaInstance: "${k}" is not handled`);
  }
  if (schema.anyOf) return randomInstance(rng.pick(schema.anyOf as Schema[]), rng);
  if ('const' in schema) return schema.const;
  if (schema.enum) return rng.pick(schema.enum as unknown[]);
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = rng.pick(types);
  switch (type) {
    case 'object': {
      const required = new Set<string>(schema.required ?? []);
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
        if (required.has(k) || rng.chance(0.5)) out[k] = randomInstance(s, rng);
      }
      if (schema.additionalProperties !== false && rng.chance(0.3)) out.extra = 'not asked for';
      return out;
    }
    case 'array': {
      const min = schema.minItems ?? 0,
        max = schema.maxItems ?? min + 3;
      const n = min + rng.int(Math.min(max, min + 3) - min + 1);
      return Array.from({ length: n }, () => randomInstance(schema.items ?? {}, rng));
    }
    case 'number':
    case 'integer':
      return numberOf(schema, type === 'integer', rng);
    case 'string':
      return stringOf(schema, rng);
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    default:
      throw new Error(`schemaInstance: type ${String(type)} is not handled`);
  }
}
