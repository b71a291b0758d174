// What is emphasised on top of the plain network: the selection (with its ties and neighbours),
// the node under the pointer, and agents the debugger points at.
import type { LayoutLink, LayoutNode } from './layout';

export interface Decor {
  selected: ReadonlySet<string>;
  hovered?: string;
  /** Agents the host asked to emphasise (debugger stop). */
  highlighted: ReadonlySet<string>;
}

export const NO_DECOR: Decor = { selected: new Set(), highlighted: new Set() };

/** With a selection, everything not touching it is dimmed. */
export function focusOf(
  decor: Decor,
  links: readonly LayoutLink[],
): { dimNode: (n: LayoutNode) => boolean; dimLink: (l: LayoutLink) => boolean } {
  const focus = new Set([...decor.selected, ...decor.highlighted]);
  if (focus.size === 0) return { dimNode: () => false, dimLink: () => false };
  const near = new Set(focus);
  for (const l of links) {
    if (focus.has(l.source.id)) near.add(l.target.id);
    if (focus.has(l.target.id)) near.add(l.source.id);
  }
  return {
    dimNode: (n) => !near.has(n.id),
    dimLink: (l) => !focus.has(l.source.id) && !focus.has(l.target.id),
  };
}
