// Plain data as DAP variables: objects and arrays expand (through handles), memories and other
// records with a `text` show it as their value, numbers are rounded for reading.
import { Handles } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { Lazy } from '../core/debug/lazy';
import { Labelled } from '../core/debug/labelled';

export class VariableStore {
  private readonly handles = new Handles<unknown>();

  /** Forget every handle (the state moved on: after a continue or step). */
  reset(): void {
    this.handles.reset();
  }

  ref(value: unknown): number {
    return expandable(value) ? this.handles.create(value) : 0;
  }

  /**
   * The children of a handle. For an array, `page` (DAP's indexed `start`/`count`) limits them to
   * that slice, and only its items get handles: VS Code pages arrays of more than 100 items, and a
   * 10,000-agent run's arrays would otherwise be listed (and given handles) whole for every page.
   */
  children(ref: number, page?: { start: number; count?: number }): DebugProtocol.Variable[] {
    const held = this.handles.get(ref);
    const v = held instanceof Lazy ? held.get() : held;
    if (!expandable(v)) return [];
    let entries: [string, unknown][];
    if (Array.isArray(v)) {
      // DAP: a missing or zero count means all the rest.
      const from = Math.max(0, page?.start ?? 0),
        to = page?.count ? Math.min(v.length, from + page.count) : v.length;
      entries = [];
      for (let i = from; i < to; i++) entries.push([String(i), v[i]]);
    } else entries = Object.entries(v as object);
    return entries
      .filter(([, x]) => x !== undefined)
      .map(([name, x]) => ({ name, value: preview(x), variablesReference: this.ref(x), ...pages(x) }));
  }
}

/** Lists say their length, so VS Code pages them (100 items at a time). */
function pages(v: unknown): { indexedVariables?: number } {
  const n = Array.isArray(v) ? v.length : v instanceof Lazy ? v.length : undefined;
  return n === undefined ? {} : { indexedVariables: n };
}

function expandable(v: unknown): v is object {
  if (v instanceof Lazy) return true;
  if (v instanceof Labelled) return false;
  return typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
}

export function preview(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined || typeof v !== 'object') return String(v);
  if (v instanceof Lazy) return v.summary;
  if (v instanceof Labelled) return v.text;
  if (Array.isArray(v)) return `Array(${v.length})`;
  const o = v as Record<string, unknown>;
  if (typeof o.text === 'string') return `${typeof o.score === 'number' ? `${preview(o.score)} ` : ''}"${o.text}"`;
  if (typeof o.content === 'string' && typeof o.role === 'string') return `${o.role}: ${o.content.slice(0, 120)}`;
  const keys = Object.keys(o);
  return `{${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}}`;
}
