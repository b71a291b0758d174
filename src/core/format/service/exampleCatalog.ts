// The example societies the studio ships (examples/<id>/<id>.society and what sits beside it), as
// New Society and Open Example offer them: each paradigm reachable without cloning the repository
// (issue 73). Read from the folder, so a new example is one folder and no entry.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { shellWord } from '../../text/shellWord';
import { publishedDocsLinks } from './docsLinks';

export interface ShippedExample {
  /** Its folder's name, e.g. `public-goods`. */
  id: string;
  /** The scenario's `name`. */
  name: string;
  /** The scenario's `description`, on one line. */
  description: string;
  /** The scenario file. */
  scenario: string;
  folder: string;
}

/** A scenario file larger than this is no example (they are a few kB). */
const MAX_EXAMPLE_BYTES = 1024 * 1024;

/** The examples in `dir`, friendship first (the seed paper's), then by name. Unreadable ones are left out. */
export function shippedExamples(dir: string): ShippedExample[] {
  let ids: string[];
  try {
    ids = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: ShippedExample[] = [];
  for (const id of ids) {
    const folder = path.join(dir, id);
    const scenario = path.join(folder, `${id}.society`);
    try {
      if (fs.statSync(scenario).size > MAX_EXAMPLE_BYTES) continue;
      const doc = parse(fs.readFileSync(scenario, 'utf8')) as { kind?: unknown; name?: unknown; description?: unknown };
      if (doc?.kind !== 'scenario' || typeof doc.name !== 'string') continue;
      const description = typeof doc.description === 'string' ? doc.description.replace(/\s+/g, ' ').trim() : '';
      out.push({ id, name: doc.name, description, scenario, folder });
    } catch {
      continue;
    }
  }
  return out.sort((a, b) => (a.id === 'friends' ? -1 : b.id === 'friends' ? 1 : a.name.localeCompare(b.name)));
}

/** The scenario's text with its top-level `name:` set to `title` (a New Society made from an example). */
export function renamedScenario(text: string, title: string): string {
  return text.replace(/^name:.*$/m, `name: ${JSON.stringify(title)}`);
}

/** A file of an example's copy: its path in the new folder ('/'-separated) and its bytes. */
export interface ExampleCopyFile {
  path: string;
  bytes: Uint8Array;
}

/** The texts a copy rewrites (the scenario, personas, the README, a table's comment lines): the rest is copied as it is. */
const TEXT_FILE = /\.(society|md|csv)$/;

/**
 * The files of the example as copied to `folder` (New Society, Open Example): `folder` as a terminal
 * opened in the workspace would type it (relative to the workspace folder, else absolute), `title`
 * renames the scenario. The commands an example gives are written for a clone of the repository
 * (`npx society experiment examples/<id>/<id>.society`): in a copy they name the copy and run the
 * `society` the extension puts on its terminals' PATH (in a workspace without the repository `npx
 * society` asked the npm registry for a package of that name, and examples/<id>/ was not there).
 */
export function exampleCopy(example: ShippedExample, o: { folder: string; title?: string }): ExampleCopyFile[] {
  const files: ExampleCopyFile[] = [];
  const walk = (from: string, rel: string): void => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      const to = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(source, to);
      else if (entry.isFile()) files.push({ path: to, bytes: copiedBytes(example, source, o) });
    }
  };
  walk(example.folder, '');
  return files;
}

function copiedBytes(example: ShippedExample, source: string, o: { folder: string; title?: string }): Uint8Array {
  const bytes = fs.readFileSync(source);
  if (!TEXT_FILE.test(source)) return bytes;
  let text = publishedDocsLinks(
    relocatedExampleText(bytes.toString('utf8'), example.id, o.folder),
    source.endsWith('.md'),
  );
  if (o.title && source === example.scenario) text = renamedScenario(text, o.title);
  return new TextEncoder().encode(text);
}

/** `text` with the repository's `examples/<id>/` as `folder`, and `npx society` as `society`. */
export function relocatedExampleText(text: string, id: string, folder: string): string {
  const own = new RegExp(`(?<![\\w./-])examples/${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`, 'g');
  const prefix = folder === '' || folder === '.' ? '' : `${shellWord(folder.replace(/\\/g, '/'))}/`;
  return text.replace(own, () => prefix).replace(/\bnpx society\b/g, 'society');
}
