// Schema validation of one parsed document with ajv, mapped to precise source ranges:
// a missing property on the parent's key, an unknown property on its own key, a wrong type or
// value on the value. ajv's noise is folded so each problem yields one clear message.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic, DiagnosticCode, DiagnosticFix } from '../model/diagnostics';
import type { Range } from '../model/model';
import { withArticle } from '../../text/article';
import type { ParsedDocument, ParsedFile, PathSegment } from '../syntax/parse';
import { pointerToPath } from '../syntax/parse';
import { Locator } from '../syntax/locate';
import { DOCUMENT_KINDS, type DocumentKind, propertyNames, schemaAtPath, validatorFor, deref } from './schema';
import { didYouMean } from '../model/suggest';
import { setSiteOf, unsettable } from './parameterPaths';
import { isForeign } from '../syntax/plainValue';
import { namesItem, pathLabel } from '../syntax/pathLabel';
import { ignoredCopyVariants } from '../syntax/duplicateKeys';
import { nonFiniteNumbers } from './nonFinite';

export function validateDocument(file: ParsedFile, doc: ParsedDocument): Diagnostic[] {
  const at = new Locator(file, doc);
  const value = doc.value;
  // A syntax error garbles the structure around it; schema errors there would only be noise.
  if (doc.hasErrors) return [];
  if (value === null || value === undefined) {
    if (doc.hasErrors || value === undefined) return [];
    // An empty document: only complain when the whole file is empty of content.
    return file.documents.length === 1
      ? [
          diag(
            'SOC003',
            'warning',
            'Empty document: a .society document starts with `kind: persona` or `kind: scenario`',
            file.file,
            at.documentStart(),
          ),
        ]
      : [];
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [
      diag(
        'SOC012',
        'error',
        'A .society document must be a mapping with a `kind` (persona or scenario)',
        file.file,
        at.valueRange([]),
      ),
    ];
  }
  const kind = (value as Record<string, unknown>).kind;
  if (kind === undefined) {
    return [
      diag(
        'SOC003',
        'error',
        'Missing `kind`: add `kind: persona` or `kind: scenario`',
        file.file,
        at.documentStart(),
        [
          {
            title: 'Add `kind: persona`',
            file: file.file,
            range: emptyAt(at.documentStart()),
            newText: 'kind: persona\n',
          },
          {
            title: 'Add `kind: scenario`',
            file: file.file,
            range: emptyAt(at.documentStart()),
            newText: 'kind: scenario\n',
          },
        ],
      ),
    ];
  }
  if (isForeign(kind)) {
    return [
      diag(
        'SOC012',
        'error',
        `'kind' must be persona or scenario, found ${String(kind)}`,
        file.file,
        at.valueRange(['kind']),
      ),
    ];
  }
  if (typeof kind !== 'string' || !DOCUMENT_KINDS.includes(kind as DocumentKind)) {
    const suggestion = typeof kind === 'string' ? didYouMean(kind, DOCUMENT_KINDS) : undefined;
    const range = at.valueRange(['kind']);
    return [
      diag(
        'SOC003',
        'error',
        `Unknown kind '${String(kind)}': expected persona or scenario${suggestion ? `. Did you mean '${suggestion}'?` : ''}`,
        file.file,
        range,
        suggestion ? [{ title: `Change to '${suggestion}'`, file: file.file, range, newText: suggestion }] : undefined,
      ),
    ];
  }
  const validate = validatorFor(kind);
  const nonFinite = nonFiniteNumbers(value, at);
  // A non-finite number the schema also rejects (`integer`, a minimum) is told once, as what it is.
  const told = new Set(nonFinite.map((d) => JSON.stringify(d.range)));
  const own = validate(value)
    ? []
    : schemaErrorDiagnostics(validate.errors ?? [], kind as DocumentKind, value, file, at).filter(
        (d) => !told.has(JSON.stringify(d.range)),
      );
  return [...own, ...nonFinite, ...ignoredCopyDiagnostics(validate, kind as DocumentKind, doc, file, at)];
}

/**
 * Schema errors inside the ignored copies of duplicated keys, at their own ranges (duplicateKeys.ts):
 * whichever copy the user keeps, its errors are known before the other goes.
 */
function ignoredCopyDiagnostics(
  validate: ValidateFunction,
  kind: DocumentKind,
  doc: ParsedDocument,
  file: ParsedFile,
  at: Locator,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const variant of ignoredCopyVariants(doc)) {
    if (validate(variant.value)) continue;
    const inside = (validate.errors ?? []).filter((e) => variant.paths.some((copy) => inCopy(e, copy)));
    // Without `path`: the structural quick fixes (add or remove a key) find their mapping by path,
    // which leads to the copy that counts.
    for (const { path: _path, ...d } of schemaErrorDiagnostics(
      inside,
      kind,
      variant.value,
      file,
      at.following(variant.copies),
    )) {
      out.push(d);
    }
  }
  return out;
}

