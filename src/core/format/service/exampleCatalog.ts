// The example societies the studio ships (examples/<id>/<id>.society and what sits beside it), as
// New Society and Open Example offer them: each paradigm reachable without cloning the repository
// (issue 73). Read from the folder, so a new example is one folder and no entry.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

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
