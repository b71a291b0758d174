// Plain data as DAP variables: objects and arrays expand (through handles), memories and other
// records with a `text` show it as their value, numbers are rounded for reading.
import { Handles } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';

export class VariableStore {
  private readonly handles = new Handles<unknown>();

  /** Forget every handle (the state moved on: after a continue or step). */
  reset(): void { this.handles.reset(); }

  ref(value: unknown): number { return expandable(value) ? this.handles.create(value) : 0; }

  children(ref: number): DebugProtocol.Variable[] {
    const v = this.handles.get(ref);
    if (!expandable(v)) return [];
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v as object);
    return entries.filter(([, x]) => x !== undefined).map(([name, x]) => ({ name, value: preview(x), variablesReference: this.ref(x), ...(Array.isArray(x) ? { indexedVariables: x.length } : {}) }));
  }
}

function expandable(v: unknown): v is object {
  return typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
}

export function preview(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `Array(${v.length})`;
  const o = v as Record<string, unknown>;
  if (typeof o.text === 'string') return `${typeof o.score === 'number' ? `${preview(o.score)} ` : ''}"${o.text}"`;
  if (typeof o.content === 'string' && typeof o.role === 'string') return `${o.role}: ${o.content.slice(0, 120)}`;
  const keys = Object.keys(o);
  return `{${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}}`;
}
