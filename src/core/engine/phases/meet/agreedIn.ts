// What a conversation agreed (issue 85): a proposal with terms that another accepted. Its
// proposer and those who accepted it are party to it, each with all the others (in a room, a
// group's agreement among those who accepted). Talk with no accepted proposal agrees nothing,
// whatever else was said.
import type { Terms } from '../../../trace/events';
import type { TranscriptLine } from '../../../llm/types';

export const sameTerms = (a: Terms, b: Terms): boolean =>
  a.action === b.action && a.arg === b.arg && a.amount === b.amount;

/**
 * The latest terms `self` agreed to in the transcript, with whom: the proposer and everyone who
 * accepted that proposal are party to it, each with all the others; undefined when it agreed to none.
 */
export function agreedIn(tr: readonly TranscriptLine[], self: string): { terms: Terms; with: string[] } | undefined {
  let out: { terms: Terms; with: string[] } | undefined;
  for (let j = 0; j < tr.length; j++) {
    const p = tr[j];
    if (p.act !== 'propose' || !p.terms) continue;
    const parties = new Set<string>();
    for (let i = j + 1; i < tr.length; i++) {
      const l = tr[i];
      if (l.act === 'accept' && l.terms && sameTerms(l.terms, p.terms) && l.from !== p.from) parties.add(l.from);
    }
    if (!parties.size) continue;
    parties.add(p.from);
    if (!parties.has(self)) continue;
    parties.delete(self);
    out = { terms: p.terms, with: [...parties] };
  }
  return out;
}

/** The memory's words for it: "We agreed to each appropriate 4.5 tokens." */
export function agreedText(t: Terms): string {
  const amount = t.amount !== undefined ? ` ${Math.round(t.amount * 100) / 100}${t.arg ? ` ${t.arg}` : ''}` : '';
  return t.amount !== undefined ? `We agreed to each ${t.action}${amount}.` : `We agreed to all ${t.action}.`;
}
