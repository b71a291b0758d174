// The typed model of .society documents after parsing, validation and defaulting.
// schemas/society.schema.json is the authority for keys, ranges and defaults; these types mirror
// it so the engine, CLI and extension never touch raw YAML.

import type { SourceLocation } from './position';
import type { Mechanics, RoundPhase } from './mechanics';
import type { Judging } from './judges';
import type { Survey } from './surveys';
import type { CensusSpec, PersonaProvenance } from './censusTypes';

// Positions live below the model so the mechanics' types can say where they were written without
// importing the model that holds them.
export type { Position, Range, SourceLocation } from './position';

export const TRAIT_NAMES = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const;
export type TraitName = (typeof TRAIT_NAMES)[number];
export type Traits = Record<TraitName, number>;

/** The five behavioral drivers of Learning to Make Friends, in the paper's order. */
export const DRIVERS = ['social', 'information', 'presentation', 'coordination', 'support'] as const;
export type Driver = (typeof DRIVERS)[number];
/** Short labels used by the paper (SOC, INF, PRE, COORD, EMO). */
export const DRIVER_LABELS: Record<Driver, string> = {
  social: 'SOC',
  information: 'INF',
  presentation: 'PRE',
  coordination: 'COORD',
  support: 'EMO',
};
export type DriverWeights = Record<Driver, number>;
/**
 * What a trait or a driver weight holds where nothing declares it (the schema's default, and a
 * population group's draw without a distribution): the view shows no bar for it (issue 73).
 */
export const UNDECLARED_WEIGHT = 0.5;

export interface SeedMemory {
  text: string;
  importance: number;
  source?: SourceLocation;
}

export interface Relationship {
  /** Persona id of the other side. */
  with: string;
  /** Initial directed tie strength from this persona to `with`, 0..1. */
  tie: number;
  note?: string;
  source?: SourceLocation;
}

export interface Persona {
  id: string;
  name: string;
  age?: number;
  gender?: string;
  occupation?: string;
  location?: string;
  bio?: string;
  /** Speaking style hint used in prompts and by the offline model's phrasing. */
  style?: string;
  /** Optional group label (population group, cohort); usable for homophily analysis. */
  group?: string;
  traits: Traits;
  interests: string[];
  motivations: DriverWeights;
  memories: SeedMemory[];
  relationships: Relationship[];
  /** Name of a model in the scenario's `models` map; undefined means the scenario default. */
  model?: string;
  /** Starting values of agent quantities, in place of their `initial` (clamped when the agent joins). */
  state?: Record<string, number>;
  /** Its own daily plan (part of the day → place id), over its group's and the scenario's. */
  plan?: Record<string, string>;
  /** Where the persona document (or inline mapping) starts: used by breakpoints and navigation. */
  source?: SourceLocation;
  /** A census-synthesised agent's table, cell and weight (absent for every other persona). */
  provenance?: PersonaProvenance;
}

export type EncounterMode = 'random' | 'network' | 'recommend';

export interface EncounterPolicy {
  mode: EncounterMode;
  /** Conversations each agent initiates per round. */
  per_round: number;
  /** Share of partner choices made uniformly at random (recommend/network modes). */
  exploration: number;
  /** Whom an agent meets: everyone present (absent: the default), or only its own match group (`matching:`). */
  among?: 'everyone' | 'match';
}

export interface Room {
  name: string;
  topic?: string;
  /** Members by persona id; empty means drawn each round. */
  members: string[];
  /** Group size when members are drawn. */
  size: number;
  /** The place it meets at: only those there that round take part. */
  place?: string;
  source?: SourceLocation;
}

export interface World {
  setting: string;
  rounds: number;
  encounters: EncounterPolicy;
  conversation: { turns: number };
  rooms: Room[];
}

export interface CoachingConfig {
  enabled: boolean;
  /** Coach every N rounds. */
  every: number;
  /** Model name for the coach; undefined = scenario default. */
  model?: string;
}

