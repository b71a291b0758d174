// The write-up's content, assembled once (study.json) and rendered as Markdown, HTML and LaTeX:
// per hypothesis the verdict on each model and across them, the effect and its interval, what
// drove the choices (mechanisms), the decisions lost (data quality) and the human figures that
// anchor its conditions (validity); and the methods, the preregistration and the provenance.
import type { Scenario, Study } from '../format';
import { effectWeights } from '../format';
import type { HypothesisTest, StudyVerdict } from './hypothesisTest';
import type { ModelRuns } from './runStudy';
import type { Looks } from './seedPlan';
import type { RunTally } from './traceTally';
import { decisionTotals } from '../trace/decisionTally';
import type { Validity } from './validity';
import type { Deviation } from './preregistration';

/** A verdict resting on runs that lost more than this share of their model decisions is marked. */
export const LOST_LIMIT = 0.05;

export interface Mechanism {
  condition: string;
  /** +1: the effect's positive side; −1: the side subtracted. */
  side: number;
  decisions: number;
  /** The drivers, most first: a named offline rule (`rule: agreement`) or a reason kind. */
  drivers: { driver: string; count: number }[];
  /** Each named offline rule's mean push per decision here (utility units; the trace's `pushes`). */
  push_per_decision: Record<string, number>;
  messages: number;
  messages_on_the_decision: number;
}

export interface ModelHypothesis extends HypothesisTest {
  model: string;
  /** The offline rule-based model: it makes no model call, so it has no decision to lose. */
  offline: boolean;
  mechanisms: Mechanism[];
  /**
   * Each named rule's share of the effect: its mean push per decision, weighted as the effect weighs
   * the conditions ((A − B), or (A − B) − (C − D)), largest first — the mechanism the effect came through.
   */
  rule_contrasts: { rule: string; contrast: number }[];
  /** Set when one driver carries the positive side and is (nearly) absent from the other: the sentence that says so. */
  single_driver?: string;
  data_quality: DataQuality[];
  /** More than LOST_LIMIT of some condition's model decisions were lost. */
  rests_on_lost_decisions: boolean;
}

export interface DataQuality {
  condition: string;
  model_decisions: number;
  offline_decisions: number;
  failed: number;
  fell_back: number;
  reasked: number;
  /** Never asked because an earlier decision failed (a rating of someone whose every line failed). */
  unasked: number;
  fatal: number;
  lost_share: number;
  /** Per decision kind (trace/decisionTally.ts). */
  by_kind: Record<string, { asked: number; failed: number; fell_back: number; reasked: number; unasked: number }>;
}

export interface HypothesisResult {
  id: string;
  text: string;
  metric: string;
  effect_definition: string;
  expect: 'higher' | 'lower';
  smallest_effect: number;
  /** Across models: the common verdict, or `mixed`. */
  verdict: StudyVerdict | 'mixed';
  holds_on_every_model: boolean;
  /** The first model's effect and interval (the write-up's headline); every model's in `models`. */
  effect: number | null;
  ci: [number, number] | null;
  effect_model: string;
  models: ModelHypothesis[];
  validity: {
    condition: string;
    anchored: boolean;
    /** Compared only with a published simulation's agents, not people. */
    agents_only?: boolean;
    entry?: string;
    as?: string;
    scores?: Record<string, { inside: number; scored: number }>;
  }[];
  mechanisms: Record<string, Mechanism[]>;
  data_quality: Record<string, DataQuality[]>;
}

export function effectDefinition(h: Study['hypotheses'][number]): string {
  const pair = (p: readonly string[]): string => `${p[0]} − ${p[1]}`;
  return h.effect.minus ? `(${pair(h.effect.of)}) − (${pair(h.effect.minus)})` : pair(h.effect.of);
}

function mechanismsOf(h: Study['hypotheses'][number], tallies: Record<string, RunTally>): Mechanism[] {
  return [...effectWeights(h.effect)]
    .filter(([, w]) => w !== 0)
    .map(([condition, side]) => {
      const t = tallies[condition];
      const drivers = t ? Object.entries(t.drivers).map(([driver, count]) => ({ driver, count })) : [];
      drivers.sort((a, b) => b.count - a.count || a.driver.localeCompare(b.driver));
      return {
        condition,
        side: Math.sign(side),
        decisions: t?.focusDecisions ?? 0,
        drivers: drivers.slice(0, 8),
        push_per_decision: t?.focusDecisions
          ? Object.fromEntries(Object.entries(t.pushTotals).map(([rule, sum]) => [rule, sum / t.focusDecisions]))
          : {},
        messages: t?.messages ?? 0,
        messages_on_the_decision: t?.messagesOnTheDecision ?? 0,
      };
    });
}

/**
 * A finding carried by one driver: on the side the effect expects to be larger, one driver is
 * behind at least 90% of at least 20 decisions, and behind at most 10% on the other side.
 */
