// What mirrors the house's tables and must stay a literal (a JSON schema's enum, package.json's
// contributions, the reference tables of the docs), each written from its table here, so adding
// to a table is one entry and `npm run docs:reference` — and a mirror left behind fails the unit
// tests (test/unit/architecture/reference.test.ts), naming the file. One mirror per row of MIRRORS.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commands } from '../../src/cli/commands';
import { DIAGNOSTIC_MEANINGS } from '../../src/core/format/model/diagnosticMeanings';
import { OUTCOME_METRICS } from '../../src/core/experiment/outcome';
import { STATE_METRIC } from '../../src/core/experiment/stateOutcomes';
import { PROVIDER_NAMES, PROVIDERS } from '../../src/core/format/model/providers';
import { readLibrary, type LibraryEntry, type ReferenceFigure } from '../../src/core/validation/reference';
import { loadEntryScenario } from '../../src/core/validation/validate';

export const ROOT = path.resolve(__dirname, '../..');

/** One generated mirror: the file it lives in, the table it comes from, and how its text is made from the file's. */
export interface Mirror {
  file: string;
  from: string;
  write(current: string): string | Promise<string>;
}

// ---- Markdown: a section between two markers, its body rendered from the table. ----

const begin = (name: string, from: string): string =>
  `<!-- generated: ${name}, from ${from} by \`npm run docs:reference\`; edit the table, not this -->`;
const end = (name: string): string => `<!-- end generated: ${name} -->`;

