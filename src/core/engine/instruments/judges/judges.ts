// Rubric judges at a round's end (`judges:`, docs/judges.md): for each judging due this round,
// each agent judged — in each of its conversations, or on its round — is scored by each judge,
// one `judgement` event each, in a fixed order (judging, target, judge) whatever order the answers
// come in. The offline judges answer at once; an LLM judge (a model of `models`) is asked through
// its provider (one re-ask after an answer outside the rubric) and a decision that still fails is
// recorded with null scores and the reason. Judging changes nothing in the world: a scenario's
// trace without `judges:` is the same, and with them only the judgement events are added (and
// their calls to the round's and the run's usage).
import { judgesAt, type Judging } from '../../../format';
import type { JudgeRequest, JudgeScore } from '../../../llm/types';
import { own } from '../../../text/nameRecord';
import type { JudgementEvent, TraceEvent } from '../../../trace/events';
import type { Agent } from '../../society/agent';
import { JudgeRecord, type Talk } from './judgeRecord';
import { judgeSignals, roundTallies, valuedChange, type SignalWorld } from './judgeSignals';
import { usageField } from '../../society/usageBook';
import { PHASE_OF } from '../../society/decisionPhase';
import type { Asked, PhaseContext } from '../../phases/context';
import type { Instrument } from '../instrument';
import { maxOf } from '../../../stats/extremes';

interface Target {
  agent: Agent;
  talk?: Talk;
  partner?: Agent;
}

/** A judgement as its event says it, and what the question got (its usage, or its failure). */
interface Scored {
  event: JudgementEvent;
  asked: Asked<JudgeRequest>;
}

/** Rubric judges as an instrument: listening to each round, scoring it at its end. */
export const JUDGES: Instrument = {
  key: 'judges',
  events: ['judgement'],
  start: (world) => {
    const judges = new Judges(world);
    return { observe: (e) => judges.observe(e), ended: (r, signal) => judges.judgeRound(r, signal) };
  },
};

class Judges {
  private record = new JudgeRecord();
  /** Each agent's valued quantities at the round's start, for `financial`. */
  private start = new Map<string, Record<string, number>>();

  constructor(private readonly w: PhaseContext) {}

  observe(e: TraceEvent): void {
    if (e.type !== 'round_start') return this.record.observe(e);
    this.record = new JudgeRecord();
    const state = this.w.state;
    this.start = new Map(state ? [...this.w.agents.keys()].map((id) => [id, { ...state.valuedOf(id) }]) : []);
  }

  /** Scores the judgings due at the end of round `r`; their events are emitted in order. */
  async judgeRound(r: number, signal?: AbortSignal): Promise<void> {
    const due = (this.w.scenario.judges ?? []).filter((j) => judgesAt(j, r, this.w.settings.world.rounds));
    if (!due.length) return;
    const world = this.signalWorld();
    for (const j of due) {
      const targets = this.targets(j);
      for (const judge of j.by) {
        const scored = await Promise.all(targets.map((t) => this.score(j, judge, t, world, r, signal)));
        // Booked in the targets' order, as the events are: a judge's calls are in the run's totals.
        for (const { event, asked } of scored) {
          this.w.bookAsked(event.agent, PHASE_OF.judge, asked, event.encounter);
          this.w.emit(event);
        }
      }
    }
  }

  private signalWorld(): SignalWorld {
    const w = this.w,
      state = w.state;
    const change = new Map<string, number>();
    if (state) {
      for (const [id, before] of this.start) {
        if (w.agents.has(id)) change.set(id, valuedChange(state, before, state.valuedOf(id)));
      }
    }
    const maxChange = Math.max(0, maxOf([...change.values()].map(Math.abs)));
    const agents = [...w.agents.values()];
    return {
      record: this.record,
      state,
      ties: w.ties,
      agents,
      change,
      maxChange,
      tallies: roundTallies(this.record, agents),
    };
  }

