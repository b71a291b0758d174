// Issue 44 (1 and 6): an agent argument's `where` limits whom an action may name, and a phase gives
// each group its own actions. A small election: candidates campaign and smear rivals, voters vote
// and gossip. Every vote goes to a candidate, every smear hits another candidate, only candidates
// campaign and only voters vote — and the model was only ever offered those.
import * as assert from 'node:assert/strict';
import type { ActRequest } from '../../../src/core/llm/types';
import { actSchema, checkAct } from '../../../src/core/llm/parse/actAnswer';
import { actValues } from '../../../src/core/llm/prompts/values';
import { recordingFactory } from './recordingModels';
import { scenarioFromText, traceOf } from './traceHelpers';

const CANDIDATES = ['c0', 'c1', 'c2'];

export const election = (
  phase = '    actions: { candidates: [campaign, smear], voters: [vote, gossip] }',
): string => `kind: scenario
name: Election
seed: 5
personas:
${CANDIDATES.map((id, i) => `  - { id: ${id}, name: Candidate ${i}, group: candidates }`).join('\n')}
${Array.from({ length: 15 }, (_, i) => `  - { id: v${i}, name: Voter ${i}, group: voters }`).join('\n')}
world: { rounds: 4 }
state:
  agents:
    support: { initial: 1, min: 0 }
    votes: { initial: 0 }
actions:
  campaign: { description: Campaign for support., effects: { me.support: "me.support + 1.0" } }
  smear:
    description: Smear a rival candidate.
    args: { rival: { type: agent, where: "rival.group == 'candidates' && rival.id != me.id" } }
    effects: { rival.support: "rival.support - 1.0" }
  vote:
    description: Vote for a candidate.
    args: { whom: { type: agent, where: "whom.group == 'candidates'" } }
    effects: { whom.votes: "whom.votes + 1.0", me.support: "me.support + 0.5" }
  gossip:
    description: Gossip with anyone.
    args: { whom: { type: agent } }
    effects: { whom.support: "whom.support + 0.1" }
round:
  - phase: election
${phase}
`;

