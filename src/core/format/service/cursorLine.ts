// One line's block structure as the cursor reads it: indentation, list markers, its key.
import { lineKey } from '../syntax/lineKey';
import { unquote } from './cursorText';

/** One line's block structure: indentation, `- ` markers, and the key (if `key:`) after them. */
export interface Shape {
  blank: boolean;
  /** Columns of the `- ` markers. */
  dashes: number[];
  /** Column of the content after the markers. */
  contentCol: number;
  key?: string;
  /** The first key of a flow mapping item (`- { include: x }`). */
  flowKey?: string;
}

export function shapeOf(text: string): Shape {
  let i = 0;
  while (i < text.length && text[i] === ' ') i++;
  const dashes: number[] = [];
  while (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  }
  const rest = text.slice(i);
  if ((rest === '' || rest.startsWith('#')) && dashes.length === 0) return { blank: true, dashes, contentCol: i };
  const m = lineKey(rest);
  const flow = /^\{\s*([A-Za-z_][\w-]*)\s*:/.exec(rest);
  return { blank: false, dashes, contentCol: i, key: m ? unquote(m.raw) : undefined, flowKey: flow?.[1] };
}