export interface TieConfig {
  /** A directed tie "exists" when its strength is at least this. */
  threshold: number;
  /** Fraction lost per round without interaction. */
  decay: number;
  /** How far one evaluation moves the tie towards its target (0..1). */
  learning_rate: number;
  /** Weights of the evaluation's components in the tie target. */
  weights: { reciprocity: number; novelty: number; affect: number };
}

export interface MemoryConfig {
  recency: number;
  importance: number;
  relevance: number;
  top_k: number;
  /** Reflect when the summed importance of memories since the last reflection reaches this. */
  reflect_at: number;
  /** Recency decay factor per round (Generative Agents uses 0.995 per game hour). */
  decay: number;
  /**
   * `minmax`: each component rescaled to 0..1 over the memories ranked, per query, as Generative
   * Agents does (engine/memory/minmax.ts). Absent or `none`: fixed 0..1 scales.
   */
  normalize?: 'none' | 'minmax';
}

export type { Provider } from './providers';
import type { Provider } from './providers';
export type FailurePolicy = 'skip' | 'offline';

export interface ModelConfig {
  name: string;
  provider: Provider;
  model?: string;
  base_url?: string;
  /** Name of the environment variable holding the key. Never the key itself. */
  api_key_env?: string;
  temperature?: number;
  max_tokens?: number;
  seed?: number;
  headers?: Record<string, string>;
  azure?: { deployment: string; api_version: string };
  concurrency: number;
  rpm?: number;
  tpm?: number;
  timeout_ms: number;
  retries: number;
  on_error: FailurePolicy;
  /** Price in USD per million tokens. */
  price?: { input: number; output: number; cached_input?: number };
  /** What opens every prompt (llm/prompts/layout.ts); `auto` when absent. */
  prompt_layout?: 'auto' | 'handbook' | 'per_kind';
  embeddings?: { model: string; price?: { input: number } };
  /** How a `local` model file is run (llm/local/settings.ts gives the defaults). */
  local?: LocalSettings;
  source?: SourceLocation;
}

/** A `local` model's run settings: tokens of context, CPU threads, tokens evaluated per batch, calls at once. */
export interface LocalSettings {
  context_size?: number;
  threads?: number;
  batch_size?: number;
  sequences?: number;
  reuse_prefix?: boolean;
}

/**
 * The model config called `name`, if the scenario defines one. Only the scenario's own names count:
 * `models` is a plain object, whose inherited "toString" or "constructor" would otherwise pass for
 * models (`society run --model toString`).
 */
export function modelNamed<M>(models: Readonly<Record<string, M>>, name: string | undefined): M | undefined {
  return name !== undefined && Object.hasOwn(models, name) ? models[name] : undefined;
}

/**
 * Prompt template overrides: `system` (the agents' system message), `coach_system` (the coach's
 * system message, for `advise` only; `system` never reaches the coach) and one per decision kind.
 */
export type PromptTemplates = Partial<Record<PromptKind, string>>;
export const PROMPT_KINDS = [
  'system',
  'coach_system',
  'choose_partner',
  'speak',
  'evaluate',
  'advise',
  'reflect',
  'interview',
  'act',
  'survey',
] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export type ScenarioEvent =
  | { at: number; broadcast: string; source?: SourceLocation }
  | { at: number; add: Persona[]; source?: SourceLocation }
  | { at: number; remove: string[]; source?: SourceLocation }
  | { at: number; set: Record<string, unknown>; source?: SourceLocation }
  | { at: number; post: SeededPost; source?: SourceLocation };

/** A timed event's post: put on `feed` at the start of the round, by `author` or (none) the platform. */
export interface SeededPost {
  feed: string;
  text: string;
  author?: string;
}

/** A numeric distribution for population sampling; any family may be clipped to `min`/`max`. */
export type Distribution =
  | number
  | ({ normal: { mean: number; sd: number } } & Clip)
  | ({ uniform: { min: number; max: number } } & Clip)
  | ({ beta: { alpha: number; beta: number } } & Clip);

interface Clip {
  min?: number;
  max?: number;
}

