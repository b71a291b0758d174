// What a strict structured-output endpoint (OpenAI's `response_format: json_schema, strict: true`
// and the servers that copy it) accepts as a schema, as one rule set: every schema we send is
// checked against it in test/unit/llm/strictSchema.test.ts. An endpoint rejects a schema outside
// these rules (we then step down to JSON mode and lose the schema's guarantees), and one that
// decodes a schema it does not fully understand may answer outside it.
//
// The rules are OpenAI's documented subset, read conservatively: where newer documentation raised
// a limit, the older, lower one is kept, since OpenAI-compatible servers and older API versions
// still hold it. minLength/maxLength are allowed: the documentation lists them as unsupported
// only for fine-tuned models.

type Schema = Record<string, unknown>;

export const STRICT_LIMITS = {
  /** Object properties in the whole schema (5,000 in newer documentation). */
  properties: 100,
  /** Levels of object nesting, the root being the first (10 in newer documentation). */
  depth: 5,
  /** Enum values across the whole schema (1,000 in newer documentation). */
  enumValues: 500,
  /** Characters of every property name, definition name, enum and const value (120,000 in newer documentation). */
  chars: 15_000,
  /** A string enum of more values than this may total at most `largeEnumChars` characters. */
  largeEnum: 250,
  largeEnumChars: 7_500,
} as const;

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const FORMATS = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uuid']);
/** Keywords a strict schema may use; anything else (allOf, oneOf, not, if, default, …) is rejected. */
export const STRICT_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'description',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  '$ref',
  '$defs',
]);
/** A node without one of these gives its value no type, which strict decoding cannot follow. */
const TYPED = ['type', 'enum', 'const', 'anyOf', '$ref'];

const isSchema = (x: unknown): x is Schema => !!x && typeof x === 'object' && !Array.isArray(x);
const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;

class Walk {
  readonly problems: string[] = [];
  properties = 0;
  enumValues = 0;
  chars = 0;

  say(at: string, problem: string): void {
    this.problems.push(`${at || '/'}: ${problem}`);
  }

  node(s: unknown, at: string, depth: number): void {
    if (!isSchema(s)) return this.say(at, 'a schema must be an object');
    for (const k of Object.keys(s)) if (!STRICT_KEYWORDS.has(k)) this.say(at, `"${k}" is not supported`);
    if (!TYPED.some((k) => k in s)) this.say(at, 'no type: give "type", "enum", "const" or "anyOf"');
    const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
    for (const t of types) if (!TYPES.has(String(t))) this.say(at, `type "${String(t)}" is not supported`);
    if (s.enum !== undefined) this.enumOf(s, types, at);
    if ('const' in s) this.chars += String(s.const).length;
    if (s.format !== undefined && !FORMATS.has(String(s.format))) {
      this.say(at, `format "${String(s.format)}" is not supported`);
    }
    if (s.pattern !== undefined) this.pattern(s.pattern, at);
    if (typeof s.minimum === 'number' && typeof s.maximum === 'number' && s.minimum > s.maximum) {
      this.say(at, `minimum ${s.minimum} is above maximum ${s.maximum}`);
    }
    if (s.anyOf !== undefined) {
      if (!Array.isArray(s.anyOf) || !s.anyOf.length) this.say(at, '"anyOf" must list at least one schema');
      else s.anyOf.forEach((b, i) => this.node(b, `${at}/anyOf/${i}`, depth));
    }
    if (types.includes('object')) this.object(s, at, depth + 1);
    if (types.includes('array')) {
      if (!isSchema(s.items)) this.say(at, 'an array must give its "items" a schema');
      else this.node(s.items, `${at}/items`, depth);
    }
    if (isSchema(s.$defs)) {
      for (const [name, d] of Object.entries(s.$defs)) {
        this.chars += name.length;
        this.node(d, `${at}/$defs/${name}`, depth);
      }
    }
  }

  private object(s: Schema, at: string, depth: number): void {
    if (depth > STRICT_LIMITS.depth) this.say(at, `nested ${depth} objects deep (at most ${STRICT_LIMITS.depth})`);
    if (s.additionalProperties !== false) this.say(at, '"additionalProperties" must be false');
    if (!isSchema(s.properties)) return this.say(at, 'an object must list its "properties"');
    const names = Object.keys(s.properties);
    const required = Array.isArray(s.required) ? s.required.map(String) : [];
    for (const n of names) {
      if (!required.includes(n)) this.say(at, `"${n}" must be required (make it nullable instead)`);
    }
    for (const n of required) if (!names.includes(n)) this.say(at, `"${n}" is required but not a property`);
    this.properties += names.length;
    for (const [name, p] of Object.entries(s.properties)) {
      this.chars += name.length;
      this.node(p, `${at}/properties/${name}`, depth);
    }
  }

  private enumOf(s: Schema, types: unknown[], at: string): void {
    const values = s.enum;
    if (!Array.isArray(values) || !values.length) return this.say(at, '"enum" must list at least one value');
    this.enumValues += values.length;
    let length = 0;
    for (const v of values) {
      const t = jsonType(v);
      if (t === 'object' || t === 'array') this.say(at, 'enum values must be strings, numbers, booleans or null');
      // An integer is a number too.
      else if (types.length && !types.includes(t) && !(t === 'integer' && types.includes('number'))) {
        this.say(at, `enum value ${JSON.stringify(v)} is not of type ${types.join(' or ')}`);
      }
      length += String(v).length;
    }
    this.chars += length;
    if (values.length > STRICT_LIMITS.largeEnum && length > STRICT_LIMITS.largeEnumChars) {
      this.say(
        at,
        `an enum of ${values.length} values totals ${length} characters (at most ${STRICT_LIMITS.largeEnumChars})`,
      );
    }
  }

  private pattern(p: unknown, at: string): void {
    if (typeof p !== 'string') return this.say(at, '"pattern" must be a string');
    if (/\(\?<?[=!]/.test(p)) this.say(at, 'lookaround is not supported in "pattern"');
    try {
      new RegExp(p, 'u');
    } catch {
      this.say(at, `"pattern" ${p} is not a regular expression`);
    }
  }
}

/** What a strict endpoint would reject in `schema`, one line each (path: problem); empty when none. */
export function strictViolations(schema: unknown): string[] {
  const w = new Walk();
  if (!isSchema(schema) || schema.type !== 'object' || 'anyOf' in schema) {
    w.say('', 'the root must be a single object schema ("type": "object", no "anyOf")');
  }
  w.node(schema, '', 0);
  if (w.properties > STRICT_LIMITS.properties) {
    w.say('', `${w.properties} object properties (at most ${STRICT_LIMITS.properties})`);
  }
  if (w.enumValues > STRICT_LIMITS.enumValues) {
    w.say('', `${w.enumValues} enum values (at most ${STRICT_LIMITS.enumValues})`);
  }
  if (w.chars > STRICT_LIMITS.chars) {
    w.say('', `${w.chars} characters of names and values (at most ${STRICT_LIMITS.chars})`);
  }
  return w.problems;
}
