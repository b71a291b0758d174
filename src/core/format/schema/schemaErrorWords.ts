// How each kind of schema error is said: a missing or unknown property, a wrong type, a value not
// allowed, out of bounds, a pattern or name not matched, too many or too few entries, a repeated
// item — with the value written and where, in the reader's words.
import type { ErrorObject } from 'ajv';
import type { Diagnostic, DiagnosticFix } from '../model/diagnostics';
import type { Range } from '../model/model';
import { withArticle } from '../../text/article';
import type { PathSegment } from '../syntax/parse';
import { Locator } from '../syntax/locate';
import { type DocumentKind, propertyNames, schemaAtPath, deref } from './schema';
import { didYouMean } from '../model/suggest';
import { setSiteOf, unsettable } from './parameterPaths';
import { isForeign } from '../syntax/plainValue';
import { namesItem, pathLabel } from '../syntax/pathLabel';
import { diagnosticOf } from '../model/diagnostics';

/** One ajv error and where it is: what the wording of each keyword below reads. */
export interface ErrorSite {
  e: ErrorObject;
  path: PathSegment[];
  kind: DocumentKind;
  docValue: unknown;
  /** The file's name. */
  f: string;
  at: Locator;
  /** The mapping at `path`, in words (contextName). */
  where: string;
}

/** `required`: on the parent's key, where the property belongs. */
export function missingPropertyDiagnostic({ e, path, where, f, at }: ErrorSite): Diagnostic {
  const prop = String(e.params.missingProperty);
  return {
    ...diag('SOC010', 'error', `Missing required property '${prop}' in ${where}`, f, at.parentKeyRange(path)),
    path,
  };
}

/** `additionalProperties`: on the unknown key, with a rename when it looks like a known one. */
export function unknownPropertyDiagnostic({ e, path, kind, docValue, where, f, at }: ErrorSite): Diagnostic {
  const prop = String(e.params.additionalProperty);
  const known = propertyNames(schemaAtPath(kind, path, docValue));
  const suggestion = didYouMean(prop, known);
  const range = at.keyRange([...path, prop]);
  const fixes: DiagnosticFix[] = [];
  if (suggestion) fixes.push({ title: `Rename to '${suggestion}'`, file: f, range, newText: suggestion });
  return {
    ...diag(
      'SOC011',
      'error',
      `Unknown property '${prop}' in ${where}${suggestion ? `. Did you mean '${suggestion}'?` : ''}`,
      f,
      range,
      fixes,
    ),
    path: [...path, prop],
  };
}

export function wrongTypeDiagnostic({ e, path, docValue, f, at }: ErrorSite): Diagnostic {
  const expected = Array.isArray(e.params.type) ? e.params.type.join(' or ') : String(e.params.type);
  const actual = valueAt(docValue, path);
  return diag(
    'SOC012',
    'error',
    `${pathLabel(path, docValue)} must be ${withArticle(expected)}, found ${describeValue(actual)}`,
    f,
    at.valueRange(path),
  );
}

/** `enum`: the allowed words, and a change to the nearest one. */
export function notAllowedDiagnostic({ e, path, docValue, f, at }: ErrorSite): Diagnostic {
  const allowed = (e.params.allowedValues as unknown[]).map(String);
  const actual = valueAt(docValue, path);
  // A !!binary or !!set where a word is expected is a wrong type, not a wrong word.
  if (isForeign(actual)) {
    return diag(
      'SOC012',
      'error',
      `${pathLabel(path, docValue)} must be one of: ${allowed.join(', ')}; found ${describeValue(actual)}`,
      f,
      at.valueRange(path),
    );
  }
  const suggestion = typeof actual === 'string' ? didYouMean(actual, allowed) : undefined;
  const range = at.valueRange(path);
  return diag(
    'SOC013',
    'error',
    `${pathLabel(path, docValue)} must be one of: ${allowed.join(', ')}; found ${describeValue(actual)}${suggestion ? `. Did you mean '${suggestion}'?` : ''}`,
    f,
    range,
    suggestion ? [{ title: `Change to '${suggestion}'`, file: f, range, newText: suggestion }] : undefined,
  );
}

export function outOfBoundsDiagnostic(
  { e, path, docValue, f, at }: ErrorSite,
  keyword: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum',
): Diagnostic {
  const op = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[keyword];
  return diag(
    'SOC013',
    'error',
    `${pathLabel(path, docValue)} must be ${op} ${e.params.limit}, found ${describeNumber(valueAt(docValue, path), at, path)}`,
    f,
    at.valueRange(path),
  );
}

