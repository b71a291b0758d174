// The schema answers are validated with, derived from the very schema a model is sent (one
// description, issue 58: 3). A strict endpoint answers every property, optional ones as null, and
// no extra keys; a model in JSON mode may leave an optional property out or add keys of its own.
// So the derivation loosens only that: a property that may be null may be absent, and extra keys
// are ignored (the response is shaped from the fields it names). Every bound, enum and type stays
// as sent, so nothing a model could answer within the sent schema is refused for its shape; and
// the code checks beside it (validate.ts) only say what a schema cannot (ids in the trace, repairs).

type Schema = Record<string, unknown>;

const isSchema = (x: unknown): x is Schema => !!x && typeof x === 'object' && !Array.isArray(x);

/** Whether `s` allows null (so a property of it may be left out). */
function nullable(s: unknown): boolean {
  if (!isSchema(s)) return false;
  if (s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null'))) return true;
  if (Array.isArray(s.enum) && s.enum.includes(null)) return true;
  return Array.isArray(s.anyOf) && s.anyOf.some(nullable);
}

/** `strict` loosened as a lenient model may answer it; a new object, the input is not changed. */
export function relaxed(strict: Schema): Schema {
  const out: Schema = {};
  for (const [k, v] of Object.entries(strict)) {
    if (k === 'additionalProperties' && v === false) continue;
    if (k === 'properties' && isSchema(v)) {
      out.properties = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, relaxSub(s)]));
    } else if (k === 'required' && Array.isArray(v)) {
      const props = isSchema(strict.properties) ? strict.properties : {};
      out.required = v.filter((name: string) => !(Object.hasOwn(props, name) && nullable(props[name])));
    } else if (k === 'items' || k === 'additionalProperties') {
      out[k] = relaxSub(v);
    } else if (k === 'anyOf' && Array.isArray(v)) {
      out.anyOf = v.map(relaxSub);
    } else {
      out[k] = v;
    }
  }
  return out;
}

const relaxSub = (s: unknown): unknown => (isSchema(s) ? relaxed(s) : s);
