// A persona without its source locations (file, line, column of the .society text it came from):
// what the trace's agent_added and a checkpoint record. Those are absolute paths of the machine
// that ran it, which a run record should not carry.
import type { Persona } from '../../format';
import { nameRecord } from '../../text/nameRecord';

/**
 * The persona as the trace and checkpoints record it: without `source` locations, so neither
 * depends on where the workspace lies. Nothing reads them from a run record: breakpoints and
 * go-to-persona use the scenario as loaded (core/debug/sourceMap), and a resumed run writes no
 * seed memories (they were written when the agent joined).
 */
export function withoutSources(p: Persona): Persona {
  // Key by key, so the persona keeps its key order in the trace.
  const out: Record<string, unknown> = nameRecord();
  for (const [k, v] of Object.entries(p)) {
    if (k === 'source') continue;
    out[k] = (k === 'memories' || k === 'relationships') && Array.isArray(v) ? v.map(dropSource) : v;
  }
  return out as unknown as Persona;
}

function dropSource<T extends { source?: unknown }>(x: T): Omit<T, 'source'> {
  if (!x || typeof x !== 'object' || !('source' in x)) return x;
  const { source: _source, ...rest } = x;
  return rest;
}
