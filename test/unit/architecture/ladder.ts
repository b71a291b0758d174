// The floors of src/core, lowest first. A module may import from its own folder and from lower
// floors only: an import that climbs (or reaches sideways to another folder on the same floor)
// is a finding. Type-only imports count too: a type that lives on a higher floor pulls its layer's
// meaning down with it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FLOORS: readonly (readonly string[])[] = [
  ['text', 'files', 'random', 'stats'], // pure helpers: strings, file-system guards, seeded random streams, statistics
  ['format'], // .society text → typed model, schema, validation, resolved run settings
  ['trace'], // the typed event stream and its JSONL record
  ['protocol', 'interop'], // editor ⇄ webview messages; import from other tools
  ['llm'], // the decision interface, offline model, providers
  ['engine'], // the simulation
  ['replay'], // a trace replayed into world state (ties, memory streams, settings)
  ['analysis'], // network metrics, null models, reports, exports
  ['run'], // one run assembled for every host: simulation, trace, tallies, checkpoints
  ['memory', 'debug', 'experiment', 'query'], // the product's features over runs (query: SQL over run files)
  ['branch', 'validation'], // a run branched with edits; a model scored against human experiments
  ['study'], // a question asked of a scenario: preregistered, run on several models, written up
  ['tools'], // the assistant tools (MCP and language-model tools): one table over every feature
];

/**
 * Rooms inside a floor, lowest first, with the same rule: analysis has pure statistics (stats), computes metrics, exports them,
 * reports them, and compares runs by them; format is the language, bottom up, and the language
 * service (completion, hover, navigation, quick fixes) built on it. A folder's index.ts is its public
 * surface and may re-export any room.
 */
export const ROOMS: Readonly<Record<string, readonly string[]>> = {
  analysis: ['metrics', 'calibration', 'export', 'report', 'compare', 'explain'],
  // format: reading files safely; the typed model and its words; YAML with positions; the schema
  // and what it validates; the expression language; raw values built into the model; the CHECKS
  // table; a project of files resolved and checked; the language service for editors.
  format: ['io', 'model', 'syntax', 'schema', 'expressions', 'assemble', 'checks', 'project', 'service'],
  // The engine: staged units of work; memory streams (columns an agent holds); the society's
  // state; checkpoints; the phases, each a plug-in of the PHASES table; the instruments (surveys,
  // judges) of the INSTRUMENTS table beside it; the kernel that orders them and owns the world.
  engine: ['flow', 'memory', 'society', 'persist', 'phases', 'instruments', 'kernel'],
};

export interface Climb {
  from: string;
  to: string;
  line: number;
  text: string;
}

/** A room's rank in its floor's ROOMS, or undefined for a file outside rooms (an index.ts). */
function roomOf(file: string): number | undefined {
  const [folder, room] = file.split('/');
  const rooms = ROOMS[folder];
  if (!rooms || file.split('/').length < 3) return undefined;
  const at = rooms.indexOf(room);
  return at < 0 ? -1 : at;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|\brequire\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

export function floorOf(folder: string): number {
  return FLOORS.findIndex((floor) => floor.includes(folder));
}

/** The climbing imports of `files` (path relative to src/core → source text). */
export function climbs(files: ReadonlyMap<string, string>): Climb[] {
  const found: Climb[] = [];
  for (const [file, text] of files) {
    const folder = file.split('/')[0];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      if (target.startsWith('..')) continue;
      const to = target.split('/')[0];
      const line = (): number => text.slice(0, m.index).split('\n').length + (text[m.index] === '\n' ? 1 : 0);
      if (to === folder) {
        const a = roomOf(file),
          b = roomOf(target);
        if (a !== undefined && (a < 0 || b === undefined || b < 0 || b > a)) {
          found.push({ from: file, to: target, line: line(), text: m[0].trim() });
        }
        continue;
      }
      const a = floorOf(folder),
        b = floorOf(to);
      if (a < 0 || b < 0 || b >= a) {
        found.push({ from: file, to: target, line: line(), text: m[0].trim() });
      }
    }
  }
  return found;
}

/** Every TypeScript source under `dir`, keyed by its path relative to `dir` (posix separators). */
export function sourcesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mts|cts)$/.test(e.name)) {
        out.set(path.relative(dir, p).split(path.sep).join('/'), fs.readFileSync(p, 'utf8'));
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * Folders whose public surface is their index (and, for format, engine and analysis, pure.ts: the part a
 * browser bundle or a lean worker can load). Nothing outside such a folder imports past it, so the
 * folder's files can move between its rooms without touching a host.
 */
export const SURFACES: Readonly<Record<string, readonly string[]>> = {
  'src/core/format': ['index', 'pure'],
  'src/core/engine': ['index', 'pure'],
  'src/core/analysis': ['index', 'pure'],
  'src/core/experiment': ['index'],
};

/** Imports from outside a SURFACES folder into it that name anything but its surface (`files`: repo-relative path → text). */
export function pastSurface(files: ReadonlyMap<string, string>): Climb[] {
  const found: Climb[] = [];
  for (const [file, text] of files) {
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      for (const [folder, surfaces] of Object.entries(SURFACES)) {
        if (file.startsWith(`${folder}/`) || !target.startsWith(`${folder}/`)) continue;
        if (surfaces.some((s) => target === `${folder}/${s}`)) continue;
        const line = text.slice(0, m.index).split('\n').length + (text[m.index] === '\n' ? 1 : 0);
        found.push({ from: file, to: target, line, text: m[0].trim() });
      }
    }
  }
  return found;
}
