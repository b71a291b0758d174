// What `society report` says about a run, computed from its trace: the final tie network and its
// metrics against a density-matched random baseline, how the network grew round by round, and
// the reward curves of the five behavioral drivers.
import type { RunSettings, TraceEvent, TraceHeader, UsageTotals } from '../../trace/events';
import { applyEvent, initialState, type WorldState } from '../../replay/replay';
import { averageClustering } from '../metrics/clustering';
import { louvainCommunities } from '../metrics/communities';
import { medianDegree } from '../metrics/degrees';
import { computeNetworkMetrics, DEFAULT_ATTRIBUTE, density, type NetworkMetrics } from '../metrics/networkMetrics';
import { randomBaseline, type RandomBaseline } from '../metrics/randomBaseline';
import { assortativityBaseline } from '../metrics/assortativityBaseline';
import { degreePreservingBaselineOf, type DegreePreservingBaseline } from '../metrics/degreePreservingBaseline';
import { categoryOf } from '../metrics/assortativity';
import { mutualPairs, reciprocity } from '../metrics/reciprocity';
import { RewardSums, type RewardCurves } from './rewardCurves';
import { WorldStateCollector, type WorldStateSeries } from './worldStateSeries';
import { AgentTableCollector, type AgentRow } from './agentTable';
import type { RunDesign } from './runDesign';
import { KnowledgeCollector, type KnowledgeSeries } from './knowledgeSeries';
import { JudgesCollector, type JudgingSummary } from './judgesSummary';
import { PopulationCollector, type PopulationTally } from './populationSection';
import { seededRandom } from '../../random/seededRandom';
import { shapesNetwork, tieNetworkOf } from '../metrics/traceNetwork';
import { tieTurnover } from '../metrics/tieTurnover';
import { undirectedProjection, type TieGraph } from '../metrics/tieGraph';
import { RunTally, type DeclaredOutcomes } from '../metrics/runTally';
import type { RunSeries } from '../metrics/runSeries';
import { SurveyTally, type ScalePsychometrics } from './surveyPsychometrics';
import { applying, TraceFacts } from '../metrics/table/applies';
import type { WorldFacts } from '../metrics/table/metric';
import { DecisionTally, type DecisionKindTally } from '../../trace/decisionTally';

/** The network at the end of one round, and how it changed since the round before. */
export interface RoundNetwork {
  round: number;
  agents: number;
  ties: number;
  density: number;
  reciprocity: number | null;
  mutual_pairs: number;
  average_clustering: number | null;
  median_undirected_degree: number | null;
  /** Tie turnover against the previous round (null for round 0). */
  jaccard: number | null;
  gained: number | null;
  lost: number | null;
}

export interface RunReport {
  header: TraceHeader;
  /** The last round in the trace (the network shown). */
  round: number;
  /** The trace ends with run_end. */
  complete: boolean;
  /** Every setting in force at that round (timed events may have changed them since the header's). */
  settings: RunSettings;
  /** The settings timed events changed up to that round: where, and which paths ("ties.threshold"). */
  settingChanges: SettingChange[];
  /** What the run's world provided, as its trace shows: the sections and rows shown are those that apply. */
  world: WorldFacts;
  /**
   * The run rates conversations or moves ties (some may stay below the threshold): its tie
   * settings mean something even where no tie formed, unlike an empty network's metrics.
   */
  movesTies: boolean;
  /**
   * Its agents met (an encounter, a room or a message in the trace): its encounter settings say
   * what happened. A public goods game's do not: no conversation was ever started.
   */
  meets: boolean;
  /** Homophily attribute. */
  attribute: string;
  /** Whether any agent carries the attribute (else the picture is coloured by community). */
  attributePresent: boolean;
  graph: TieGraph;
  metrics: NetworkMetrics;
  /** Louvain community of every agent (same seed as the metrics). */
  communities: Record<string, number>;
  baseline: ReportBaseline;
  /** The degree-preserving baseline (directed edge swaps keeping every agent's in- and out-degree). */
  degreeBaseline: DegreePreservingBaseline;
  overRounds: RoundNetwork[];
  rewards: RewardCurves;
  usage?: UsageTotals;
  /** The declared state over the rounds (scenarios with `state:`). */
  worldState?: WorldStateSeries;
  /** The scenario's design (RunReportOptions.design). */
  design?: RunDesign;
  /** Each agent's declared quantities at the last round reported and the actions it took (scenarios with `state:`). */
  agents?: AgentRow[];
  /** Who knows what by round (scenarios with `knowledge:`). */
  knowledge?: KnowledgeSeries;
  /** Rubric judges' scores and agreement (scenarios with `judges:`). */
  judges?: JudgingSummary[];
  /** Census-synthesised agents by their provenance (populationSection.ts). */
  population?: PopulationTally;
  /** The declared state's final outcomes (experiments' names), when the scenario was at hand. */
  state?: Record<string, number | null>;
  /** Every declared quantity and network metric after each round (runTally.ts). */
  series: RunSeries;
  /** The surveys' psychometrics (scenarios with `surveys:`, surveyPsychometrics.ts). */
  surveys?: ScalePsychometrics[];
  /** Per decision kind, what the model answered, re-asked, failed and never asked, up to the round shown (empty: no model decision). */
  decisions: DecisionKindTally[];
}

