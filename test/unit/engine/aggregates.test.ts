// Issue 44, point 4: aggregates over the agents in expressions (format/expressions/aggregates.ts).
// `agents` is everyone present, read from the state at the moment of evaluation, in every scope
// world.* is: world and agent updates (from the closing state), a phase's `when`, an action's
// `when` and effects. Runs are deterministic, and a scenario without `agents` is unchanged.
import assert from 'node:assert/strict';
import type { TraceEvent } from '../../../src/core/trace/events';
import { AGGREGATES } from '../../../src/core/format/expressions/aggregates';
import { scenarioFromText, traceOf } from './traceHelpers';

const SCENARIO = `kind: scenario
name: aggregates
personas:
  - { id: ana, name: Ana, group: rich, traits: { openness: 0.9 } }
  - { id: bo, name: Bo, group: poor, traits: { openness: 0.1 } }
  - { id: cy, name: Cy, group: poor, traits: { openness: 0.5 } }
world: { rounds: 3 }
state:
  world:
    total: { initial: 0, update: "sum(agents.map(a, a.coins))" }
    avg: { initial: 0, update: "mean(agents.map(a, a.coins))" }
    spread: { initial: 0, update: "sd(agents.map(a, a.coins))" }
    lo: { initial: 0, update: "min(agents.map(a, a.coins))" }
    hi: { initial: 0, update: "max(agents.map(a, a.coins))" }
    rich: { initial: 0, update: "sum(agents.filter(a, a.group == 'rich').map(a, a.coins))" }
    poor: { initial: 0, update: "double(agents.filter(a, a.group == 'poor').size())" }
    donations: { initial: 0 }
    checks: { initial: 0 }
  agents:
    coins: { initial: 1, update: "me.coins + traits.openness" }
    above: { initial: 0, update: "me.coins - mean(agents.map(a, a.coins))" }
actions:
  donate:
    description: Give to the common pot while the richest is well off.
    when: "max(agents.map(a, a.coins)) > 1.5"
    effects:
      world.donations: "world.donations + double(agents.filter(a, a.coins > 1.5).size())"
  audit:
    description: Count the books.
    effects:
      world.checks: "world.checks + 1.0"
round:
  - phase: audit
    actions: [audit]
    when: "mean(agents.map(a, a.coins)) > 1.0"
  - phase: give
    actions: [donate]
`;

type State = Extract<TraceEvent, { type: 'state' }>;

async function run(text = SCENARIO): Promise<{ trace: string; states: State[]; events: TraceEvent[] }> {
  const trace = await traceOf(await scenarioFromText(text));
  const events = trace
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TraceEvent);
  return { trace, events, states: events.filter((e): e is State => e.type === 'state') };
}

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);

describe('aggregates over agents in expressions (issue 44: 4)', () => {
  it('world updates reduce every agent (or those a filter keeps) at the closing state', async () => {
    const { states } = await run();
    const r1 = states.find((s) => s.round === 1)!;
    // Round 1 closes with every agent at 1 coin: world updates read that.
    assert.deepEqual(
      { ...r1.world, donations: 0, checks: 0 },
      { total: 3, avg: 1, spread: 0, lo: 1, hi: 1, rich: 1, poor: 2, donations: 0, checks: 0 },
    );
    const r2 = states.find((s) => s.round === 2)!;
    // Round 2 closes with coins 1.9, 1.1, 1.5.
    const coins = [1.9, 1.1, 1.5];
    close(r2.world.total, 4.5);
    close(r2.world.avg, 1.5);
    close(r2.world.spread, AGGREGATES.sd(coins));
    close(r2.world.spread, Math.sqrt((0.16 + 0.16 + 0) / 3));
    close(r2.world.lo, 1.1);
    close(r2.world.hi, 1.9);
    close(r2.world.rich, 1.9);
    assert.equal(r2.world.poor, 2);
  });

  it('agent updates read the closing state of every agent, not the ones already updated', async () => {
    const { states } = await run();
    const r1 = states.find((s) => s.round === 1)!;
    // Every agent had 1 coin at the close of round 1: none is above the mean, whoever updates first.
    for (const id of ['ana', 'bo', 'cy']) assert.equal(r1.agents[id].above, 0, id);
    const r2 = states.find((s) => s.round === 2)!;
    close(r2.agents.ana.above, 1.9 - 1.5);
    close(r2.agents.bo.above, 1.1 - 1.5);
  });

  it("a phase's `when`, an action's `when` and its effects read the agents as they are then", async () => {
    const { events, states } = await run();
    const donations = events.filter((e) => e.type === 'action' && (e as { action?: string }).action === 'donate');
    // Round 1: everyone at 1 coin, nobody above 1.5 — donate is not on offer; later rounds it is.
    assert.ok(donations.every((e) => (e as { round: number }).round >= 2));
    assert.ok(donations.length > 0, 'donate was taken once the richest had more than 1.5');
    const r3 = states.find((s) => s.round === 3)!;
    assert.ok(r3.world.donations > 0);
    // The audit phase runs once the mean passes 1 (after round 1's updates), not in round 1.
    assert.equal(states.find((s) => s.round === 1)!.world.checks, 0);
    assert.ok(r3.world.checks > 0);
  });

  it('is deterministic: the same trace twice', async () => {
    assert.equal((await run()).trace, (await run()).trace);
  });

  it('reduces no agents to 0 (a run never sees NaN), and spreads a population by n', () => {
    for (const f of ['sum', 'mean', 'sd', 'min', 'max']) assert.equal(AGGREGATES[f]([]), 0, f);
    assert.equal(AGGREGATES.sd([2]), 0);
    assert.equal(AGGREGATES.sd([1, 3]), 1);
    assert.equal(AGGREGATES.min([3, -2, 5]), -2);
  });
});