/** `current` with the body between `name`'s markers replaced; an error naming the file without them. */
export function replaceSection(file: string, current: string, name: string, from: string, body: string): string {
  const start = current.indexOf(begin(name, from));
  const stop = current.indexOf(end(name));
  if (start < 0 || stop < start) {
    throw new Error(`${file}: no generated section '${name}' (its markers: ${begin(name, from)} … ${end(name)})`);
  }
  return `${current.slice(0, start)}${begin(name, from)}\n${body}${current.slice(stop)}`;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  [head, head.map(() => '---'), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n') + '\n';

const markdown = (file: string, name: string, from: string, body: () => string | Promise<string>): Mirror => ({
  file,
  from,
  write: async (current) => replaceSection(file, current, name, from, await body()),
});

// ---- JSON: values set at a path, the rest of the file as it is (2-space JSON, as committed). ----

const json = (file: string, from: string, set: (doc: Record<string, unknown>) => void): Mirror => ({
  file,
  from,
  write: (current) => {
    const doc = JSON.parse(current) as Record<string, unknown>;
    set(doc);
    return `${JSON.stringify(doc, null, 2)}\n`;
  },
});

type Node = Record<string, unknown>;
const at = (doc: Node, keys: readonly string[], file: string): Node => {
  let n: unknown = doc;
  for (const k of keys) {
    n = n && typeof n === 'object' ? (n as Node)[k] : undefined;
    if (!n || typeof n !== 'object') throw new Error(`${file}: no ${keys.join('.')}`);
  }
  return n as Node;
};

// ---- The rows. ----

const PROVIDERS_FROM = 'src/core/format/model/providers.ts';
const providerDocs = PROVIDER_NAMES.map((name) => [name, PROVIDERS[name].docs] as const);

const figureText = (f: ReferenceFigure): string => {
  if (f.direction) return `${f.label} (${f.direction.sign === 'higher' ? 'above' : 'below'} ${f.direction.than})`;
  const band = f.band ? `, ${f.band[0]}–${f.band[1]}` : '';
  return `${f.label} (${f.human}${band})`;
};

const subjectsOf = (e: LibraryEntry): string => [...new Set(e.figures.map((f) => f.subjects))].join(', ');

async function libraryTable(): Promise<string> {
  const dir = path.join(ROOT, 'validation');
  const rows: string[][] = [];
  for (const e of readLibrary(dir)) {
    const seeds = (await loadEntryScenario(dir, e)).experiment?.seeds?.length;
    rows.push([`\`${e.id}\``, e.title, subjectsOf(e), e.figures.map(figureText).join('; '), String(seeds ?? '')]);
  }
  return table(['entry', 'what and whose', 'subjects', 'figures (published value, band)', 'seeds'], rows);
}

/** A command's usage lines (`experiment` and `experiment merge`), each a code span. */
const usageCell = (usage: string): string =>
  usage
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line)
    .map((line) => `\`${line.startsWith('society ') ? line : `society ${line}`}\``)
    .join('<br>');

export const MIRRORS: readonly Mirror[] = [
  json('schemas/society.schema.json', PROVIDERS_FROM, (doc) => {
    const provider = at(doc, ['$defs', 'model', 'properties', 'provider'], 'schemas/society.schema.json');
    provider.enum = [...PROVIDER_NAMES];
    provider.description = providerDocs.map(([name, d]) => `\`${name}\`: ${d.schema}`).join(' ');
  }),
  // The metrics an experiment compares: the table's outcomes by name, the declared state's by pattern.
  json('schemas/society.schema.json', 'src/core/analysis/metrics/table/metrics.ts', (doc) => {
    const items = at(
      doc,
      ['$defs', 'scenario', 'properties', 'experiment', 'properties', 'metrics', 'items'],
      'schemas/society.schema.json',
    );
    const [named, state] = items.anyOf as Node[];
    named.enum = [...OUTCOME_METRICS];
    state.pattern = STATE_METRIC.source;
  }),
  json('package.json', PROVIDERS_FROM, (doc) => {
    const configuration = [at(doc, ['contributes'], 'package.json').configuration].flat() as Node[];
    const setting = configuration
      .map((c) => (c.properties as Node | undefined)?.['society.defaultModel.provider'] as Node | undefined)
      .find((s) => s);
    if (!setting) throw new Error('package.json: no society.defaultModel.provider setting');
    setting.enum = [...PROVIDER_NAMES];
    setting.enumDescriptions = providerDocs.map(([, d]) => d.setting);
  }),
  markdown('docs/models.md', 'providers', PROVIDERS_FROM, () =>
    table(
      ['provider', 'what it is', 'needs'],
      providerDocs.map(([name, d]) => [`\`${name}\``, d.what, d.needs]),
    ),
  ),
  markdown('docs/cli.md', 'commands', 'src/cli/commands.ts', () =>
    table(
      ['command', 'what it does'],
      commands.map((c) => [usageCell(c.usage), c.summary]),
    ),
  ),
  markdown('docs/validation.md', 'library', 'validation/*.reference.json', libraryTable),
  markdown('docs/diagnostics.md', 'codes', 'src/core/format/model/diagnosticMeanings.ts', () =>
    table(['code', 'meaning'], Object.entries(DIAGNOSTIC_MEANINGS)),
  ),
];

/** Each file whose mirrors differ from what their tables make: the file, the tables that moved, its text now and as it should be. */
export async function staleMirrors(): Promise<{ file: string; from: string; now: string; want: string }[]> {
  const now = new Map<string, string>();
  const wanted = new Map<string, string>();
  const moved = new Map<string, string[]>();
  // Several rows may write one file: each works on what the rows before it made, and a row that
  // changes the file on its own names its table.
  for (const m of MIRRORS) {
    if (!now.has(m.file)) now.set(m.file, readFileSync(path.join(ROOT, m.file), 'utf8'));
    const committed = now.get(m.file)!;
    wanted.set(m.file, await m.write(wanted.get(m.file) ?? committed));
    if ((await m.write(committed)) !== committed) moved.set(m.file, [...(moved.get(m.file) ?? []), m.from]);
  }
  return [...wanted]
    .filter(([file, want]) => want !== now.get(file))
    .map(([file, want]) => ({ file, from: [...new Set(moved.get(file))].join(', '), now: now.get(file)!, want }));
}
