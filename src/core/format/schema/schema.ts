// The JSON Schema (schemas/society.schema.json) is the single source of keys, types, defaults
// and docs. This module compiles it with ajv and walks it for defaults, completion and hover.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import schemaJson from '../../../../schemas/society.schema.json';

export type DocumentKind = 'persona' | 'scenario' | 'study';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['persona', 'scenario', 'study'];

/** A JSON Schema node, loosely typed: the schema file is the authority. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  title?: string;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  items?: SchemaNode;
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  allOf?: SchemaNode[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  [key: string]: unknown;
}

export const societySchema = schemaJson as unknown as SchemaNode & { $id: string; $defs: Record<string, SchemaNode> };

let ajv: Ajv2020 | undefined;
function getAjv(): Ajv2020 {
  if (!ajv) {
    // No logger: where `eval` is forbidden (the society view's CSP) compiling fails, is caught, and
    // must not print the generated code to the console.
    ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, logger: false });
    ajv.addSchema(societySchema as object);
  }
  return ajv;
}

const validators = new Map<string, ValidateFunction>();
/** A compiled validator for `#/$defs/<name>`. */
export function validatorFor(defName: string): ValidateFunction {
  let v = validators.get(defName);
  if (!v) {
    v = getAjv().getSchema(`${societySchema.$id}#/$defs/${defName}`);
    if (!v) throw new Error(`schema has no $defs/${defName}`);
    validators.set(defName, v);
  }
  return v;
}

export function documentSchema(kind: DocumentKind): SchemaNode {
  return societySchema.$defs[kind];
}

/** Follows local `$ref`s. */
export function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let guard = 0; n?.$ref && guard < 16; guard++) {
    const m = /^#\/\$defs\/(.+)$/.exec(n.$ref);
    n = m ? societySchema.$defs[m[1]] : undefined;
  }
  return n?.anyOf ? alternatives(n) : n;
}

const merged = new WeakMap<SchemaNode, SchemaNode>();
/**
 * An `anyOf` of string alternatives (experiment metrics: a known name, or a state outcome's
 * pattern) as the editor shows it: one node whose enum offers every known name, documented by the
 * alternatives' descriptions. A name or a mapping (a phase of `round:`: `meet`, or `{ phase: … }`)
 * offers the names as values and the mapping's keys as keys. Validation still uses the schema as written.
 */
function alternatives(n: SchemaNode): SchemaNode {
  let m = merged.get(n);
  if (!m) {
    const options = n.anyOf as SchemaNode[];
    const values = options.flatMap((o) => o.enum ?? []);
    const notes = options.map((o) => o.description).filter(Boolean);
    const mapping = options.map((o) => deref(o)).find((o) => o?.properties);
    m = {
      ...n,
      ...(mapping ? { properties: mapping.properties, required: mapping.required } : {}),
      type: options.every((o) => o.type === 'string') ? 'string' : n.type,
      ...(values.length ? { enum: values } : {}),
      ...(notes.length ? { description: [n.description, ...notes].filter(Boolean).join(' ') } : {}),
    };
    delete m.anyOf;
    merged.set(n, m);
  }
  return m;
}

const conditionChecks = new WeakMap<SchemaNode, ValidateFunction>();
/** Picks the `then` or `else` branch of an if/then/else node for a given value. */
export function branch(node: SchemaNode | undefined, value: unknown): SchemaNode | undefined {
  const n = deref(node);
  if (!n?.if) return n;
  let check = conditionChecks.get(n.if);
  if (!check) {
    check = getAjv().compile(n.if);
    conditionChecks.set(n.if, check);
  }
  return deref(check(value) ? n.then : n.else);
}

const leafChecks = new WeakMap<SchemaNode, ValidateFunction | null>();
/**
 * What is wrong with `value` for a leaf of the schema (a number, string or boolean setting): ajv's
 * first error, or undefined when it fits or the node cannot be checked on its own (it refers
 * elsewhere in the schema). Used where the schema cannot reach: the values of `set`.
 */
export function leafError(node: SchemaNode, value: unknown): ErrorObject | undefined {
  return valueErrors(node, value)[0];
}

/**
 * Every ajv error of `value` against a self-contained schema node (a leaf, or a list such as
 * `world.rooms` given in a `set`), with instance paths relative to the value.
 */
export function valueErrors(node: SchemaNode, value: unknown): ErrorObject[] {
  let check = leafChecks.get(node);
  if (check === undefined) {
    try {
      check = JSON.stringify(node).includes('"$ref"') ? null : getAjv().compile(node);
    } catch {
      check = null;
    }
    leafChecks.set(node, check);
  }
  if (!check || check(value)) return [];
  return check.errors ?? [];
}

/**
 * A property's schema by name. Own properties only: the names come from the document, and
 * `constructor` or `toString` would otherwise find Object.prototype's functions.
 */
export function ownProperty(node: SchemaNode, name: string): SchemaNode | undefined {
  return node.properties && Object.hasOwn(node.properties, name) ? node.properties[name] : undefined;
}

/** The schema of a child (property or array item) given the parent's schema and value. */
export function childSchema(
  parent: SchemaNode | undefined,
  segment: string | number,
  childValue?: unknown,
): SchemaNode | undefined {
  const p = deref(parent);
  if (!p) return undefined;
  if (typeof segment === 'number' || p.items) {
    return p.items ? branch(p.items, childValue) : undefined;
  }
  const prop = ownProperty(p, segment);
  if (prop) return branch(prop, childValue);
  if (p.additionalProperties && typeof p.additionalProperties === 'object') {
    return branch(p.additionalProperties, childValue);
  }
  return undefined;
}

/** The schema at a path inside a document of the given kind, following the document's values. */
export function schemaAtPath(
  kind: DocumentKind,
  path: readonly (string | number)[],
  documentValue?: unknown,
): SchemaNode | undefined {
  let node: SchemaNode | undefined = documentSchema(kind);
  let value: unknown = documentValue;
  for (const segment of path) {
    value =
      value && typeof value === 'object' && Object.hasOwn(value, segment)
        ? (value as Record<string | number, unknown>)[segment]
        : undefined;
    node = childSchema(node, segment, value);
    if (!node) return undefined;
  }
  return node;
}

/** Known property names of an object schema. */
export function propertyNames(node: SchemaNode | undefined): string[] {
  return Object.keys(deref(node)?.properties ?? {});
}

/** Fills schema defaults into a (cloned) value, recursively; wrong-typed values are left alone. */
export function applyDefaults(node: SchemaNode | undefined, value: unknown): unknown {
  const n = branch(node, value);
  if (!n) return value;
  if (Array.isArray(value)) {
    return n.items ? value.map((item) => applyDefaults(n.items, item)) : value;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, prop] of Object.entries(n.properties ?? {})) {
      const p = deref(prop);
      if (out[key] === undefined && p && p.default !== undefined) out[key] = structuredClone(p.default);
    }
    for (const key of Object.keys(out)) {
      const child =
        ownProperty(n, key) ?? (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined);
      if (child) out[key] = applyDefaults(child, out[key]);
    }
    return out;
  }
  return value;
}
