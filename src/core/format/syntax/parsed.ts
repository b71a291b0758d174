// The shapes of a parsed .society file: its documents with their plain values, ranges and
// repeated keys. Below the parser (parse.ts) and the duplicate-key reader (duplicateKeys.ts), which
// both build them.
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { Range } from '../model/position';
import type { Diagnostic } from '../model/diagnostics';
import type { LineIndex } from './lines';

export type PathSegment = string | number;

export interface ParsedDocument {
  index: number;
  yaml: Document.Parsed;
  /**
   * The document's plain value (null when empty); undefined when it could not be converted.
   * Values that are no mapping, list or scalar (!!binary, !!set…) are inert markers (plainValue.ts).
   */
  value: unknown;
  /** `kind` if it is a string. */
  kind?: string;
  range: Range;
  /** An error leaves the structure in doubt (not a duplicate key: see `garbled`); schema checks skip it. */
  hasErrors: boolean;
  /** Keys given more than once (SOC002): the value holds the last copy; validate.ts checks the others too. */
  duplicates: DuplicateKey[];
}

export interface ParsedFile {
  file: string;
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
}

export interface DuplicateKey {
  /**
   * Where the key is, following the copies that count; undefined inside an ignored copy, which no
   * path of the document's value reaches.
   */
  path?: PathSegment[];
  /** Every copy, in text order: the last one counts. */
  copies: Pair<Node, unknown>[];
  /** The mapping holding them (for the quick fix that removes one). */
  map: YAMLMap;
}
