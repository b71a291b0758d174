// What an agent knows of a scenario's seeded posts (timed events that post, kernel/seededPosts.ts):
// the offline model's posts draw on it (llm/offline/platform.ts), and the act prompt lists it.
// Only scenarios that seed posts have any, so every other request is as it was.
import type { ScenarioEvent } from '../../../format';

/** The texts of the scenario's seeded posts fired by `round` (none: the scenario seeds no posts). */
export function seededTexts(events: readonly ScenarioEvent[], round: number): string[] {
  const out: string[] = [];
  for (const e of events) if ('post' in e && e.at <= round) out.push(e.post.text);
  return out;
}

/**
 * The seeded posts an agent knows of: those whose text is in a post it reads now or in a memory it
 * recalled (its own post that passed it on, a reply quoting it). Most recent first.
 */
export function knownNews(seeded: readonly string[], read: readonly string[], recalled: readonly string[]): string[] {
  const seen = [...read, ...recalled];
  return seeded.filter((s) => seen.some((t) => t.includes(s))).reverse();
}
