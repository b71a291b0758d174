// The offline judge's signals (instruments/judges/judgeSignals.ts) are tallied once per round for
// every judged agent; per agent they were n² work for a round of n. The tallies must say what the
// documented rule says: here the rule is written out over the lines themselves, as it was computed
// before, and compared on made-up rounds of pair talks and rooms, for each agent, in each talk and
// over the round.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { JudgeRecord } from '../../../src/core/engine/instruments/judges/judgeRecord';
import { judgeSignals, roundTallies, type SignalWorld } from '../../../src/core/engine/instruments/judges/judgeSignals';
import type { Agent } from '../../../src/core/engine/society/agent';
import type { TieTable } from '../../../src/core/engine/society/ties';
import type { TraceEvent } from '../../../src/core/trace/events';

const IDS = ['a0', 'a1', 'a2', 'a3', 'a4'];
const ACTS = ['greet', 'share', 'ask', 'propose', 'disclose', 'answer', 'decline', 'joke'];
const OUTGOING = new Set(['greet', 'share', 'ask', 'propose', 'disclose']);
const INFORMS = new Set(['share', 'answer', 'disclose']);
const share = (xs: readonly { act: string }[], acts: ReadonlySet<string> | string): number =>
  xs.length ? xs.filter((m) => (typeof acts === 'string' ? m.act === acts : acts.has(m.act))).length / xs.length : 0;
const clamp01 = (x: number): number => Math.max(0, Math.min(1, Number.isFinite(x) ? x : 0.5));

/** The rule over the lines themselves: the signals the tallies replace. */
function byTheLines(s: SignalWorld, a: Agent, talkId?: string): Record<string, number> {
  const talks = [...s.record.talks.values()];
  const talk = talkId ? s.record.talks.get(talkId) : undefined;
  const lines = talk ? talk.lines : talks.flatMap((t) => t.lines);
  const mine = lines.filter((m) => m.from === a.id);
  const heard = lines.filter((m) => m.from !== a.id && (m.to === undefined || m.to === a.id));
  const most = Math.max(0, ...s.agents.map((x) => s.record.activity(x.id)));
  const activity = most ? s.record.activity(a.id) / most : 0;
  const rated = talks.map((t) => s.record.ratings.get(`${t.id}:${a.id}`)).filter((x): x is number => x !== undefined);
  return {
    knowledge: share(heard, INFORMS),
    believability: clamp01(
      1 - Math.abs(a.persona.traits.extraversion! - (mine.length ? share(mine, OUTGOING) : activity)),
    ),
    secret: 1 - share(mine, 'disclose'),
    social_rules: 1 - share(mine, 'decline'),
    goal: talk
      ? (s.record.ratings.get(`${talk.id}:${a.id}`) ?? 0.5)
      : rated.length
        ? clamp01(rated.reduce((sum, x) => sum + x, 0) / rated.length)
        : 0.5,
    activity,
  };
}

const talkArb = fc.record({
  room: fc.boolean(),
  members: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 2, maxLength: 4 }),
  lines: fc.array(
    fc.record({ by: fc.nat(3), to: fc.option(fc.nat(4), { nil: undefined }), act: fc.constantFrom(...ACTS) }),
    {
      maxLength: 8,
    },
  ),
  ratings: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), {
    minLength: 4,
    maxLength: 4,
  }),
});

describe("the offline judge's signals", () => {
  it('tallied once a round, say what the rule says over the lines, for every agent, in each talk and over the round', () => {
    fc.assert(
      fc.property(
        fc.array(talkArb, { maxLength: 6 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (talks, extraversion) => {
          const record = new JudgeRecord();
          talks.forEach((t, k) => {
            const id = `t${k}`;
            const members = t.room ? t.members : t.members.slice(0, 2);
            const events: TraceEvent[] = [
              t.room
                ? ({ type: 'room', round: 1, id, members } as unknown as TraceEvent)
                : ({ type: 'encounter', round: 1, id, from: members[0], to: members[1] } as unknown as TraceEvent),
            ];
            t.lines.forEach((l, turn) => {
              const from = members[l.by % members.length];
              // Addressed to a member, to someone not in the talk, to the speaker itself, or to the room.
              const to = l.to === undefined ? undefined : l.to < members.length ? members[l.to] : IDS[l.to];
              events.push({
                type: 'message',
                round: 1,
                encounter: id,
                turn,
                from,
                ...(to ? { to } : {}),
                act: l.act,
                text: '.',
              } as unknown as TraceEvent);
            });
            members.forEach((m, i) => {
              const r = t.ratings[i];
              if (r !== undefined) {
                events.push({
                  type: 'evaluation',
                  round: 1,
                  encounter: id,
                  from: m,
                  to: members[0],
                  rating: r,
                } as unknown as TraceEvent);
              }
            });
            for (const e of events) record.observe(e);
          });
          const agents = IDS.map(
            (id, i) => ({ id, persona: { traits: { extraversion: extraversion[i] } } }) as unknown as Agent,
          );
          const ties = { forEachOut: () => undefined } as unknown as TieTable;
          const s: SignalWorld = {
            record,
            ties,
            agents,
            change: new Map(),
            maxChange: 0,
            tallies: roundTallies(record, agents),
          };
          for (const a of agents) {
            const pick = (x: Record<string, number>) =>
              Object.fromEntries(Object.keys(byTheLines(s, a)).map((k) => [k, x[k]]));
            assert.deepStrictEqual(pick(judgeSignals(s, a)), byTheLines(s, a), `${a.id} over the round`);
            for (const talk of record.talks.values()) {
              assert.deepStrictEqual(
                pick(judgeSignals(s, a, talk)),
                byTheLines(s, a, talk.id),
                `${a.id} in ${talk.id}`,
              );
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