type Line = Record<string, unknown> & { type: string };
const lines = (trace: string): Line[] =>
  trace
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('agent arguments with a condition, and actions by group (issue 44: 1, 6)', () => {
  it('votes go only to candidates, smears only to rival candidates, and each group takes only its own actions', async () => {
    const events = lines(await traceOf(await scenarioFromText(election())));
    const actions = events.filter((e) => e.type === 'action') as (Line & {
      agent: string;
      action: string;
      args: Record<string, string>;
    })[];
    assert.equal(actions.length, 18 * 4, 'everyone acts every round');
    const by = (name: string) => actions.filter((a) => a.action === name);
    assert.ok(by('vote').length > 0, 'voters vote');
    assert.ok(by('campaign').length + by('smear').length === 12, 'candidates act every round');
    for (const a of by('vote')) assert.ok(CANDIDATES.includes(a.args.whom), `vote for ${a.args.whom}`);
    for (const a of by('smear')) {
      assert.ok(CANDIDATES.includes(a.args.rival) && a.args.rival !== a.agent, `smear of ${a.args.rival}`);
    }
    for (const a of [...by('campaign'), ...by('smear')]) {
      assert.ok(CANDIDATES.includes(a.agent), `${a.agent} campaigns`);
    }
    for (const a of [...by('vote'), ...by('gossip')]) assert.ok(!CANDIDATES.includes(a.agent), `${a.agent} votes`);
    assert.ok(!events.some((e) => e.type === 'error'), 'no errors');
  });

  it("an action's `when` reads `me.group` and `me.id`, as a filter does", async () => {
    // One phase offers every action to everyone; the `when`s alone keep each to its own.
    const text = election('    actions: [campaign, smear, vote, gossip]')
      .replace(
        '  campaign: { description: Campaign for support.,',
        `  campaign: { description: Campaign for support., when: "me.group == 'candidates' && me.id != 'c0'",`,
      )
      .replace(
        '    description: Smear a rival candidate.',
        `    description: Smear a rival candidate.\n    when: "me.group == 'candidates'"`,
      )
      .replace(
        '    description: Vote for a candidate.',
        `    description: Vote for a candidate.\n    when: "me.group == 'voters'"`,
      )
      .replace(
        '    description: Gossip with anyone.',
        `    description: Gossip with anyone.\n    when: "me.group == 'voters'"`,
      );
    const events = lines(await traceOf(await scenarioFromText(text)));
    const actions = events.filter((e) => e.type === 'action') as (Line & { agent: string; action: string })[];
    assert.ok(actions.length > 0);
    for (const a of actions) {
      const candidate = CANDIDATES.includes(a.agent);
      assert.equal(['campaign', 'smear'].includes(a.action), candidate, `${a.agent} ${a.action}`);
      if (a.agent === 'c0') assert.notEqual(a.action, 'campaign');
    }
    assert.ok(!events.some((e) => e.type === 'error'), 'no errors');
  });

  it('offers a voter every candidate and nobody else: the options, the prompt and the structured-output enum', async () => {
    const requests: ActRequest[] = [];
    const modelFactory = recordingFactory((req) => {
      if (req.kind === 'act') requests.push(req);
    });
    await traceOf(await scenarioFromText(election()), { modelFactory });
    const voters = requests.filter((r) => r.persona.id.startsWith('v'));
    const candidates = requests.filter((r) => r.persona.id.startsWith('c'));
    assert.equal(voters.length, 15 * 4);
    for (const r of voters) {
      assert.deepEqual(r.actions.map((a) => a.name).sort(), ['gossip', 'vote']);
      const whom = r.actions.find((a) => a.name === 'vote')!.args[0];
      assert.deepEqual([...whom.among!].sort(), CANDIDATES, 'all three candidates, however weak the ties');
      const votes = r.options.filter((o) => o.action === 'vote').map((o) => o.args.whom as string);
      assert.deepEqual(votes.sort(), CANDIDATES);
      for (const id of CANDIDATES) {
        assert.ok(
          r.others.some((o) => o.id === id),
          'the candidates are shown',
        );
      }
      assert.match(actValues(r).actions, /whom: the id of another agent, one of: c\d, c\d, c\d/);
      const schema = JSON.stringify(actSchema(r, (d: string) => ({ type: 'string', description: d })));
      const voteChoice = JSON.parse(schema).properties.choice.anyOf.find(
        (c: { properties: { action: { enum: string[] } } }) => c.properties.action.enum[0] === 'vote',
      );
      assert.deepEqual([...voteChoice.properties.args.properties.whom.enum].sort(), CANDIDATES);
      const voter = r.others.find((o) => !CANDIDATES.includes(o.id))!;
      const refused = checkAct(r, { action: 'vote', args: { whom: voter.id }, reason: 'x' }, []);
      assert.equal(refused.ok, false, 'an answer naming a voter is refused');
    }
    for (const r of candidates) {
      assert.deepEqual(r.actions.map((a) => a.name).sort(), ['campaign', 'smear']);
      const rivals = r.options.filter((o) => o.action === 'smear').map((o) => o.args.rival as string);
      assert.deepEqual(
        rivals.sort(),
        CANDIDATES.filter((c) => c !== r.persona.id),
      );
    }
  });

  it('a choice whose candidate no longer qualifies when its turn comes is refused, as an impossible action is', async () => {
    const text = `kind: scenario
name: Throne
seed: 3
personas:
  - { id: king, name: King, group: throne }
  - { id: r0, name: Rebel 0, group: rebels }
  - { id: r1, name: Rebel 1, group: rebels }
world: { rounds: 1 }
state:
  agents:
    standing: { initial: 1, min: 0 }
actions:
  topple:
    description: Topple someone still standing on the throne.
    args: { whom: { type: agent, where: "whom.group == 'throne' && whom.standing >= 1.0" } }
    effects: { whom.standing: "0.0" }
round:
  - phase: revolt
    actions: { rebels: [topple] }
`;
    const actions = lines(await traceOf(await scenarioFromText(text))).filter((e) => e.type === 'action') as (Line & {
      agent: string;
      args: Record<string, string>;
      changes: Record<string, unknown>;
      reason: string;
    })[];
    assert.deepEqual(actions.map((a) => a.agent).sort(), ['r0', 'r1'], 'both rebels chose, the king did not act');
    assert.ok(actions.every((a) => a.args.whom === 'king'));
    const [first, second] = actions;
    assert.deepEqual(first.changes, { 'king.standing': [1, 0] });
    assert.deepEqual(second.changes, {});
    assert.match(second.reason, /no longer possible when its turn came/);
  });
});
