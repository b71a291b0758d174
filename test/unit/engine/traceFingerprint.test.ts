// Pins the exact traces of a few runs: a change that was meant to leave the model alone (a speed-up,
// a refactoring) must leave every byte of them as it was. Determinism tests compare two runs of the
// same build; these compare against the build the fingerprints were taken from.
// When a change alters the model on purpose, check that the new traces are right, then update the
// fingerprints here and say so in the change's CHANGELOG entry. The header's provenance (product
// and Node versions, issue 58: 6) is left out: it names the build, and must not move the pins.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import type { Scenario } from '../../../src/core/format/model/model';
import { makePersona, makeScenario } from './scenarioFixture';
import { example, traceOf } from './traceHelpers';
import { headerLineWithoutProvenance } from '../../../src/core/trace/provenance';

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

/** The trace as pinned: its header without the provenance block. */
function pinned(trace: string): string {
  const end = trace.indexOf('\n');
  return headerLineWithoutProvenance(trace.slice(0, end)) + trace.slice(end);
}

/** Rooms, a broadcast, an agent added and one removed, a switch of encounter mode, coaching. */
function eventful(): Scenario {
  const base = makeScenario(24);
  return makeScenario(24, {
    world: {
      ...base.world,
      rounds: 10,
      encounters: { mode: 'recommend', per_round: 2, exploration: 0.2 },
      rooms: [{ name: 'lounge', topic: 'music', members: [], size: 4 }],
    },
    coaching: { enabled: true, every: 2 },
    events: [
      { at: 2, broadcast: 'A storm cancels all classes today.' },
      { at: 3, add: [makePersona(40)] },
      { at: 4, remove: ['p1'] },
      { at: 6, set: { 'ties.decay': 0.1, world: { encounters: { mode: 'network' } } } },
    ],
  });
}

/** A sampled population in random pairing, uncoached. */
function sampled(): Scenario {
  const base = makeScenario(0);
  return {
    ...base,
    personas: [],
    population: [
      {
        group: 'crowd',
        count: 150,
        id_prefix: 'c',
        names: ['Ana', 'Bo', 'Chen'],
        occupations: ['student', 'nurse'],
        interests: { pool: ['chess', 'jazz', 'film', 'cooking', 'running', 'poetry', 'birding'], per_agent: 2 },
        traits: { openness: { uniform: { min: 0, max: 1 } }, extraversion: { beta: { alpha: 2, beta: 2 } } },
        motivations: { social: { uniform: { min: 0, max: 1 } }, support: { uniform: { min: 0, max: 1 } } },
      },
    ] as Scenario['population'],
    world: { ...base.world, rounds: 8, encounters: { mode: 'random', per_round: 1, exploration: 0 } },
  };
}

/** The scenario as it was before it declared surveys. */
function withoutSurveys(s: Scenario): Scenario {
  const { surveys: _surveys, ...rest } = s;
  return rest;
}

