// examples/expert-team (issue 44): AgentVerse's recruit → decide → act → evaluate loop, written
// with filtered agent arguments, per-group actions in one phase, start values per group and
// aggregates. These check that the run does what the example's README says the mechanism is.
import * as assert from 'node:assert/strict';
import { withOverrides } from '../../../src/core/experiment/overrides';
import type { Scenario } from '../../../src/core/format/model/model';
import { example, traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';
import { scratchDir } from '../../support/scratch';

interface Line {
  type: string;
  round?: number;
  phase?: string;
  agent?: string;
  action?: string;
  args?: Record<string, string>;
  world?: Record<string, number>;
  agents?: Record<string, Record<string, number>>;
}

const run = async (sc: Scenario): Promise<Line[]> =>
  (await traceOf(sc))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

/** Who is on the team at the start of each round (from the state events, the round before). */
function teams(events: Line[]): Map<number, Set<string>> {
  const onTeam = new Set<string>();
  const byRound = new Map<number, Set<string>>();
  for (const e of events) {
    if (e.type !== 'state') continue;
    for (const [id, q] of Object.entries(e.agents ?? {})) {
      if (q.on_team === 1) onTeam.add(id);
      if (q.on_team === 0) onTeam.delete(id);
    }
    byRound.set((e.round ?? 0) + 1, new Set(onTeam));
  }
  return byRound;
}

describe('examples/expert-team: recruit, decide, act, evaluate', function () {
  let events: Line[];
  before(async () => {
    events = await run(await example('expert-team/expert-team.society'));
  });
  const acts = (name: string) => events.filter((e) => e.type === 'action' && e.action === name);

  it('only the lead recruits, and only pool experts not yet on the team', () => {
    const team = teams(events);
    const recruited = new Set<string>();
    assert.ok(acts('recruit').length > 0);
    for (const e of acts('recruit')) {
      assert.equal(e.agent, 'lead');
      const who = e.args!.who;
      assert.match(who, /^x\d+$/, 'an expert from the pool');
      assert.ok(!team.get(e.round!)!.has(who) && !recruited.has(who), `${who} was not on the team yet`);
      recruited.add(who);
    }
  });

  it('only team members back a plan, a teammate’s and never their own, after a failing evaluation', () => {
    const team = teams(events);
    const failedBefore = new Map(events.filter((e) => e.type === 'state').map((e) => [e.round! + 1, e.world!.failed]));
    assert.ok(acts('back').length > 0);
    for (const e of acts('back')) {
      assert.equal(failedBefore.get(e.round!), 1, `round ${e.round} follows a failing evaluation`);
      const members = team.get(e.round!)!;
      // the recruit phase of the same round may have added one: those count as members too
      const recruitedNow = acts('recruit').find((r) => r.round === e.round)?.args!.who;
      const isMember = (id: string) => members.has(id) || id === recruitedNow;
      assert.ok(isMember(e.agent!), `${e.agent} is on the team`);
      assert.ok(isMember(e.args!.whom) && e.args!.whom !== e.agent, `${e.agent} backs a teammate`);
    }
  });

  it('the experts start with the skills drawn for their group, the lead with the declared initial', () => {
    const start = events.find((e) => e.type === 'state' && e.round === 0)!.agents!;
    assert.equal(start.lead.skill, 0);
    const skills = Object.entries(start)
      .filter(([id]) => id.startsWith('x'))
      .map(([, q]) => q.skill);
    assert.equal(skills.length, 12);
    assert.ok(new Set(skills).size > 6, 'drawn per member');
    for (const s of skills) assert.ok(s >= 0.05 && s <= 1, `skill ${s} within the draw's bounds`);
  });

  it('a failing evaluation opens a seat, up to the cap; the team never outgrows its seats', () => {
    const states = events.filter((e) => e.type === 'state');
    for (const s of states) assert.ok(s.world!.team <= s.world!.seats && s.world!.seats <= s.world!.cap);
    for (let i = 1; i < states.length; i++) {
      const [a, b] = [states[i - 1].world!, states[i].world!];
      if (b.failed === 1) assert.equal(b.seats, Math.min(b.cap, a.seats + 1), `round ${states[i].round}`);
      else assert.equal(b.seats, a.seats);
    }
  });

  it('each condition varies the team: the cap, and whether the lead sees the skill it recruits', async () => {
    const sc = await example('expert-team/expert-team.society');
    const byName = new Map(sc.experiment!.conditions!.map((c) => [c.name, c.set]));
    const small = await run(withOverrides(sc, byName.get('by skill, up to 2')!));
    const last = small.filter((e) => e.type === 'state').at(-1)!;
    assert.equal(last.world!.team, 2, 'capped at two');
    const blind = await run(withOverrides(sc, byName.get('at random, up to 4')!));
    const judged = blind.filter((e) => e.type === 'action' && e.action === 'recruit');
    assert.ok(judged.length > 0);
    const lead = blind.filter((e) => e.type === 'state' && e.agents?.lead).at(-1)!.agents!.lead;
    assert.equal(lead.judged, 0.5 * judged.length, 'every recruit counts the same to a blind lead');
  });

  it('resumes from a checkpoint mid-run (team, backing, drawn skills) to the uninterrupted trace', async () => {
    const sc = await example('expert-team/expert-team.society');
    const whole = await runInto(scratchDir('society-team-whole-'), sc);
    const dir = scratchDir('society-team-resume-');
    await runInto(dir, sc, { stopAfter: 3 });
    assert.equal(await runInto(dir, sc, { resume: true }), whole);
  });
});
