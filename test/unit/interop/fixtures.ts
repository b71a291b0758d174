// The interop fixtures (small files written in the shapes of TinyTroupe's and OASIS's own
// examples) and helpers to import them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importPersonas, type ImportResult, type ImportSource, type PersonaDraft } from '../../../src/core/interop';

export const interopFixtures = path.resolve(__dirname, '../../fixtures/interop');

export function fixture(...parts: string[]): { file: string; text: string } {
  const file = path.join(interopFixtures, ...parts);
  return { file, text: readFileSync(file, 'utf8') };
}

export function tinyTroupeFixtures(): { file: string; text: string }[] {
  return readdirSync(path.join(interopFixtures, 'tinytroupe'))
    .sort()
    .map((f) => fixture('tinytroupe', f));
}

export function importFixtures(
  source: ImportSource,
  files: { file: string; text: string }[],
  scenario?: string,
): ImportResult {
  return importPersonas(source, files, scenario === undefined ? {} : { scenario });
}

export function byName(result: ImportResult, name: string): PersonaDraft {
  const persona = result.personas.find((p) => p.name === name);
  if (!persona) throw new Error(`no persona named ${name}: ${result.personas.map((p) => p.name).join(', ')}`);
  return persona;
}

/** Warning lines as `message (agents)` without the file, for matching. */
export function warningTexts(result: ImportResult): string[] {
  return result.warnings.map((w) => `${w.message}${w.agents.length ? ` (${w.agents.join(', ')})` : ''}`);
}