/** Whether an ajv error is about the copy at `copy`: inside it, or the copy's key being unknown to its mapping. */
function inCopy(e: ErrorObject, copy: PathSegment[]): boolean {
  const path = pointerToPath(e.instancePath);
  const startsWith = (long: PathSegment[], short: PathSegment[]): boolean =>
    short.length <= long.length && short.every((s, i) => String(s) === String(long[i]));
  if (startsWith(path, copy)) return true;
  return (
    e.keyword === 'additionalProperties' &&
    path.length === copy.length - 1 &&
    startsWith(copy, path) &&
    String(e.params.additionalProperty) === String(copy[copy.length - 1])
  );
}

/**
 * ajv's errors as diagnostics, folded so each problem yields one. `base`: where the validated
 * value sits in the document when it is not the document itself (the value of a `set` path).
 */
export function schemaErrorDiagnostics(
  errors: ErrorObject[],
  kind: DocumentKind,
  value: unknown,
  file: ParsedFile,
  at: Locator,
  base: PathSegment[] = [],
): Diagnostic[] {
  // An `anyOf` (experiment metrics: a known name, or a state outcome's pattern) is reported as its
  // first alternative alone: "must be one of density, …", not once per alternative.
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  const otherAlternative = (e: ErrorObject): boolean =>
    anyOfs.some(
      (a) =>
        a === e ||
        (e.instancePath === a.instancePath &&
          e.schemaPath.startsWith(`${a.schemaPath}/`) &&
          !e.schemaPath.startsWith(`${a.schemaPath}/0/`)),
    );
  const relevant = errors.filter(
    (e) => e.keyword !== 'if' && !(e.keyword === 'pattern' && e.propertyName !== undefined) && !otherAlternative(e),
  );
  const typeErrorPaths = new Set(relevant.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // Unknown keys that are misspellings of missing required keys: report once, as the misspelling.
  const misspelledRequired = new Set<string>();
  for (const e of relevant) {
    if (e.keyword !== 'additionalProperties') continue;
    const unknown = String(e.params.additionalProperty);
    const missing = relevant
      .filter((r) => r.keyword === 'required' && r.instancePath === e.instancePath)
      .map((r) => String(r.params.missingProperty));
    const match = didYouMean(unknown, missing);
    if (match) misspelledRequired.add(`${e.instancePath}/${match}`);
  }
  for (const e of relevant) {
    const path = [...base, ...pointerToPath(e.instancePath)];
    if (e.keyword !== 'type' && typeErrorPaths.has(e.instancePath)) continue;
    if (e.keyword === 'required' && misspelledRequired.has(`${e.instancePath}/${e.params.missingProperty}`)) continue;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d = schemaErrorDiagnostic(e, path, kind, value, file, at);
    if (d) out.push(d);
  }
  return out;
}

/** One ajv error at `path` of a document as a diagnostic (also used for the values of `set`, which the schema cannot reach). */
export function schemaErrorDiagnostic(
  e: ErrorObject,
  path: PathSegment[],
  kind: DocumentKind,
  docValue: unknown,
  file: ParsedFile,
  at: Locator,
): Diagnostic | undefined {
  const site: ErrorSite = { e, path, kind, docValue, f: file.file, at, where: contextName(kind, path, docValue) };
  const { f } = site;
  switch (e.keyword) {
    case 'required':
      return missingPropertyDiagnostic(site);
    case 'additionalProperties':
      return unknownPropertyDiagnostic(site);
    case 'type':
      return wrongTypeDiagnostic(site);
    case 'enum':
      return notAllowedDiagnostic(site);
    case 'const':
      return diag(
        isForeign(valueAt(docValue, path)) ? 'SOC012' : 'SOC013',
        'error',
        `${pathLabel(path, docValue)} must be '${String(e.params.allowedValue)}' here`,
        f,
        at.valueRange(path),
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return outOfBoundsDiagnostic(site, e.keyword);
    case 'minLength':
      return diag('SOC013', 'error', `${pathLabel(path, docValue)} must not be empty`, f, at.valueRange(path));
    case 'pattern':
      return patternDiagnostic(site);
    case 'propertyNames':
      return invalidNameDiagnostic(site);
    case 'minProperties':
    case 'maxProperties':
      return entryCountDiagnostic(site, e.keyword);
    case 'uniqueItems':
      return repeatedItemDiagnostic(site);
    case 'minItems':
      return diag(
        'SOC013',
        'error',
        `${pathLabel(path, docValue)} must have at least ${e.params.limit} item${e.params.limit === 1 ? '' : 's'}`,
        f,
        at.valueRange(path),
      );
    default:
      return diag(
        'SOC013',
        'error',
        `${pathLabel(path, docValue)} ${e.message ?? 'is not valid'}`,
        f,
        at.valueRange(path),
      );
  }
}

/** One ajv error and where it is: what the wording of each keyword below reads. */
interface ErrorSite {
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
function missingPropertyDiagnostic({ e, path, where, f, at }: ErrorSite): Diagnostic {
  const prop = String(e.params.missingProperty);
  return {
    ...diag('SOC010', 'error', `Missing required property '${prop}' in ${where}`, f, at.parentKeyRange(path)),
    path,
  };
}

/** `additionalProperties`: on the unknown key, with a rename when it looks like a known one. */
function unknownPropertyDiagnostic({ e, path, kind, docValue, where, f, at }: ErrorSite): Diagnostic {
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

function wrongTypeDiagnostic({ e, path, docValue, f, at }: ErrorSite): Diagnostic {
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
function notAllowedDiagnostic({ e, path, docValue, f, at }: ErrorSite): Diagnostic {
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

function outOfBoundsDiagnostic(
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
function patternDiagnostic({ e, path, docValue, f, at }: ErrorSite): Diagnostic {
  const last = path[path.length - 1];
  const isId =
    last === 'id' || last === 'with' || path.includes('remove') || path.includes('members') || last === 'id_prefix';
  const message = isId
    ? `${pathLabel(path, docValue)} '${String(valueAt(docValue, path))}' is not a valid persona id: use lowercase letters, digits, '_' and '-', starting with a letter`
    : `${pathLabel(path, docValue)} does not match the pattern ${String(e.params.pattern)}`;
  return diag('SOC013', 'error', message, f, at.valueRange(path));
}

/** `propertyNames`: on the key; under `set`, what cannot be varied there and what can (parameterPaths.ts). */
function invalidNameDiagnostic({ e, path, kind, docValue, f, at }: ErrorSite): Diagnostic {
  const name = String(e.params.propertyName);
  const range = at.keyRange([...path, name]);
  const site = kind === 'scenario' ? setSiteOf(path) : undefined;
  if (!site) return diag('SOC054', 'error', `Not a valid name here: '${name}'`, f, range);
  const { message, suggestion } = unsettable(name, site, docValue);
  const fixes = suggestion ? [{ title: `Change to '${suggestion}'`, file: f, range, newText: suggestion }] : undefined;
  return diag('SOC054', 'error', message, f, range, fixes);
}

/** `minProperties`, `maxProperties`: an event's one action, or a mapping's count of entries. */
function entryCountDiagnostic(
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
function repeatedItemDiagnostic({ e, path, docValue, f, at }: ErrorSite): Diagnostic {
  const [first, repeat] = [Number(e.params.i), Number(e.params.j)].sort((a, b) => a - b);
  return diag(
    'SOC013',
    'warning',
    `${pathLabel(path, docValue)} lists the same item twice (items ${first + 1} and ${repeat + 1})`,
    f,
    at.valueRange([...path, Number(e.params.i)]),
  );
}

function diag(
  code: DiagnosticCode,
  severity: Diagnostic['severity'],
  message: string,
  file: string,
  range: Range,
  fixes?: DiagnosticFix[],
): Diagnostic {
  return fixes && fixes.length
    ? { code, severity, message, file, range, fixes }
    : { code, severity, message, file, range };
}

function emptyAt(r: Range): Range {
  return { start: { line: r.start.line, character: 0 }, end: { line: r.start.line, character: 0 } };
}

function valueAt(value: unknown, path: PathSegment[]): unknown {
  let v = value;
  for (const s of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

/** The mapping at `path`, in words: `persona 'maya'`, `inline persona 'personas[3]'`, `'memories[0]' of persona 'maya'`. */
function contextName(kind: DocumentKind, path: PathSegment[], docValue: unknown): string {
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
function describeNumber(v: unknown, at: Locator, path: PathSegment[]): string {
  if (typeof v !== 'number' || !Number.isInteger(v) || Number.isSafeInteger(v)) return describeValue(v);
  const r = at.valueRange(path);
  const lines = at.file.lines;
  return lines.text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 37)}...` : v}'`;
  return String(v);
}
