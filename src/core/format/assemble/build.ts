// Validated, defaulted document values -> the typed model (model.ts), with source locations.
// Only called on documents without errors, so values have the schema's shapes.
import { censusSpec } from './census/censusSpec';
import { buildPlaces } from '../model/places';
import type {
  Calibration,
  Persona,
  Scenario,
  ModelConfig,
  ScenarioEvent,
  PopulationGroup,
  Room,
  SourceLocation,
  Traits,
  DriverWeights,
  Experiment,
} from '../model/model';
import type { PathSegment } from '../syntax/parse';
import type { Locator } from '../syntax/locate';
import { applyDefaults, documentSchema, societySchema } from '../schema/schema';
import { buildMechanics, buildRound } from './buildMechanics';
import { buildJudges } from '../model/judges';
import { buildSurveys } from './buildSurveys';
import { nameRecord } from '../../text/nameRecord';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A persona's place in the sources: the locator of its document and the path to its mapping. */
export interface PersonaSite {
  at: Locator;
  path: PathSegment[];
}

export function buildPersona(raw: unknown, site: PersonaSite): Persona {
  const v = applyDefaults(societySchema.$defs.inlinePersona, raw) as Obj;
  const loc = (p: PathSegment[]): SourceLocation => site.at.location([...site.path, ...p]);
  const persona: Persona = {
    id: v.id,
    name: v.name,
    traits: v.traits as Traits,
    interests: v.interests,
    motivations: v.motivations as DriverWeights,
    memories: (v.memories as Obj[]).map((m, i) => ({
      text: m.text,
      importance: m.importance,
      source: loc(['memories', i]),
    })),
    relationships: (v.relationships as Obj[]).map((r, i) => ({
      with: r.with,
      tie: r.tie,
      ...(r.note !== undefined ? { note: r.note } : {}),
      source: loc(['relationships', i, 'with']),
    })),
    source: { file: site.at.file.file, range: site.at.parentKeyRange(site.path) },
  };
  for (const key of [
    'age',
    'gender',
    'occupation',
    'location',
    'bio',
    'style',
    'group',
    'model',
    'state',
    'plan',
  ] as const) {
    if (v[key] !== undefined) (persona as unknown as Obj)[key] = v[key];
  }
  return persona;
}

const DEFAULT_MODEL = { provider: 'offline' };

export function buildScenario(raw: unknown, at: Locator, personas: Persona[]): Scenario {
  const v = applyDefaults(documentSchema('scenario'), raw) as Obj;
  const loc = (p: PathSegment[]): SourceLocation => at.location(p);
  const models: Record<string, ModelConfig> = nameRecord();
  const rawModels: Obj = { default: DEFAULT_MODEL, ...v.models };
  for (const [name, m] of Object.entries(rawModels)) {
    const withDefaults = applyDefaults(societySchema.$defs.model, m) as Obj;
    models[name] = {
      name,
      ...withDefaults,
      ...(v.models?.[name] ? { source: loc(['models', name]) } : {}),
    } as ModelConfig;
  }
  const scenario: Scenario = {
    name: v.name,
    seed: v.seed,
    personas,
    population: (v.population as Obj[]).map(
      (g, i) =>
        ({
          ...g,
          id_prefix: g.id_prefix ?? g.group,
          ...(g.census !== undefined ? { census: censusSpec(g.census) } : {}),
          source: loc(['population', i]),
        }) as PopulationGroup,
    ),
    world: {
      ...v.world,
      rooms: (v.world.rooms as Obj[]).map((r, i) => ({ ...r, source: loc(['world', 'rooms', i]) }) as Room),
    },
    rewards: v.rewards,
    coaching: v.coaching,
    ties: v.ties,
    memory: v.memory,
    models,
    prompts: v.prompts,
    events: (v.events as Obj[]).map((e, i) => buildEvent(e, i, at)),
    source: { file: at.file.file, range: at.parentKeyRange([]) },
  };
  if (v.description !== undefined) scenario.description = v.description;
  if (v.experiment) scenario.experiment = v.experiment as Experiment;
  if (v.calibration) {
    scenario.calibration = {
      ...(v.calibration as Calibration),
      source: { file: at.file.file, range: at.parentKeyRange(['calibration']) },
    };
  }
  const mechanics = buildMechanics(v, at);
  if (mechanics) scenario.mechanics = mechanics;
  const round = buildRound(v, at);
  if (round) scenario.round = round;
  if (typeof v.module === 'string') scenario.module = v.module;
  const places = buildPlaces(v);
  if (places) scenario.places = places;
  const judges = buildJudges(v);
  if (judges) scenario.judges = judges;
  const surveys = buildSurveys(v, at);
  if (surveys) scenario.surveys = surveys;
  return scenario;
}

function buildEvent(e: Obj, index: number, at: Locator): ScenarioEvent {
  const source = at.location(['events', index]);
  if (e.add) {
    const add = (e.add as unknown[]).map((p, k) => buildPersona(p, { at, path: ['events', index, 'add', k] }));
    return { at: e.at, add, source };
  }
  return { ...e, source } as ScenarioEvent;
}