/** The random baseline of the report's metrics, homophily included. */
export interface ReportBaseline extends RandomBaseline {
  /**
   * Mean assortativity of the homophily attribute over the G(n, m) samples with the agents' own
   * values (assortativityBaseline.ts): the figure an experiment's homophily claim compares with.
   * null for a numeric attribute, or when no agent has the attribute.
   */
  mean_attribute_assortativity: number | null;
}

export interface SettingChange {
  round: number;
  paths: string[];
}

export interface RunReportOptions {
  attribute?: string;
  /** Seed of Louvain, the random baseline and the layout (default: the run's seed; Louvain's 0, as `society metrics` and the run's closing summary). */
  seed?: number;
  /** G(n, m) samples for the baseline (default 20). */
  baselineSamples?: number;
  /**
   * What the run's scenario declares (its `state:` and `knowledge:`), for the state outcomes and
   * their series; without it (the scenario file is gone or changed) the series are the network's.
   */
  declared?: DeclaredOutcomes;
  /** The scenario's design, when it is at hand (runDesign.ts). */
  design?: RunDesign;
}

function roundNetwork(round: number, graph: TieGraph, previous: TieGraph | undefined): RoundNetwork {
  const projection = undirectedProjection(graph);
  const turnover = previous ? tieTurnover(previous, graph) : undefined;
  return {
    round,
    agents: graph.order,
    ties: graph.size,
    density: density(graph),
    reciprocity: reciprocity(graph),
    mutual_pairs: mutualPairs(graph),
    average_clustering: averageClustering(projection),
    median_undirected_degree: medianDegree(projection),
    jaccard: turnover ? turnover.jaccard : null,
    gained: turnover ? turnover.gained : null,
    lost: turnover ? turnover.lost : null,
  };
}

export function buildRunReport(
  header: TraceHeader,
  events: readonly TraceEvent[],
  options: RunReportOptions = {},
): RunReport {
  const builder = new RunReportBuilder(header, options);
  for (const e of events) builder.add(e);
  return builder.finish();
}

/**
 * The report built as the trace streams past, one event at a time, so a run of any size is
 * reported without holding its events: the replayed state moves forward, each round's network is
 * measured once the next round begins, and the reward curves are kept as sums per round.
 */
export class RunReportBuilder {
  private readonly state: WorldState;
  private readonly overRounds: RoundNetwork[] = [];
  private readonly rewards = new RewardSums();
  private previous?: TieGraph;
  /** The round whose events are being applied. */
  private round = 0;
  /** The last round measured: at its round_end (or, lacking one, when a later round begins). */
  private measured = -1;
  private usage?: UsageTotals;
  private readonly settingChanges: SettingChange[] = [];
  private readonly worldState = new WorldStateCollector();
  private readonly agentTable = new AgentTableCollector();
  private readonly knowledge = new KnowledgeCollector();
  private readonly judges = new JudgesCollector();
  private readonly surveys = new SurveyTally();
  private readonly population = new PopulationCollector();
  private readonly tally: RunTally;
  private readonly facts = new TraceFacts();
  /** The decisions of rounds measured, and of the round under way (added to them once it is measured). */
  private decisions = new DecisionTally();
  private decisionsOpen = new DecisionTally();
  private movesTies = false;
  private meets = false;

  constructor(
    readonly header: TraceHeader,
    private readonly options: RunReportOptions = {},
  ) {
    this.state = initialState(header);
    this.tally = new RunTally(header, options.declared);
  }

