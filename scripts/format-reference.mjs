// Generates docs/format.md, the .society format reference, from schemas/society.schema.json (the
// single source of keys, types, ranges, defaults and documentation). `--check` fails when the
// committed file is out of date (run by the unit tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(path.join(root, 'schemas/society.schema.json'), 'utf8'));
const target = path.join(root, 'docs/format.md');

// Section titles of the definitions whose schema has none.
const TITLES = new Map(
  Object.entries({ distribution: 'Distribution', quantity: 'Quantity', actionArg: 'Action argument', action: 'Action' })
    .filter(([def]) => schema.$defs[def] && !schema.$defs[def].title)
    .map(([def, title]) => [schema.$defs[def], title]),
);
const titleOf = (n) => n.title ?? TITLES.get(n);

const deref = (node) => {
  let n = node;
  for (let i = 0; n && n.$ref && i < 10; i++) n = schema.$defs[n.$ref.replace('#/$defs/', '')];
  return n;
};

function typeOf(node) {
  const n = deref(node);
  if (!n) return '';
  if (n.const !== undefined) return `\`${JSON.stringify(n.const)}\``;
  if (n.enum) return n.enum.map((v) => `\`${v}\``).join(' | ');
  if (n.if) return `${typeOf(n.then)} or ${typeOf(n.else)}`;
  const t = Array.isArray(n.type) ? n.type.join(' or ') : (n.type ?? 'any');
  if (t === 'array') return `list of ${typeOf(n.items) || 'values'}`;
  if (t === 'object' && titleOf(n))
    return `${titleOf(n).toLowerCase()} (see [${titleOf(n)}](#${titleOf(n)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')}))`;
  if (t === 'object' && n.additionalProperties && typeof n.additionalProperties === 'object')
    return `map of ${typeOf(n.additionalProperties)}`;
  return t;
}

function range(n) {
  const parts = [];
  if (n.minimum !== undefined) parts.push(`≥ ${n.minimum}`);
  if (n.exclusiveMinimum !== undefined) parts.push(`> ${n.exclusiveMinimum}`);
  if (n.maximum !== undefined) parts.push(`≤ ${n.maximum}`);
  if (n.pattern) parts.push(`pattern \`${n.pattern}\``);
  return parts.join(', ');
}

const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

function table(node, prefix, out, seen) {
  const n = deref(node);
  if (!n?.properties) return;
  const required = new Set(n.required ?? []);
  out.push('| key | type | default | required | range | description |', '| --- | --- | --- | --- | --- | --- |');
  const nested = [];
  for (const [key, raw] of Object.entries(n.properties)) {
    const p = deref(raw);
    const def =
      p.default !== undefined && !(typeof p.default === 'object' && Object.keys(p.default).length === 0)
        ? `\`${JSON.stringify(p.default)}\``
        : '';
    out.push(
      `| \`${prefix}${key}\` | ${cell(typeOf(raw))} | ${cell(def)} | ${required.has(key) ? 'yes' : ''} | ${cell(range(p))} | ${cell(p.description)} |`,
    );
    // Definitions reached through $ref have their own section; expand only anonymous objects.
    const viaRef = p.type === 'array' ? !!p.items?.$ref : !!raw.$ref;
    const child = p.type === 'array' ? deref(p.items) : p.if ? null : p;
    if (!viaRef && child?.properties && !seen.has(child))
      nested.push([`${prefix}${key}${p.type === 'array' ? '[]' : ''}`, child]);
  }
  out.push('');
  for (const [name, child] of nested) {
    seen.add(child);
    out.push(`#### \`${name}\``, '', child.description ?? '', '');
    table(child, `${name}.`, out, seen);
  }
}

const out = [
  '# The `.society` format reference',
  '',
  '<!-- Generated from schemas/society.schema.json by scripts/format-reference.mjs; do not edit by hand. -->',
  '',
  schema.description,
  '',
];
for (const [kind, def] of [
  ['persona', 'persona'],
  ['scenario', 'scenario'],
]) {
  const n = schema.$defs[def];
  out.push(`## \`kind: ${kind}\``, '', n.description, '');
  table(n, '', out, new Set());
}
for (const def of [
  'inlinePersona',
  'include',
  'model',
  'event',
  'population',
  'distribution',
  'quantity',
  'action',
  'actionArg',
]) {
  const n = schema.$defs[def];
  out.push(`## ${titleOf(n)}`, '', n.description ?? '', '');
  if (def === 'inlinePersona') {
    out.push('The keys of `kind: persona` above; `kind` may be left out.', '');
    continue;
  }
  if (n.properties) table(n, '', out, new Set());
}
const text = out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    /* missing */
  }
  if (current !== text) {
    console.error('docs/format.md is out of date: run `npm run docs:format`');
    process.exit(1);
  }
  console.log('docs/format.md is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${path.relative(root, target)}`);
}