export function singleDriver(
  ms: readonly Mechanism[],
  expect: 'higher' | 'lower',
  offline: boolean,
): string | undefined {
  const up = expect === 'higher' ? 1 : -1;
  for (const m of ms.filter((x) => x.side === up)) {
    const top = m.drivers[0];
    if (!top || m.decisions < 20 || top.count < 0.9 * m.decisions) continue;
    const other = ms.filter((x) => x.side === -up);
    const elsewhere = other.reduce((s, x) => s + (x.drivers.find((d) => d.driver === top.driver)?.count ?? 0), 0);
    const otherDecisions = other.reduce((s, x) => s + x.decisions, 0);
    if (otherDecisions > 0 && elsewhere > 0.1 * otherDecisions) continue;
    const what = offline
      ? top.driver.startsWith('rule: ')
        ? `the offline model's ${top.driver.slice(6)} rule`
        : `one rule of the offline model (its reason: “${top.driver}”)`
      : `one reason the agents gave (“${top.driver}”)`;
    const talk =
      m.messages > 0 ? `; ${m.messages_on_the_decision} of ${m.messages} messages there mention the decision` : '';
    return `${top.count} of ${m.decisions} decisions in '${m.condition}' come from ${what}, against ${elsewhere} of ${otherDecisions} on the other side${talk}: the effect is carried by that single ${offline ? 'rule — an assumption of the model, not something the agents worked out' : 'reason'}.`;
  }
  return undefined;
}

/** The effect's weights applied to each rule's mean push per decision: what moved between the conditions. */
export function ruleContrasts(
  ms: readonly Mechanism[],
  h: Study['hypotheses'][number],
): { rule: string; contrast: number }[] {
  const w = effectWeights(h.effect);
  const rules = new Set(ms.flatMap((m) => Object.keys(m.push_per_decision)));
  return [...rules]
    .map((rule) => ({
      rule,
      contrast: ms.reduce((s, m) => s + (w.get(m.condition) ?? 0) * (m.push_per_decision[rule] ?? 0), 0),
    }))
    .filter((r) => r.contrast !== 0)
    .sort((a, b) => Math.abs(b.contrast) - Math.abs(a.contrast) || a.rule.localeCompare(b.rule));
}

/**
 * A finding carried by one named rule: it makes at least 80% of the push difference between the
 * conditions (summed over rules, in absolute value), in the effect's expected direction.
 */
export function pushCarried(
  rc: readonly { rule: string; contrast: number }[],
  expect: 'higher' | 'lower',
): string | undefined {
  const total = rc.reduce((s, r) => s + Math.abs(r.contrast), 0);
  const top = rc[0];
  if (!top || total === 0 || Math.abs(top.contrast) < 0.8 * total) return undefined;
  if (Math.sign(top.contrast) !== (expect === 'higher' ? 1 : -1)) return undefined;
  return `${Math.round((100 * Math.abs(top.contrast)) / total)}% of the difference in what pushed the decisions between the conditions is the offline model's ${top.rule} rule: the effect is carried by that single rule — an assumption of the model, not something the agents worked out.`;
}

function qualityOf(h: Study['hypotheses'][number], tallies: Record<string, RunTally>): DataQuality[] {
  return [...effectWeights(h.effect)]
    .filter(([, w]) => w !== 0)
    .map(([condition]) => {
      const t = tallies[condition];
      const rows = t ? t.decisions.rows() : [];
      const all = decisionTotals(rows);
      const fatal = t?.fatal ?? 0;
      const lost = all.failed + all.fell_back + all.unasked + fatal;
      const asked = all.asked + all.unasked + fatal;
      return {
        condition,
        model_decisions: all.asked,
        offline_decisions: t?.offlineDecisions ?? 0,
        failed: all.failed,
        fell_back: all.fell_back,
        reasked: all.reasked,
        unasked: all.unasked,
        fatal,
        lost_share: asked ? lost / asked : 0,
        by_kind: Object.fromEntries(
          rows.map((r) => [
            r.kind,
            { asked: r.asked, failed: r.failed, fell_back: r.fell_back, reasked: r.reasked, unasked: r.unasked },
          ]),
        ),
      };
    });
}

function acrossModels(vs: readonly StudyVerdict[]): StudyVerdict | 'mixed' {
  return vs.every((v) => v === vs[0]) ? vs[0] : 'mixed';
}

