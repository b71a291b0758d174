// Where things are in a .society text: positions, ranges, source locations. Below the model
// (model.ts) and the mechanics (mechanics.ts), which both point back at what they were read from.

/** Zero-based position in a text document (line and UTF-16 column). */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
/** Where something was written: absolute file path (or URI string) plus range. */
export interface SourceLocation {
  file: string;
  range: Range;
}
