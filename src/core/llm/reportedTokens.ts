// Token counts an endpoint reports in `usage` are trusted only when they are token counts: a
// buggy proxy can send negatives (negative cost), strings ("12" + "lots" concatenated into the
// totals) or 1e300 (a tokens-per-minute wait that never ends). Anything else is replaced by the
// estimate, and the bad values are kept as a note in the call's faults so the trace shows them.
import { printable } from '../text/printable';
import type { CallFault } from './chat';

export function isTokenCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/**
 * The `usage` fields named in `estimates`, each replaced by its estimate unless it is a token
 * count. Absent usage is normal for some servers and needs no note; values that are present but
 * unusable get one note (attempt 1: the caller renumbers it).
 */
export function reportedTokens<K extends string>(
  usage: unknown,
  estimates: Record<K, number>,
): { tokens: Record<K, number>; notes: CallFault[] } {
  const u = usage && typeof usage === 'object' ? (usage as Record<string, unknown>) : {};
  const tokens = { ...estimates };
  const bad: string[] = [];
  for (const field of Object.keys(estimates) as K[]) {
    const v = u[field];
    if (isTokenCount(v)) tokens[field] = v;
    else if (v !== undefined && v !== null) {
      bad.push(`${field} = ${printable(JSON.stringify(v) ?? String(v)).slice(0, 40)}`);
    }
  }
  const message = `the endpoint reported usage ${bad.join(', ')}: not token counts; used the estimate instead`;
  return { tokens, notes: bad.length ? [{ attempt: 1, reason: 'bad_response', note: true, message }] : [] };
}
