// Matching of agents into pairs and groups (issue 62): the experimental designs of behavioural
// games — fixed partners, groups of k, strangers rematched every round — written once in the
// scenario (`matching:`), drawn by the engine (engine/society/matching.ts), read by expressions
// as `partner` (pairs) and `matched` (everyone in one's group, oneself included).
import type { SourceLocation } from './position';

/** `partner`: the same groups all run long; `stranger`: new groups drawn every round. */
export const MATCHING_DESIGNS = ['partner', 'stranger'] as const;
export type MatchingDesign = (typeof MATCHING_DESIGNS)[number];

export interface Matching {
  design: MatchingDesign;
  /** Members per group (2: pairs). */
  size: number;
  /** Only this population group is matched (default: everyone). */
  within?: string;
  /** Pairs of one member of each of two groups (roles): proposer and responder. */
  between?: [string, string];
  source?: SourceLocation;
}

/** The names an expression reads with matching: `partner` in pairs, `matched` always. */
export const MATCHED_NAMES = ['partner', 'matched'] as const;

/** Whether expressions may read `partner`: groups of two. */
export function hasPartner(m: Matching | undefined): boolean {
  return m !== undefined && m.size === 2;
}

/** Whether an expression's text reads the matched group (`partner.x`, `matched.map(…)`): it needs a match to mean anything. */
export function readsMatch(text: string | undefined): boolean {
  return text !== undefined && /(?<![\w.])(?:partner|matched)\b/.test(text);
}
