// Source ranges of paths inside one parsed document, for diagnostics and navigation.
import { isMap, isPair, type Node, type Pair } from 'yaml';
import type { Range, SourceLocation } from '../model/model';
import type { ParsedDocument, ParsedFile, PathSegment } from './parse';
import { nodeAtPath } from './nodePath';

/** Finds ranges for paths inside one document. */
export class Locator {
  /** `copies`: duplicated keys' copies to follow instead of the last (see nodeAtPath). */
  constructor(
    readonly file: ParsedFile,
    readonly doc: ParsedDocument,
    private readonly copies?: ReadonlyMap<string, Pair>,
  ) {}

  /** The same document, following the given copies of duplicated keys. */
  following(copies: ReadonlyMap<string, Pair>): Locator {
    return new Locator(this.file, this.doc, copies);
  }

  private span(node: Node | null | undefined): Range | undefined {
    if (!node?.range) return undefined;
    const [start, end] = node.range;
    return this.file.lines.range(start, Math.max(end, start + 1));
  }

  documentStart(): Range {
    const contents = this.doc.yaml.contents as Node | null;
    const start = contents?.range?.[0] ?? this.doc.yaml.range[0];
    const line = this.file.lines.positionAt(start).line;
    // The whole line; on an empty line an empty range (a character past its end is on no line).
    return { start: { line, character: 0 }, end: { line, character: this.file.lines.lineText(line).length } };
  }

  /** The value at a path; falls back to its key (`name:` with no value), then the nearest ancestor. */
  valueRange(path: PathSegment[]): Range {
    for (let n = path.length; n >= 0; n--) {
      const found = nodeAtPath(this.doc.yaml, path.slice(0, n), this.copies);
      if (!found) continue;
      const r = this.span(found.value as Node) ?? this.span(found.key as Node);
      if (r) return r;
    }
    return this.documentStart();
  }

  keyRange(path: PathSegment[]): Range {
    const found = nodeAtPath(this.doc.yaml, path, this.copies);
    return this.span(found?.key as Node) ?? this.valueRange(path.slice(0, -1));
  }

  /** For a missing property of the object at `path`: the key that holds that object. */
  parentKeyRange(path: PathSegment[]): Range {
    if (path.length === 0) {
      return this.span(nodeAtPath(this.doc.yaml, ['kind'], this.copies)?.key as Node) ?? this.documentStart();
    }
    const found = nodeAtPath(this.doc.yaml, path, this.copies);
    if (typeof path[path.length - 1] === 'string') {
      const r = this.span(found?.key as Node);
      if (r) return r;
    }
    // A sequence item has no key: point at its first key (usually `id`), else the item.
    const value = found?.value as Node | null | undefined;
    if (isMap(value) && value.items.length > 0 && isPair(value.items[0])) {
      return this.span(value.items[0].key as Node) ?? this.valueRange(path);
    }
    return this.valueRange(path);
  }

  location(path: PathSegment[]): SourceLocation {
    return { file: this.file.file, range: this.valueRange(path) };
  }
}
