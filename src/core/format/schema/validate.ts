// Schema validation of one parsed document with ajv, mapped to precise source ranges:
// a missing property on the parent's key, an unknown property on its own key, a wrong type or
// value on the value. ajv's noise is folded so each problem yields one clear message.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../model/diagnostics';
import type { ParsedDocument, ParsedFile, PathSegment } from '../syntax/parse';
import { pointerToPath } from '../syntax/nodePath';
import { Locator } from '../syntax/locate';
import { DOCUMENT_KINDS, type DocumentKind, validatorFor } from './schema';
import { didYouMean } from '../model/suggest';
import { isForeign } from '../syntax/plainValue';
import { pathLabel } from '../syntax/pathLabel';
import { ignoredCopyVariants } from '../syntax/duplicateKeys';
import { nonFiniteNumbers } from './nonFinite';
import {
  ErrorSite,
  missingPropertyDiagnostic,
  unknownPropertyDiagnostic,
  wrongTypeDiagnostic,
  notAllowedDiagnostic,
  outOfBoundsDiagnostic,
  patternDiagnostic,
  invalidNameDiagnostic,
  entryCountDiagnostic,
  repeatedItemDiagnostic,
  diag,
  emptyAt,
  valueAt,
  contextName,
} from './schemaErrorWords';

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