  /** The agents judged, in the run's order: on their round, or once per conversation they were in. */
  private targets(j: Judging): Target[] {
    const agents = [...this.w.agents.values()].filter((a) => !j.groups || j.groups.includes(a.persona.group ?? ''));
    if (j.target === 'agents') return agents.map((agent) => ({ agent }));
    const judged = new Set(agents.map((a) => a.id));
    const out: Target[] = [];
    for (const talk of this.record.talks.values()) {
      if (!talk.lines.length) continue;
      for (const id of talk.members) {
        const agent = this.w.agents.get(id);
        if (!agent || !judged.has(id)) continue;
        const other =
          talk.members.length === 2 ? this.w.agents.get(talk.members.find((m) => m !== id) ?? '') : undefined;
        out.push({ agent, talk, ...(other ? { partner: other } : {}) });
      }
    }
    return out;
  }

  private async score(
    j: Judging,
    judge: string,
    t: Target,
    world: SignalWorld,
    r: number,
    signal?: AbortSignal,
  ): Promise<Scored> {
    const req = this.request(j, judge, t, world, r);
    const base = {
      type: 'judgement' as const,
      round: r,
      judging: j.name,
      judge,
      agent: t.agent.id,
      ...(t.talk ? { encounter: t.talk.id } : {}),
      ...(t.partner ? { partner: t.partner.id } : {}),
    };
    const asked = await this.w.ask(judge, req, signal);
    if (!('res' in asked)) {
      const scores = Object.fromEntries(j.rubric.dimensions.map((d) => [d.name, null]));
      return { event: { ...base, scores, reasons: {}, error: asked.error }, asked };
    }
    const res = asked.res;
    const given = (d: { name: string }): JudgeScore | undefined => own(res.scores, d.name);
    const scores = Object.fromEntries(j.rubric.dimensions.map((d) => [d.name, given(d)?.score ?? null]));
    const reasons = Object.fromEntries(j.rubric.dimensions.map((d) => [d.name, given(d)?.reason ?? '']));
    return { event: { ...base, scores, reasons, ...usageField(res.usage) }, asked };
  }

  private request(j: Judging, judge: string, t: Target, world: SignalWorld, r: number): JudgeRequest {
    const w = this.w;
    return {
      kind: 'judge',
      key: `judge:${j.name}:${judge}:${r}:${t.agent.id}${t.talk ? `:${t.talk.id}` : ''}`,
      round: r,
      setting: w.settings.world.setting,
      persona: t.agent.brief,
      memories: [],
      judging: j.name,
      judge,
      rubric: j.rubric,
      target: t.talk ? 'conversation' : 'agent',
      ...(t.partner ? { partner: t.partner.brief } : {}),
      ...(t.talk
        ? {
            transcript: t.talk.lines.map((m) => ({
              from: m.from,
              name: w.agents.get(m.from)?.persona.name ?? m.from,
              act: m.act,
              text: m.text,
            })),
          }
        : { record: this.agentRecord(t.agent) }),
      signals: judgeSignals(world, t.agent, t.talk),
    };
  }

  /** An agent's round as a judge reads it: its actions, its words, its quantities now. */
  private agentRecord(a: Agent): string[] {
    const out: string[] = [];
    for (const e of this.record.actions.get(a.id) ?? []) {
      const args = Object.entries(e.args).map(
        ([k, v]) => `${k} ${typeof v === 'string' ? (this.w.agents.get(v)?.persona.name ?? v) : v}`,
      );
      out.push(
        `Round ${e.round}: ${e.action}${args.length ? ` (${args.join(', ')})` : ''}${e.reason ? ` — ${e.reason}` : ''}`,
      );
    }
    for (const t of this.record.talks.values()) {
      for (const m of t.lines) if (m.from === a.id) out.push(`Said: ${m.text}`);
    }
    const state = this.w.state;
    if (state?.agentQuantities.size) {
      const values = state.of(a.id);
      out.push(
        `Now: ${[...state.agentQuantities.keys()].map((q) => `${q} ${Math.round((values[q] ?? 0) * 1000) / 1000}`).join(', ')}`,
      );
    }
    return out;
  }
}
