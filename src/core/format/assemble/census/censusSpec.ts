// `census:` as written → CensusSpec: `marginals` one file or a list, an attribute's mapping a bare
// field name or { field, values }.
import type { CensusSpec } from '../../model/censusTypes';
import { nameRecord } from '../../../text/nameRecord';

type Obj = Record<string, unknown>;

/** The spec of a raw `census:` value (undefined when it is not a mapping with marginals). */
export function censusSpec(raw: unknown): CensusSpec | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const o = raw as Obj;
  const marginals = typeof o.marginals === 'string' ? [o.marginals] : Array.isArray(o.marginals) ? o.marginals : [];
  const attributes: CensusSpec['attributes'] = nameRecord();
  const written = o.attributes && typeof o.attributes === 'object' ? (o.attributes as Obj) : {};
  for (const [name, m] of Object.entries(written)) {
    if (typeof m === 'string') attributes[name] = { field: m };
    else if (m && typeof m === 'object' && typeof (m as Obj).field === 'string') {
      const { field, values } = m as { field: string; values?: CensusSpec['attributes'][string]['values'] };
      attributes[name] = values ? { field, values } : { field };
    }
  }
  return {
    marginals: marginals.filter((f): f is string => typeof f === 'string'),
    ...(typeof o.joint === 'string' ? { joint: o.joint } : {}),
    attributes,
  };
}
