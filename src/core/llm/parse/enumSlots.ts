// A response schema with its enums lifted out into slots: requests that list their own ids (the
// partners offered, an action's possible targets) differ only in those lists, so their validators
// differ only there too. The schema's shape is compiled once (validate.ts) and each enum is read
// from the slots at validation time, instead of an ajv compile per request (≈ 0.6 ms each: 5 s
// of a 200-agent run's main thread went to compiling).

import { nameRecord } from '../../text/nameRecord';

type Schema = unknown;

/** Keywords whose values are maps of subschemas by a name the author chose (a property named `enum` is a name). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose values are data, never schemas. */
const DATA = new Set(['const', 'default', 'examples', 'required']);

export interface SlottedSchema {
  /** The schema with each `enum: [...]` written `enumSlot: k`. */
  shape: Schema;
  /** The lifted enums, by slot. */
  enums: unknown[][];
}

export function slotEnums(schema: Schema): SlottedSchema {
  const enums: unknown[][] = [];
  const walk = (node: Schema): Schema => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = nameRecord();
    for (const [k, v] of Object.entries(node)) {
      if (k === 'enum' && Array.isArray(v)) out.enumSlot = enums.push(v) - 1;
      else if (SCHEMA_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)) {
        out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, walk(s)]));
      } else out[k] = DATA.has(k) ? v : walk(v);
    }
    return out;
  };
  return { shape: walk(schema), enums };
}

/** Whether `data` is one of `allowed` (JSON equality, as a JSON schema's enum compares). */
export function inEnum(allowed: readonly unknown[], data: unknown): boolean {
  if (data === null || typeof data !== 'object') return allowed.some((v) => v === data);
  const text = JSON.stringify(data);
  return allowed.some((v) => v !== null && typeof v === 'object' && JSON.stringify(v) === text);
}