export function hypothesisResults(
  study: Study,
  models: readonly ModelRuns[],
  validity: Validity | undefined,
): HypothesisResult[] {
  return study.hypotheses.map((h, i) => {
    const per: ModelHypothesis[] = models
      .filter((m) => m.tests[i])
      .map((m) => {
        const mechanisms = mechanismsOf(h, m.tallies[i] ?? {});
        const dq = qualityOf(h, m.tallies[i] ?? {});
        const offline = (m.config?.provider ?? 'offline') === 'offline';
        const contrasts = ruleContrasts(mechanisms, h);
        const single =
          (offline ? pushCarried(contrasts, h.expect) : undefined) ?? singleDriver(mechanisms, h.expect, offline);
        return {
          ...m.tests[i],
          model: m.name,
          offline,
          mechanisms,
          rule_contrasts: contrasts.slice(0, 8),
          ...(single ? { single_driver: single } : {}),
          data_quality: dq,
          rests_on_lost_decisions: dq.some((d) => d.lost_share > LOST_LIMIT),
        };
      });
    const first = per[0];
    const conditions = [...effectWeights(h.effect)].filter(([, w]) => w !== 0).map(([c]) => c);
    return {
      id: h.id,
      text: h.text,
      metric: h.metric,
      effect_definition: effectDefinition(h),
      expect: h.expect,
      smallest_effect: h.smallest_effect,
      verdict: per.length ? acrossModels(per.map((p) => p.verdict)) : 'untested',
      holds_on_every_model: per.length > 0 && per.every((p) => p.verdict === 'supported'),
      effect: first?.effect ?? null,
      ci: first?.ci ?? null,
      effect_model: first?.model ?? '',
      models: per,
      validity: conditions.map((c) => {
        const a = validity?.anchored.find((x) => x.condition === c);
        if (!a) return { condition: c, anchored: false };
        // Compared only with a published simulation's agents: not anchored in people.
        const people = a.figures.some((f) => f.subjects === 'people');
        return {
          condition: c,
          anchored: people,
          ...(people ? {} : { agents_only: true }),
          entry: a.entry,
          as: a.as,
          scores: a.scores,
        };
      }),
      mechanisms: Object.fromEntries(per.map((p) => [p.model, p.mechanisms])),
      data_quality: Object.fromEntries(per.map((p) => [p.model, p.data_quality])),
    };
  });
}

export interface StudyModelMethods {
  name: string;
  provider: string;
  model?: string;
  base_url?: string;
  temperature?: number;
  seed?: number;
  /** A local model file's sha256 (provenance of the weights). */
  sha256?: string;
  seeds_run: number[];
  looks_run: number;
  looks_reused: number;
  stopped_early: boolean;
  partial: boolean;
  runs: number;
  usage: { calls: number; input_tokens: number; output_tokens: number; cost_usd: number };
}

export interface StudyResult {
  format: 'society-study';
  version: 1;
  name: string;
  question: string;
  study_file: string;
  scenario_file: string;
  partial: boolean;
  preregistration: { file: string; hash: string; written_at: string; deviations: Deviation[] };
  methods: {
    world: {
      scenario: string;
      description?: string;
      agents: number;
      rounds: number | string;
      actions: string[];
      quantities: string[];
    };
    conditions: { name: string; set: Record<string, unknown> }[];
    models: StudyModelMethods[];
    seeds: { plan: Study['seeds']; rule: string; alpha_per_look: number };
    statistics: string;
  };
  hypotheses: HypothesisResult[];
  validity: Validity;
  provenance: {
    product: string;
    version: string;
    node: string;
    files: { path: string; sha256: string }[];
    command: string;
    written_at: string;
  };
}

export function worldMethods(scenario: Scenario, study: Study): StudyResult['methods']['world'] {
  const agents = scenario.personas.length + scenario.population.reduce((s, g) => s + g.count, 0);
  return {
    scenario: scenario.name,
    ...(scenario.description ? { description: scenario.description.trim() } : {}),
    agents,
    rounds: study.rounds ?? scenario.world.rounds,
    actions: scenario.mechanics?.actions.map((a) => a.name) ?? [],
    quantities: [
      ...(scenario.mechanics?.world ?? []).map((q) => `world.${q.name}`),
      ...(scenario.mechanics?.agents ?? []).map((q) => `agents.${q.name}`),
    ],
  };
}

export function statisticsText(looks: Looks): string {
  return (
    `Each hypothesis's effect is computed per seed (every condition of a seed shares its random streams) and tested ` +
    `with a paired t-interval at level ${(100 * (1 - looks.alpha)).toPrecision(4)}% (two-sided); where every seed gives the same effect ` +
    `(a deterministic rule), a two-sided sign test over the seeds decides instead. Holm's step-down correction is ` +
    `applied across the study's hypotheses, per model. A hypothesis is supported when its interval excludes 0 in the ` +
    `expected direction and its Holm-adjusted p is below α; contradicted when it excludes 0 the other way; negligible ` +
    `when the interval lies within ± its smallest effect of interest; inconclusive otherwise. Runs in which no model ` +
    `call was answered are left out (their figures are the fallback's). Seed-to-seed variation of a rule-based ` +
    `model is not people's variation: intervals say how sure the model's own answer is, not how people would vary.`
  );
}