export interface PopulationGroup {
  group: string;
  count: number;
  /** Prefix for generated ids: `${id_prefix}${index}`. */
  id_prefix: string;
  names: string[];
  /** Family names to draw from (none: agents are named `Ana 12`). */
  surnames?: string[];
  occupations: string[];
  interests: { pool: string[]; per_agent: number };
  traits: Partial<Record<TraitName, Distribution>>;
  motivations: Partial<Record<Driver, Distribution>>;
  model?: string;
  /** Starting values of agent quantities: numbers or distributions, each drawn per member. */
  state?: Record<string, Distribution>;
  /** The members' daily plan (part of the day → place id), over the scenario's. */
  plan?: Record<string, string>;
  /** Members synthesised from census tables by IPF (census/censusTypes.ts). */
  census?: CensusSpec;
  source?: SourceLocation;
}

export interface ExperimentCondition {
  name: string;
  set: Record<string, unknown>;
}
/** A claim the author makes: `metric` is higher in condition `higher` than in `than`. */
export interface DeclaredClaim {
  metric: string;
  higher: string;
  than: string;
  /** How the report states it (default: "<metric> is higher in <higher> than in <than>"). */
  text?: string;
}
/**
 * A comparison with observed data (`calibration:`): the dataset, which run series its measures
 * are, how fit is scored, and optionally a sweep of one or two parameters ranked by fit.
 */
export interface Calibration {
  /** The observed CSV, relative to the scenario's file. */
  observed: string;
  /** Observed measure → the run series it is compared with (default: the series of its name). */
  measures?: Record<string, string>;
  /** What ranks the sweep's settings: normalised RMSE over rounds, or the KS statistic. */
  fit: 'rmse' | 'ks';
  /** Parameter paths (as a condition's `set`) → the values to try; every combination is a setting. */
  sweep?: Record<string, unknown[]>;
  /** Seeds each setting runs with (default: the experiment's, else 1–5). */
  seeds?: number[];
  source?: SourceLocation;
}
export interface Experiment {
  seeds: number[];
  conditions: ExperimentCondition[];
  metrics?: string[];
  claims?: DeclaredClaim[];
  /** Test the seed paper's claims too (paperClaimsApply: by default only in a world without actions). */
  paper_claims?: boolean;
}

/** A place agents can be at (`places:`). */
export interface Place {
  id: string;
  /** How agents and the view name it (its id when the file gives none). */
  label: string;
  description?: string;
  /** Most agents it holds at once; undefined: no limit. */
  capacity?: number;
  /** Where those turned away when it is full go; undefined: away. */
  overflow?: string;
}

/** A scenario's places and days: each round is one part of the day, cycling. */
export interface PlaceSet {
  places: Place[];
  /** The parts of a day, in order (`day:`; `[day]` when not written). */
  day: string[];
  /** The scenario's daily plan: part → place id. */
  plan: Record<string, string>;
}

export interface Scenario {
  name: string;
  description?: string;
  seed: number;
  personas: Persona[];
  population: PopulationGroup[];
  world: World;
  rewards: DriverWeights;
  coaching: CoachingConfig;
  ties: TieConfig;
  memory: MemoryConfig;
  /** Model configs by name; always contains `default` (offline unless overridden). */
  models: Record<string, ModelConfig>;
  prompts: PromptTemplates;
  events: ScenarioEvent[];
  experiment?: Experiment;
  calibration?: Calibration;
  /** World state and actions (`state:`, `actions:`); absent when the scenario declares none. */
  mechanics?: Mechanics;
  /** A module of mechanics in code (`module:`), as written: relative to the scenario's file. */
  module?: string;
  /** The phases of a round as declared (`round:`); absent: the default (engine/society/roundPlan.ts). */
  round?: RoundPhase[];
  /** Places, the parts of the day and the scenario's daily plan (`places:`, `day:`, `plan:`). */
  places?: PlaceSet;
  /** Rubric judges (`judges:`, docs/judges.md). */
  judges?: Judging[];
  /** Surveys administered during the run (`surveys:`, format/model/surveys.ts); absent when none. */
  surveys?: Survey[];
  /** File the scenario document came from. */
  source?: SourceLocation;
}