  add(e: TraceEvent): void {
    // A round without a round_end (the reader lets none through) is measured when a later one
    // begins. Rounds missing in between get no made-up rows, and are not walked through one by
    // one: a wild round number would take forever.
    if (e.round > this.round) {
      if (this.measured < this.round) this.measure(this.round);
      this.round = e.round;
    }
    // The report reads the replayed network and settings only: memories (the bulk of a trace),
    // rewards and advice (kept per agent and round by a replay) are not applied.
    if (shapesNetwork(e)) applyEvent(this.state, e);
    this.rewards.add(e);
    this.worldState.add(e);
    this.agentTable.add(e);
    this.knowledge.add(e);
    this.judges.add(e);
    this.surveys.add(e);
    this.population.add(e);
    this.decisionsOpen.add(e);
    this.tally.add(e);
    this.facts.add(e);
    if (e.type === 'tie' || e.type === 'evaluation') this.movesTies = true;
    if (e.type === 'encounter' || e.type === 'room' || e.type === 'message') this.meets = true;
    if (e.type === 'run_end') this.usage = e.usage;
    if (e.type === 'event_fired' && e.action === 'set' && e.applied) {
      this.settingChanges.push({ round: e.round, paths: Object.keys(e.applied) });
    }
    if (e.type === 'round_end') this.measure(e.round);
  }

  /**
   * The report as of the last round measured. A round the trace starts but does not end (the run
   * was stopped in it) is left out: its ties are half-updated and its rewards partial.
   */
  finish(): RunReport {
    if (this.measured < 0) this.measure(this.round);
    const last = this.measured;
    const attribute = this.options.attribute ?? DEFAULT_ATTRIBUTE;
    const seed = this.options.seed ?? this.header.seed;
    const graph = this.previous!;
    // Louvain is seeded as everywhere else, so the report's communities are the run summary's and `society metrics`'.
    const louvainSeed = this.options.seed ?? 0;
    const metrics = computeNetworkMetrics(graph, { attribute, rng: seededRandom(louvainSeed) });
    const worldState = this.worldState.finish(last);
    const agents = this.agentTable.finish(last);
    const knowledge = this.knowledge.finish(last);
    const judges = this.judges.finish(last);
    const population = this.population.finish();
    const communities = louvainCommunities(undirectedProjection(graph), seededRandom(louvainSeed)).communities;
    const world = this.facts.facts();
    return {
      header: this.header,
      round: last,
      complete: this.state.complete,
      settings: structuredClone(this.state.settings),
      settingChanges: this.settingChanges.filter((c) => c.round <= last),
      world,
      movesTies: this.movesTies || world.ties,
      meets: this.meets,
      attribute,
      attributePresent: graph.someNode((_node, attrs) => attrs[attribute] !== undefined && attrs[attribute] !== null),
      graph,
      metrics,
      communities,
      baseline: {
        ...randomBaseline(graph.order, graph.size, seed, this.options.baselineSamples),
        mean_attribute_assortativity:
          metrics[`${attribute}_assortativity_kind`] === 'numeric'
            ? null
            : assortativityBaseline(
                graph.mapNodes((node) => categoryOf(graph, node, attribute)),
                graph.size,
                seed,
                this.options.baselineSamples,
              ),
      },
      degreeBaseline: degreePreservingBaselineOf(
        graph,
        metrics[`${attribute}_assortativity_kind`] === 'numeric' ? null : attribute,
        seed,
        this.options.baselineSamples,
      ),
      overRounds: this.overRounds,
      rewards: this.rewards.curves(last),
      ...(this.usage ? { usage: this.usage } : {}),
      ...(worldState ? { worldState } : {}),
      ...(this.options.design ? { design: this.options.design } : {}),
      ...(agents ? { agents } : {}),
      ...(knowledge ? { knowledge } : {}),
      ...(judges ? { judges } : {}),
      ...(this.surveys.finish(last) ? { surveys: this.surveys.finish(last) } : {}),
      ...(population ? { population } : {}),
      decisions: this.decisions.rows(),
      ...this.outcomes(last, world),
    };
  }

  /** The state outcomes and series up to the last round measured (a later, unfinished one is left out). */
  private outcomes(last: number, world: WorldFacts): Pick<RunReport, 'state' | 'series'> {
    const state = this.tally.state(last);
    const all = this.tally.series();
    const keep = all.rounds.filter((r) => r <= last).length;
    // Only what the world has: no tie or reward columns for a public goods game.
    const series = {
      rounds: all.rounds.slice(0, keep),
      metrics: Object.fromEntries(Object.entries(applying(all.metrics, world)).map(([k, v]) => [k, v.slice(0, keep)])),
    };
    return { ...(state ? { state } : {}), series };
  }

  private measure(round: number): void {
    const graph = tieNetworkOf(this.state);
    this.overRounds.push(roundNetwork(round, graph, this.previous));
    this.previous = graph;
    this.measured = round;
    this.decisions.merge(this.decisionsOpen);
    this.decisionsOpen = new DecisionTally();
  }
}
