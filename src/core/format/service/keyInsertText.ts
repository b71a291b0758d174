// What accepting a key inserts: its value's shape as a snippet, with required children and choices
// as placeholders (completion of schema keys and of a `set:`'s parameter paths).
import { deref, type SchemaNode } from '../schema/schema';

/** The JSON-schema types a node allows (`type: [a, b]` or `type: a`). */
export const schemaTypes = (n: SchemaNode): string[] => (Array.isArray(n.type) ? n.type : n.type ? [n.type] : []);

/** What accepting a key inserts: its value's shape, with required children and choices as placeholders. */
export function keyInsertText(key: string, prop: SchemaNode, flow: boolean): { text: string; retrigger: boolean } {
  const n = deref(prop) ?? {};
  const t = schemaTypes(n);
  if (n.enum) return { text: `${key}: \${1|${n.enum.map(String).join(',')}|}`, retrigger: false };
  if (n.const !== undefined) return { text: `${key}: ${String(n.const)}`, retrigger: false };
  if (t[0] === 'boolean') {
    return { text: `${key}: \${1|${n.default === true ? 'true,false' : 'false,true'}|}`, retrigger: false };
  }
  if (t[0] === 'object' && n.properties) {
    const required = (n.required ?? []).filter((k) => n.properties![k]);
    if (flow) {
      return {
        text: `${key}: { ${required.map((k, i) => `${k}: $${i + 1}`).join(', ') || '$1'} }`,
        retrigger: required.length === 0,
      };
    }
    if (required.length) {
      return {
        text: `${key}:\n${required.map((k, i) => `  ${k}: ${placeholder(n.properties![k], i + 1, k)}`).join('\n')}`,
        retrigger: false,
      };
    }
    return { text: `${key}:\n  $0`, retrigger: true };
  }
  if (t[0] === 'object') return { text: flow ? `${key}: { $1 }` : `${key}:\n  $0`, retrigger: false };
  if (t[0] === 'array') {
    const items = deref(n.items);
    const required = items?.required?.filter((k) => items.properties?.[k]) ?? [];
    if (!flow && required.length) {
      return {
        text: `${key}:\n  - ${required.map((k, i) => `${i ? '    ' : ''}${k}: ${placeholder(items!.properties![k], i + 1, k)}`).join('\n')}`,
        retrigger: required.length === 1 && WORKSPACE_VALUED.has(required[0]),
      };
    }
    if (!flow && items?.if) return { text: `${key}:\n  - $0`, retrigger: true };
    return { text: `${key}: [$1]`, retrigger: false };
  }
  return { text: `${key}: ${placeholder(n, 1, key)}`, retrigger: WORKSPACE_VALUED.has(key) };
}

/** Keys whose values come from the workspace (persona ids, model names, files), not the schema. */
const WORKSPACE_VALUED = new Set(['with', 'model', 'include']);

function placeholder(prop: SchemaNode | undefined, i: number, key?: string): string {
  const n = deref(prop);
  if (key && WORKSPACE_VALUED.has(key)) return `$${i}`;
  if (n?.enum) return `\${${i}|${n.enum.map(String).join(',')}|}`;
  const t = n ? schemaTypes(n)[0] : undefined;
  if (t === 'array') return `[$${i}]`;
  if (t === 'object') return `{ $${i} }`;
  const hint = n?.default !== undefined && typeof n.default !== 'object' ? n.default : n?.examples?.[0];
  return hint !== undefined && typeof hint !== 'object' ? `\${${i}:${escapeSnippet(String(hint))}}` : `$${i}`;
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}
