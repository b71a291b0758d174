// `society import` without the file system: source texts in, `.society` files and warnings out.
import { assemblePersonas } from './assemble';
import type { ImportWarning, PersonaDraft } from './foreignAgent';
import { readOasis } from './oasisProfiles';
import { slugId } from './personaIds';
import { personaFileName, personaFileText, scenarioFileText } from './societyFiles';
import { parseSourceJson, type SourceText } from './sourceText';
import { readTinyTroupe } from './tinyTroupe';
import { WarningBook } from './warningBook';
import { counted } from '../text/counted';

export const IMPORT_SOURCES = ['tinytroupe', 'oasis'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

const SOURCE_LABEL: Record<ImportSource, string> = { tinytroupe: 'TinyTroupe', oasis: 'OASIS' };

export interface ImportOptions {
  /** Also write a scenario of this name that includes the personas. */
  scenario?: string;
}

export interface ImportedFile {
  path: string;
  text: string;
}

export interface ImportResult {
  personas: PersonaDraft[];
  /** Paths relative to the output folder. */
  files: ImportedFile[];
  warnings: ImportWarning[];
}

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

export function importPersonas(source: ImportSource, sources: SourceText[], options: ImportOptions = {}): ImportResult {
  const warnings = new WarningBook();
  const agents =
    source === 'tinytroupe'
      ? readTinyTroupe(sources, warnings)
      : sources.flatMap((s, input) => readOasis(s, warnings).map((a) => ({ ...a, input })));
  const personas = assemblePersonas(agents, warnings);
  const files: ImportedFile[] = personas.map((p, i) => ({
    path: personaFileName(p),
    text: personaFileText(
      p,
      `Imported from ${SOURCE_LABEL[source]} (${baseName(agents[i].file)}) by \`society import\`.`,
    ),
  }));
  if (options.scenario !== undefined) {
    const from = [...new Set(sources.map((s) => baseName(s.file)))].join(', ');
    files.push({
      path: `${slugId(options.scenario)}.society`,
      text: scenarioFileText(
        options.scenario,
        `${counted(personas.length, 'persona')} imported from ${SOURCE_LABEL[source]} (${from}).`,
      ),
    });
  }
  return { personas, files, warnings: warnings.list() };
}

/** Which simulator a file comes from, by its name and shape; undefined when it is neither. */
export function detectImportSource(file: string, text: string): ImportSource | undefined {
  if (/\.csv$/i.test(file)) return 'oasis';
  if (/\.(agent|fragment)\.json$/i.test(file)) return 'tinytroupe';
  try {
    const value = parseSourceJson(text);
    const first = Array.isArray(value) ? value[0] : value;
    if (!first || typeof first !== 'object') return undefined;
    const keys = Object.keys(first);
    if (
      (keys.includes('persona') && (first as { type?: unknown }).type !== undefined) ||
      keys.includes('_configuration')
    ) {
      return 'tinytroupe';
    }
    if (['realname', 'username', 'interested_topics', 'mbti', 'user_char'].some((k) => keys.includes(k))) {
      return 'oasis';
    }
    if (keys.includes('persona')) return 'tinytroupe';
  } catch {
    return undefined;
  }
  return undefined;
}
