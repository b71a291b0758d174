// Completion of a group's name in the string an expression compares a `.group` with
// (`who.group == '|'`, `a.group != 'ex|'`, `me.group == '…'`): the scenario's population groups and
// personas' groups, so a condition on the candidate's group names one that exists.
import type { Position } from '../model/model';
import type { LineIndex } from '../syntax/lines';
import type { CompletionItem } from './types';

/** `<name>.group == '` (or `!=`, either quote) and the part of the name typed so far. */
const GROUP_LITERAL = /[A-Za-z_]\w*\s*\.\s*group\s*[!=]=\s*(['"])([\w-]*)$/;

/** The group names to offer when the cursor is in such a string, else undefined. */
export function groupLiteralItems(
  lines: LineIndex,
  position: Position,
  before: string,
  groups: readonly string[],
): CompletionItem[] | undefined {
  const m = GROUP_LITERAL.exec(before);
  if (!m) return undefined;
  const typed = m[2];
  const rest = /^[\w-]*/.exec(lines.lineText(position.line).slice(position.character))?.[0].length ?? 0;
  const range = {
    start: { line: position.line, character: position.character - typed.length },
    end: { line: position.line, character: position.character + rest },
  };
  return groups.map((g, i) => ({
    label: g,
    kind: 'value' as const,
    detail: 'group',
    documentation: `The group \`${g}\`: a population group, or the \`group\` of personas.`,
    insertText: g,
    snippet: false,
    range,
    sortText: String(i).padStart(3, '0'),
  }));
}