/** `pattern`: persona ids in the words of ids, anything else by its pattern. */
export function patternDiagnostic({ e, path, docValue, f, at }: ErrorSite): Diagnostic {
  const last = path[path.length - 1];
  const isId =
    last === 'id' || last === 'with' || path.includes('remove') || path.includes('members') || last === 'id_prefix';
  const message = isId
    ? `${pathLabel(path, docValue)} '${String(valueAt(docValue, path))}' is not a valid persona id: use lowercase letters, digits, '_' and '-', starting with a letter`
    : `${pathLabel(path, docValue)} does not match the pattern ${String(e.params.pattern)}`;
  return diag('SOC013', 'error', message, f, at.valueRange(path));
}

/** `propertyNames`: on the key; under `set`, what cannot be varied there and what can (parameterPaths.ts). */
export function invalidNameDiagnostic({ e, path, kind, docValue, f, at }: ErrorSite): Diagnostic {
  const name = String(e.params.propertyName);
  const range = at.keyRange([...path, name]);
  const site = kind === 'scenario' ? setSiteOf(path) : undefined;
  if (!site) return diag('SOC054', 'error', `Not a valid name here: '${name}'`, f, range);
  const { message, suggestion } = unsettable(name, site, docValue);
  const fixes = suggestion ? [{ title: `Change to '${suggestion}'`, file: f, range, newText: suggestion }] : undefined;
  return diag('SOC054', 'error', message, f, range, fixes);
}

/** `minProperties`, `maxProperties`: an event's one action, or a mapping's count of entries. */
export function entryCountDiagnostic(
  { e, path, docValue, f, at }: ErrorSite,
  keyword: 'minProperties' | 'maxProperties',
): Diagnostic {
  if (path[0] === 'events' && path.length === 2) {
    return diag(
      'SOC013',
      'error',
      'An event has `at` and exactly one action: `broadcast`, `add`, `remove` or `set`',
      f,
      at.valueRange(path),
    );
  }
  return diag(
    'SOC013',
    'error',
    `${pathLabel(path, docValue)} must have ${keyword === 'minProperties' ? 'at least' : 'at most'} ${e.params.limit} ${e.params.limit === 1 ? 'entry' : 'entries'}`,
    f,
    at.valueRange(path),
  );
}

/** `uniqueItems`: a warning on the first of the two copies. */
export function repeatedItemDiagnostic({ e, path, docValue, f, at }: ErrorSite): Diagnostic {
  const [first, repeat] = [Number(e.params.i), Number(e.params.j)].sort((a, b) => a - b);
  return diag(
    'SOC013',
    'warning',
    `${pathLabel(path, docValue)} lists the same item twice (items ${first + 1} and ${repeat + 1})`,
    f,
    at.valueRange([...path, Number(e.params.i)]),
  );
}

/** A diagnostic (model/diagnostics.ts diagnosticOf). */
export const diag = diagnosticOf;

export function emptyAt(r: Range): Range {
  return { start: { line: r.start.line, character: 0 }, end: { line: r.start.line, character: 0 } };
}

export function valueAt(value: unknown, path: PathSegment[]): unknown {
  let v = value;
  for (const s of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

/** The mapping at `path`, in words: `persona 'maya'`, `inline persona 'personas[3]'`, `'memories[0]' of persona 'maya'`. */
export function contextName(kind: DocumentKind, path: PathSegment[], docValue: unknown): string {
  if (path.length === 0) return kind;
  if (namesItem(path, docValue)) return pathLabel(path, docValue);
  const schema = deref(schemaAtPath(kind, path, docValue));
  const title = schema?.title?.toLowerCase();
  return title ? `${title} ${pathLabel(path, docValue)}` : pathLabel(path, docValue);
}

/**
 * YAML reads an integer beyond 2^53 already rounded (9007199254740993 becomes …992): quote what
 * was written, not the rounded number the user never typed.
 */
export function describeNumber(v: unknown, at: Locator, path: PathSegment[]): string {
  if (typeof v !== 'number' || !Number.isInteger(v) || Number.isSafeInteger(v)) return describeValue(v);
  const r = at.valueRange(path);
  const lines = at.file.lines;
  return lines.text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
}

export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 37)}...` : v}'`;
  return String(v);
}
