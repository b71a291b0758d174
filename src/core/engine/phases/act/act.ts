// Declared action phases (`round:` entries with `actions:`, and the default `world` phase of a
// scenario with actions). Simultaneous: everyone chooses, then the choices take effect in turn
// order. Sequential: each agent in turn chooses and acts at once, so the next sees what it did.
import type { ActPhase } from '../../../format';
import { WORLD_PHASE } from '../../society/roundPlan';
import type { Tape } from '../../flow/tape';
import type { PhaseKind, PhaseStep } from '../kind';
import { own } from '../slot';
import type { Turn } from '../turn';
import { ACT_TURN } from './actState';
import { chooseAction } from './choose';
import { resolveActions } from './resolve';
import { closeWorldRound, moduleEndRound } from './roundClose';
import { addForeseenConduct } from './conductForeseen';

const CHOOSE: PhaseStep = { name: 'world', run: chooseAction };

export const ACT: PhaseKind<ActPhase> = {
  kind: 'act',
  steps: [CHOOSE],
  events: ['action', 'move', 'tie', 'memory', 'error'],
  changes: {},
  async closeRound(world, signal) {
    if (world.state) await closeWorldRound(world, signal);
    else moduleEndRound(world);
  },
  async run(world, r, phase) {
    if (!world.state) return;
    // Each acting agent with its place in the round's turn order (the debugger's `turn`).
    const acting = r.turns
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => !phase.who || phase.who.includes(t.agent.persona.group ?? ''))
      // Actions given by group: only the groups named act.
      .filter(({ t }) => !phase.byGroup || Object.hasOwn(phase.byGroup, t.agent.persona.group ?? ''));
    for (const { t } of acting) own(t, ACT_TURN).phase = phase;
    const declared = phase.name !== WORLD_PHASE ? phase.name : undefined;
    const choose = (u: { t: Turn; i: number }, tape: Tape) => r.steps(u.t, tape, u.i, [CHOOSE], declared);
    // A step point right after each action takes effect: the debugger stops there with the state
    // as that action left it (not at the next agent's phase, or the end of the round).
    const place = new Map(acting.map(({ t, i }) => [t, i]));
    const step = declared ? { step: declared } : {};
    const taken = (t: Turn, action: string): void | Promise<void> =>
      r.point({ kind: 'action', round: r.round, agent: t.agent.id, action, turn: place.get(t)!, ...step });
    if (phase.order === 'sequential') {
      for (const u of acting) {
        await r.stage([u], choose);
        await resolveActions(world, [u.t], phase, r.signal, taken);
      }
    } else {
      await r.stage(acting, choose);
      await resolveActions(
        world,
        acting.map((u) => u.t),
        phase,
        r.signal,
        taken,
      );
    }
    addForeseenConduct(world.state, world.agents, world.agents.size, world.round);
    world.state.conduct.close();
  },
};
