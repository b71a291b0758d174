// Maps between .society lines and what the simulation does: a line inside a persona stops that
// agent's turn, a line of a scheduled event stops at the start of its round, a line of a declared
// action stops right after an agent takes it, any other scenario line stops at every round start. The other way, a stop's frames point at the acting persona's
// `id:` line and at the scenario line of the round (its event, else `rounds:`).
import * as path from 'node:path';
import type { Persona, Scenario, SourceLocation } from '../format';

export type LineTarget =
  | { kind: 'persona'; agent: string }
  | { kind: 'event'; round: number }
  | { kind: 'action'; action: string }
  | { kind: 'round' };

/** Reads a file's lines (0-based); the debugger caches them. */
export type LineReader = (file: string) => readonly string[];

const same = (a: string, b: string): boolean => path.resolve(a) === path.resolve(b);

/**
 * The lines a source location covers. Locations mark where a document or item starts (its first
 * key), so the extent comes from the text: a whole document runs to the next `---`; a list item
 * runs while the lines are indented deeper than its dash.
 */
export function extent(s: SourceLocation, lines: readonly string[]): { from: number; to: number } {
  const from = s.range.start.line;
  const col = s.range.start.character;
  const dash = /^(\s*)-\s/.exec(lines[from] ?? '');
  // Deeper than this column belongs to the item; a whole document (column 0) has no limit.
  const limit = dash && dash[1].length < col ? dash[1].length : col - 1;
  let to = from;
  for (let i = from + 1; i < lines.length; i++) {
    const l = lines[i];
    if (/^---\s*$/.test(l)) break;
    if (!l.trim()) continue;
    if (col > 0 && l.length - l.trimStart().length <= limit) break;
    to = i;
  }
  // A range ending at column 0 ends before that line (the next item starts there).
  const end = s.range.end.character === 0 && s.range.end.line > from ? s.range.end.line - 1 : s.range.end.line;
  return { from, to: Math.max(to, end) };
}

function inside(s: SourceLocation | undefined, file: string, line: number, read: LineReader): boolean {
  if (!s || !same(s.file, file) || line < s.range.start.line) return false;
  return line <= extent(s, read(s.file)).to;
}

/** What a breakpoint on this (0-based) line stops at, or undefined when the line is not in the scenario. */
export function targetAt(scenario: Scenario, file: string, line: number, read: LineReader): LineTarget | undefined {
  // Innermost first: an inline persona or an event sits inside the scenario document.
  for (const p of scenario.personas) if (inside(p.source, file, line, read)) return { kind: 'persona', agent: p.id };
  for (const e of scenario.events) {
    if ('add' in e) {
      for (const p of e.add) if (inside(p.source, file, line, read)) return { kind: 'persona', agent: p.id };
    }
  }
  for (const e of scenario.events) if (inside(e.source, file, line, read)) return { kind: 'event', round: e.at };
  // A line of a declared action (its key, its `when:`, an effect): when an agent takes it (issue 88:
  // such a breakpoint stopped at every round's start).
  for (const a of scenario.mechanics?.actions ?? []) {
    if (inside(a.source, file, line, read) || isKeyLine(a.name, a.source, file, line, read)) {
      return { kind: 'action', action: a.name };
    }
  }
  if (scenario.source && same(scenario.source.file, file)) return { kind: 'round' };
  return undefined;
}

/** The line `name:` a block mapping's value (which starts on the line after) hangs from. */
function isKeyLine(name: string, s: SourceLocation | undefined, file: string, line: number, read: LineReader): boolean {
  if (!s || !same(s.file, file) || line !== s.range.start.line - 1) return false;
  const text = read(s.file)[line] ?? '';
  return text.trimStart().startsWith(`${name}:`) || text.trimStart().startsWith(`"${name}":`);
}

export interface SourceLine {
  file: string;
  line: number;
}

/** The persona's `id:` line (else the start of its document or item). */
export function personaLine(persona: Persona | undefined, read: LineReader): SourceLine | undefined {
  const s = persona?.source;
  if (!s) return undefined;
  const lines = read(s.file);
  return {
    file: s.file,
    line: findLine(lines, s.range.start.line, extent(s, lines).to, /^\s*(?:-\s*)?id\s*:/) ?? s.range.start.line,
  };
}

/** The scheduled event of this round, else the scenario's `rounds:` line, else its first line. */
export function roundLine(scenario: Scenario, round: number, read: LineReader): SourceLine | undefined {
  const ev = scenario.events.find((e) => e.at === round && e.source);
  if (ev?.source) return { file: ev.source.file, line: ev.source.range.start.line };
  const s = scenario.source;
  if (!s) return undefined;
  const lines = read(s.file);
  return {
    file: s.file,
    line: findLine(lines, s.range.start.line, extent(s, lines).to, /^\s*rounds\s*:/) ?? s.range.start.line,
  };
}

function findLine(lines: readonly string[], from: number, to: number, re: RegExp): number | undefined {
  for (let i = from; i < lines.length && i <= to; i++) if (re.test(lines[i])) return i;
  return undefined;
}
