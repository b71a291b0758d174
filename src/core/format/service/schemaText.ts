// Schema nodes in words, for completion details and hovers: the type with its bounds, the
// default, the allowed values, the description and an example, all read from the schema.
import { deref, type SchemaNode } from '../schema/schema';

/** `number 0..1 · default 0.5`, `one of: random, network, recommend`, `list of objects`. */
export function typeSummary(node: SchemaNode | undefined): string {
  return typeParts(node).join(' · ');
}

/** typeSummary's parts, most telling first: the type with its bounds (or the allowed words), the default. */
export function typeParts(node: SchemaNode | undefined): string[] {
  const n = deref(node);
  if (!n) return [];
  const parts: string[] = [];
  if (n.enum) parts.push(`one of: ${n.enum.map(String).join(', ')}`);
  else if (n.const !== undefined) parts.push(`always ${String(n.const)}`);
  else parts.push(typeName(n));
  const lo = n.minimum ?? n.exclusiveMinimum,
    hi = n.maximum;
  if (lo !== undefined && hi !== undefined) parts[0] += ` ${lo}..${hi}`;
  else if (n.exclusiveMinimum !== undefined) parts[0] += ` > ${n.exclusiveMinimum}`;
  else if (n.minimum !== undefined) parts[0] += ` ≥ ${n.minimum}`;
  else if (hi !== undefined) parts[0] += ` ≤ ${hi}`;
  if (n.default !== undefined && !isEmpty(n.default)) parts.push(`default ${show(n.default)}`);
  return parts;
}

function typeName(n: SchemaNode): string {
  const t = Array.isArray(n.type) ? n.type.join(' or ') : n.type;
  if (t === 'array') {
    const item = deref(n.items);
    const it = item
      ? item.type === 'object' || item.properties || item.if
        ? 'mappings'
        : `${Array.isArray(item.type) ? item.type.join(' or ') : (item.type ?? 'value')}s`
      : 'values';
    return `list of ${it}`;
  }
  if (t === 'object' || (!t && n.properties)) return 'mapping';
  return t ?? 'value';
}

/**
 * Markdown documentation of a key: summary line, description, example. `head: false` leaves the
 * summary line out, for completion items whose detail already says it (VS Code shows both).
 */
export function schemaMarkdown(
  key: string | undefined,
  node: SchemaNode | undefined,
  required = false,
  head = true,
): string {
  const n = deref(node);
  if (!n) return '';
  const out: string[] = [];
  if (head) {
    out.push(
      [key !== undefined ? `**${key}**` : undefined, required ? 'required' : undefined, typeSummary(n)]
        .filter(Boolean)
        .join(' · '),
    );
  }
  if (n.description) out.push(n.description);
  const example = n.examples?.[0];
  if (example !== undefined && key !== undefined) out.push(`Example: \`${key}: ${show(example)}\``);
  return out.join('\n\n');
}

export function show(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (v && typeof v === 'object') {
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${show(x)}`)
      .join(', ')} }`;
  }
  return String(v);
}

function isEmpty(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (!!v && typeof v === 'object' && Object.keys(v).length === 0);
}