const RUNS: [string, () => Scenario | Promise<Scenario>, string][] = [
  [
    'examples/friends',
    // Without its Mini-IPIP survey (issue 48), which adds only \`survey\` events (test/unit/engine/surveys.test.ts).
    async () => withoutSurveys(await example('friends/friends.society')),
    // The header's scenario hash moved when the example declared `round:`; every event line is
    // the same (test/unit/engine/roundPlan.test.ts).
    'f6f2bb9adc75b4f45c5be1b1659126d98c695057bf322bcecbbf4b91d3f12c39',
  ],
  [
    'examples/forum',
    () => example('forum/forum.society'),
    // Rewritten on a feed (posts, replies, likes, follows) before its private messages. Issue 42:
    // a group's first names are drawn without replacement (every name once before any twice); the
    // names are in memories, whose retrieval reads them, so a few ties and reflections moved too.
    // Issue 57: the offline model chooses the action, then its arguments (nested.ts); amounts on their
    // continuum, corner or reference, with conditional cooperation (continuum.ts); what the round's
    // close brings back (foresight.ts); concern that differs by disposition; sanctions by conduct gap.
    // Issue 85: action events name each push (`pushes`) and word their consequence from the change
    // made; every other field of every event is as it was (compared with the pushes left out).
    'bdad78237d4d6a5fb280beff79861a9d67d4e65bb182dfb5c32a675187447224',
  ],
  [
    'examples/commons (world state and actions)',
    () => example('commons/commons.society'),
    // Issue 42: twenty distinct first names for the twenty fishers (names drawn without replacement).
    // Issue 45: fishers learn what their choices brought beyond their immediate catch (the fines
    // others paid them), and remember a surprising round (engine/society/experience.ts).
    // Issue 57: the offline model chooses the action, then its arguments (nested.ts); amounts on their
    // continuum, corner or reference, with conditional cooperation (continuum.ts); what the round's
    // close brings back (foresight.ts); concern that differs by disposition; sanctions by conduct gap.
    // Issue 73: "I fished 1 tonne" (a {tonne|tonnes} pair in the remember text; memory text only).
    // Issue 88: a memory of a choice names the action as its event recorded it ("give (recipient
    // Finn Egan, amount 1.25)"), not the nearest option key: memory texts, and what talk recalls of them.
    // Issue 85: action events name each push (`pushes`) and word their consequence from the change
    // made; every other field of every event is as it was (compared with the pushes left out).
    '24c0ac38d52c7c65e3adf607bd224258bda556f583d84a0655f2ac76cee68731',
  ],
  [
    'examples/donor-game (world state and actions)',
    () => example('donor-game/donor-game.society'),
    // A new generation's values start when it joins, so its state events list the agents in the
    // order they joined, not in the order a stage first read them (same values). Issue 42: names
    // drawn without replacement (twenty distinct villagers); reflections follow the new memories.
    // Issue 45: villagers learn what giving brought them back (others' gifts and punishments).
    // Issue 57: the offline model chooses the action, then its arguments (nested.ts); amounts on their
    // continuum, corner or reference, with conditional cooperation (continuum.ts); what the round's
    // close brings back (foresight.ts); concern that differs by disposition; sanctions by conduct gap.
    // Issue 72: in the last round an earlier round's kindness is not rewarded (STRATEGIC_REWARD).
    // Issue 88: a memory of a choice names the action as its event recorded it ("give (recipient
    // Finn Egan, amount 1.25)"), not the nearest option key: memory texts, and what talk recalls of them.
    // Issue 85: action events name each push (`pushes`) and word their consequence from the change
    // made; every other field of every event is as it was (compared with the pushes left out).
    '78bd60bde89a93514fa0ef03e02b92c3e95749ba06b78dee2646d4938a64ad85',
  ],
  [
    'examples/ultimatum (matching between two roles, issue 62)',
    () => example('ultimatum/ultimatum.society'),
    // Issue 73: every family name is tried before a name is numbered ("Gus Ceylan 7" is "Gus Dahl").
    // Issue 72: proposers look ahead over the responder's accept or reject (lookahead.ts): offers
    // fall from 0.48 to 0.42 of the pie over seeds 1–5 (rejections 14 and 12 of 250).
    // Issue 70: beliefs, comparisons and what is learned from others are about one's match group.
    // Issue 88: a memory of a choice names the action as its event recorded it ("give (recipient
    // Finn Egan, amount 1.25)"), not the nearest option key: memory texts, and what talk recalls of them.
    // Issue 85: action events name each push (`pushes`) and word their consequence from the change
    // made; every other field of every event is as it was (compared with the pushes left out).
    'cb67034f733b21c874122714e23ff14d86768a019826b4974f0c7e2da6469b76',
  ],
  [
    'examples/public-goods-matching (groups of four, matched reads, issue 62)',
    () => example('public-goods-matching/public-goods-matching.society'),
    // Issue 73: "Gus Amari 14" is "Gus Brandt" (every family name tried before a number);
    // "I put 1 token" (a {token|tokens} pair in the remember text; memory text only).
    // Issue 70: beliefs, comparisons and what is learned from others are about one's match group.
    // Issue 72: foresight works the close out for one's own group first (it had the drawn targets,
    // which missed group-mates): what a contribution brings one's three mates is foreseen.
    // Issue 88: a memory of a choice names the action as its event recorded it ("give (recipient
    // Finn Egan, amount 1.25)"), not the nearest option key: memory texts, and what talk recalls of them.
    // Issue 85: action events name each push (`pushes`) and word their consequence from the change
    // made; every other field of every event is as it was (compared with the pushes left out).
    // Issue 85, item 5: concern for what a contribution brings a mate is held as far as the mate
    // gave itself (llm/offline/matchedGift.ts): amounts, their reasons and pushes, and the memories
    // and talk that quote them.
    'db00495c1a0ef7706920a63256db3786e892b9c3350dd85c9ac445f1b05f0c47',
  ],
  ['rooms, timed events and coaching', eventful, 'dfbd353287d2a2eca91d66345906e55b9711bcfb2a3fff48f0e05777ad286e49'],
  [
    'a sampled population paired at random',
    sampled,
    // Issue 42: 150 members share 3 first names evenly (50 each), drawn without replacement.
    '117cdbbb02685572dcb61efc2781363a7b676aaefd6e0da9909f6854fd00a251',
  ],
];

describe('trace fingerprints', () => {
  for (const [name, scenario, expected] of RUNS) {
    it(`${name}: the trace is byte for byte the pinned one`, async function () {
      assert.equal(sha256(pinned(await traceOf(await scenario()))), expected);
    });
  }
});
