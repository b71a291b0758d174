// The .society files of a debugged run: their lines as the run parsed them (the scenario's
// source ranges point into these) and as they are on disk now. A file edited during the session
// is read again when its modification time or size changes, and lines go between the two through
// a line alignment (core/debug/lineMap.ts): stops show the current line, breakpoints set after
// the edit are planned against the launch's text, and a line that was edited away is reported as
// such rather than shown at a wrong place.
import * as fs from 'node:fs';
import { lineMap, type LineMap } from '../core/debug/lineMap';
import type { SourceLine } from '../core/debug/sourceMap';

interface Current {
  mtimeMs: number;
  size: number;
  lines: string[];
  map?: LineMap;
}

export class SourceFiles {
  private readonly launched = new Map<string, string[]>();
  private readonly current = new Map<string, Current>();

  /** Reads these files now, as the run parsed them (call right after loading the scenario). */
  constructor(files: Iterable<string>) {
    for (const f of files) this.launchLines(f);
  }

  /** The file's lines as the run parsed it (read the first time it is asked for, if not at the start). */
  launchLines(file: string): string[] {
    let lines = this.launched.get(file);
    if (!lines) {
      lines = this.currentOf(file).lines;
      this.launched.set(file, lines);
    }
    return lines;
  }

  /** The file's lines as they are on disk now. */
  currentLines(file: string): string[] {
    return this.currentOf(file).lines;
  }

  /** Where a line of the launch's text is now; undefined when that line was edited or removed. */
  toCurrent(at: SourceLine): SourceLine | undefined {
    const line = this.map(at.file).toCurrent(at.line);
    return line === undefined ? undefined : { file: at.file, line };
  }

  /** The launch line a line of the current text stands for. */
  toLaunch(file: string, line: number): number {
    return this.map(file).toLaunch(line);
  }

  /** True when the file on disk differs from what the run parsed. */
  changed(file: string): boolean {
    return !this.map(file).same;
  }

  private map(file: string): LineMap {
    const launch = this.launchLines(file);
    const cur = this.currentOf(file);
    cur.map ??= lineMap(launch, cur.lines);
    return cur.map;
  }

  private currentOf(file: string): Current {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(file);
    } catch {
      st = undefined;
    }
    const known = this.current.get(file);
    if (known && st && known.mtimeMs === st.mtimeMs && known.size === st.size) return known;
    if (known && !st && known.size === -1) return known;
    let lines: string[];
    try {
      lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    } catch {
      lines = [];
    }
    const fresh: Current = { mtimeMs: st?.mtimeMs ?? -1, size: st?.size ?? -1, lines };
    this.current.set(file, fresh);
    return fresh;
  }
}
