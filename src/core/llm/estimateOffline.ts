// The estimate's time for the offline rule-based model (issue 87): free is not instant. An
// offline action decision reads the agent's match group — every member is shown to it, and the
// round's close it foresees sums over `matched` for each of the first FORESEEN_AGENTS — so its cost
// grows with the group: 400 agents × 2 rounds take ≈ 1.8 s of CPU in groups of 4 and ≈ 9 s in one
// group of 400 (before issue 87's fixes to who-is-ahead and foresight: ≈ 13 s). The estimate says the time from a measured line, seconds a decision = base +
// per member × the group an action decision reads, and the run is said to be long past a minute.
import type { ModelConfig, Scenario } from '../format';

/**
 * CPU seconds an offline action decision takes: `base`, `per_member` more for each member of the
 * group it reads, and `per_agent` more for each agent where an update reads `agents` (the close it
 * foresees sums over everyone). Fitted by `npm run bench -- offlineGroups` (bench/offlineGroups.ts:
 * examples/public-goods-matching at 400 agents × 2 rounds in groups of 4, 100 and 400, and 1,600 in
 * groups of 4; in one process, one thread) on this project's 2-core machine; the bench prints its
 * fit beside these, to be written here again when the engine's cost moves. Other decisions
 * (conversation, ratings, reflection) are not timed.
 */
export const OFFLINE_SECONDS = {
  base: 0.002,
  per_member: 0.000023,
  per_agent: 0.00000067,
  measured: '2026-11-29',
} as const;

/** The others an unmatched action decision is offered (engine/phases/act/targets.ts TARGETS_OFFERED; a test holds them equal). */
export const UNMATCHED_WIDTH = 6;

/** What the estimate says of an offline model's time. */
export interface OfflineTime {
  /** Expected CPU seconds of its action decisions at OFFLINE_SECONDS. */
  seconds: number;
  /** The group an action decision reads: the match group's size, else the others it is offered. */
  width: number;
  /** The action decisions among its calls (the ones timed). */
  acts: number;
  /** The agents an update's `agents` aggregate reads at each decision (0: no update reads them). */
  everyone: number;
  /** Whether `width` is a match group (else the others an action is offered). */
  matched: boolean;
}

/** The group an offline action decision reads: its match group, else the few others it may act on. */
export function offlineWidth(s: Scenario, agents: number): number {
  const m = s.mechanics?.matching;
  if (m) return Math.max(1, Math.min(m.size, agents));
  return Math.max(1, Math.min(UNMATCHED_WIDTH, agents - 1));
}

/** The agents each decision's foresight reads through an update over `agents` (0 when none does). */
export function offlineEveryone(s: Scenario, agents: number): number {
  const m = s.mechanics;
  const updates = [...(m?.world ?? []), ...(m?.agents ?? [])].map((q) => q.update ?? '');
  return updates.some((u) => /\bagents\b/.test(u)) ? agents : 0;
}

/** The expected seconds of an offline model's `acts` action decisions. */
export function offlineTime(s: Scenario, agents: number, acts: number): OfflineTime {
  const width = offlineWidth(s, agents);
  const everyone = offlineEveryone(s, agents);
  const each = OFFLINE_SECONDS.base + OFFLINE_SECONDS.per_member * width + OFFLINE_SECONDS.per_agent * everyone;
  return { seconds: acts * each, width, acts, everyone, matched: !!s.mechanics?.matching };
}

/** How the offline time was made, for the estimate's assumptions (none without an offline model). */
export function offlineAssumptions(models: readonly { offline?: OfflineTime }[]): string[] {
  const o = models.find((m) => m.offline)?.offline;
  return o ? [offlineAssumption(o)] : [];
}

function offlineAssumption({ width, everyone }: OfflineTime): string {
  const o = OFFLINE_SECONDS;
  const µs = (x: number): string => `${Number((x * 1e6).toPrecision(3))} µs`;
  const all = everyone ? ` and ${µs(o.per_agent)} per agent (${everyone}: an update reads \`agents\`)` : '';
  return `offline time: CPU of the action decisions only, ${Number((o.base * 1000).toPrecision(3))} ms each, ${µs(o.per_member)} more per member of the group it reads (${width}: the match group, else the others it is offered)${all}, as bench/offlineGroups.ts measured on 2 cores (${o.measured}); conversations, ratings, reflection, the trace and start-up are not timed`;
}

/** Whether the model is the offline one (time from OFFLINE_SECONDS, not from tokens). */
export function isOffline(cfg: Pick<ModelConfig, 'provider'>): boolean {
  return cfg.provider === 'offline';
}

/** What an offline decision reads, said: "each reading a match group of 400 and all 2,000 agents". */
function reads(o: OfflineTime): string {
  const all = o.everyone ? ` and all ${o.everyone.toLocaleString('en-US')} agents` : '';
  const group = o.matched ? `a match group of ${o.width.toLocaleString('en-US')}` : `${o.width} others offered`;
  return `${o.acts.toLocaleString('en-US')} action decisions, each reading ${group}${all}`;
}

/** A long offline run said as a warning: past `longSeconds` (runForecast.ts LONG_RUN_SECONDS), else none. */
export function offlineWarning(o: OfflineTime, label: string, longSeconds: number): string | undefined {
  if (!(o.seconds > longSeconds)) return undefined;
  return `${label} is expected to take about ${clock(o.seconds)} of CPU on the offline model (${reads(o)}): past ${clock(longSeconds)}`;
}

/** The line that says an offline model's expected time and how it was made. */
export function offlineLine(name: string, o: OfflineTime): string {
  return `  ${name} (offline): ≈ ${clock(o.seconds)} of CPU (${reads(o)}; measured ${OFFLINE_SECONDS.measured} on 2 cores)`;
}

/** "45 s", "35 min", "2 h 10 min" (as runForecast.ts duration says it). */
export function clock(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
