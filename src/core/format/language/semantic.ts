// Checks beyond the schema: persona ids across files, references, model names, template
// variables, parameter paths (and the values `set` gives them), rooms, the event timeline,
// distributions, secrets. They read raw values tolerantly, so they still run (and help) while a
// document has schema errors.
import type { Diagnostic, DiagnosticCode, DiagnosticFix, RelatedInformation } from './diagnostics';
import { DRIVERS, PROMPT_KINDS, type ModelConfig, type PromptKind, type Range, type Scenario } from './model';
import type { ParsedFile, PathSegment } from './parse';
import type { Locator } from './locate';
import type { PersonaEntry } from './workspace';
import { PROMPT_VARIABLES, templateVariables, type TemplateVariable } from './templates';
import { didYouMean } from './suggest';
import { scenarioGroups } from './roundSource';
import { applyDefaults, documentSchema, leafError, schemaAtPath, societySchema, valueErrors } from './schema';
import { schemaErrorDiagnostics } from './validate';
import { sharedLimits } from './endpointLimits';
import { generatedAgent, generatedIdClashes, generatesId, invalidGeneratedIds, populationGroups } from './generatedIds';
import { checkRooms, type PersonaRefCheck } from './rooms';
import { eventTimeline, isTimed, scenarioRounds } from './timeline';
import { applySet, FROZEN_DURING_RUN } from './settings';
import { checkMechanics } from './mechanicsCheck';
import { checkStartValues } from './startStateCheck';
import { checkPlaces } from './placesCheck';
import { checkTimedPosts } from './timedPostCheck';
import { checkKnowledge } from './knowledgeCheck';
import { checkJudges } from './judgeCheck';
import { checkSurveys } from './surveyCheck';
import { checkClaims } from './claimCheck';
import { checkCalibration } from './calibrationCheck';
import { isWorldOverride, unknownWorldName, worldNamesOf } from './worldPaths';
import { unknownGroupField, unsettable } from './parameterPaths';
import { isStructurePath, listNames, structurePath } from './structurePaths';
import { stemClashes } from './conditionFiles';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Ids that are properties of every JavaScript object (`constructor` is the one the id pattern
 * lets through): network libraries keyed by plain objects mistake them for existing entries.
 */
export function isReservedId(id: string): boolean {
  return id === '__proto__' || id in Object.prototype;
}

function reservedIdDiagnostic(id: string, file: string, range: Range): Diagnostic {
  return mk(
    'SOC023',
    'error',
    `Persona id '${id}' is reserved (a built-in property name that network analysis cannot tell apart from its own data): choose another id, e.g. '${id}_1'`,
    file,
    range,
  );
}

/** Checks that need only one file: duplicate persona ids among its documents, secrets. */
export function checkFile(file: ParsedFile, locators: Locator[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, Range>();
  for (const doc of file.documents) {
    const at = locators[doc.index];
    if (doc.kind === 'persona' && isObj(doc.value) && typeof doc.value.id === 'string') {
      const id = doc.value.id;
      const range = at.valueRange(['id']);
      const prev = first.get(id);
      if (prev) {
        out.push({
          ...mk(
            'SOC020',
            'error',
            `Duplicate persona id '${id}': it is already defined in this file`,
            file.file,
            range,
          ),
          related: [{ file: file.file, range: prev, message: 'first definition' }],
        });
      } else first.set(id, range);
      if (isReservedId(id)) out.push(reservedIdDiagnostic(id, file.file, range));
    }
    if (doc.kind === 'scenario' && isObj(doc.value) && isObj(doc.value.models)) {
      out.push(...sharedEndpointDiagnostics(doc.value.models, at, file.file));
      for (const [name, m] of Object.entries(doc.value.models)) {
        // A plain object cannot hold a key named __proto__ (assigning it sets the prototype): the
        // model would vanish between the check and the run.
        if (name === '__proto__') {
          out.push(
            mk(
              'SOC023',
              'error',
              "Model name '__proto__' is reserved (a built-in property name): choose another name",
              file.file,
              at.keyRange(['models', name]),
            ),
          );
        }
        if (!isObj(m) || !isObj(m.headers)) continue;
        for (const [header, value] of Object.entries(m.headers)) {
          if (typeof value === 'string' && looksLikeSecret(header, value)) {
            out.push(
              mk(
                'SOC041',
                'warning',
                `Header '${header}' of model '${name}' looks like a secret: keep keys out of files (use \`api_key_env\` or Society: Set API Key)`,
                file.file,
                at.valueRange(['models', name, 'headers', header]),
              ),
            );
          }
        }
      }
    }
  }
  return out;
}

const LIMITS = ['concurrency', 'rpm', 'tpm'] as const;

/**
 * Model configs that call the same model at the same endpoint share one limiter with the strictest
 * limits (format/language/endpointLimits.ts); when they set different limits, say so at each of them.
 */
function sharedEndpointDiagnostics(raw: Obj, at: Locator, file: string): Diagnostic[] {
  // No prototype: a model named __proto__ is an entry like any other.
  const configs: Record<string, ModelConfig> = Object.create(null);
  for (const [name, m] of Object.entries(raw)) {
    if (endpointFieldsFit(m)) {
      configs[name] = { name, ...(applyDefaults(societySchema.$defs.model, m) as object) } as ModelConfig;
    }
  }
  const out: Diagnostic[] = [];
  const done = new Set<string>();
  for (const cfg of Object.values(configs)) {
    if (done.has(cfg.name)) continue;
    const { models, settings } = sharedLimits(cfg, configs);
    for (const name of models) done.add(name);
    const peers = models.map((name) => configs[name]);
    const differ = LIMITS.filter((l) => new Set(peers.map((c) => c[l])).size > 1);
    if (peers.length < 2 || !differ.length) continue;
    const limits = differ.map((l) => `${l} ${settings[l] ?? 'none'}`).join(', ');
    for (const c of peers) {
      const own = differ.find((l) => (raw[c.name] as Obj)[l] !== undefined);
      const others = peers
        .filter((p) => p !== c)
        .map((p) => `'${p.name}'`)
        .join(', ');
      out.push(
        mk(
          'SOC042',
          'warning',
          `Model '${c.name}' calls the same model at the same endpoint as ${others} with different limits: they share one limiter with the strictest (${limits})`,
          file,
          own ? at.keyRange(['models', c.name, own]) : at.keyRange(['models', c.name]),
        ),
      );
    }
  }
  return out;
}

/** The settings that name a model's endpoint and limits. */
const ENDPOINT_FIELDS = ['provider', 'model', 'base_url', 'azure', ...LIMITS] as const;

/**
 * The limiter code reads typed configs (`base_url.trim()`): a model whose endpoint settings do not
 * fit the schema (`base_url: 5`) stays out of this check; the schema reports what is wrong.
 */
function endpointFieldsFit(m: unknown): m is Obj {
  if (!isObj(m)) return false;
  const fields = societySchema.$defs.model.properties ?? {};
  return ENDPOINT_FIELDS.every((f) => m[f] === undefined || (Object.hasOwn(fields, f) && !leafError(fields[f], m[f])));
}

function looksLikeSecret(header: string, value: string): boolean {
  return (
    /^(authorization|api-key|x-api-key)$/i.test(header) ||
    /\b(sk-[A-Za-z0-9_-]{8,}|ghp_[A-Za-z0-9]{8,}|AKIA[A-Z0-9]{12,})/.test(value)
  );
}

/** What every check of one scenario reads: its value, where it is, its personas, and the reference checks. */
interface ScenarioContext {
  v: Obj;
  at: Locator;
  file: string;
  /** The scenario has syntax errors: "not defined" checks wait until it reads cleanly. */
  unsure: boolean;
  personas: PersonaEntry[];
  out: Diagnostic[];
  /** Persona ids as listed from the start (the first definition of each). */
  listed: Map<string, { entry: PersonaEntry; range: Range }>;
  groups: ReturnType<typeof populationGroups>;
  isDefined: (id: string) => boolean;
  refCheck: PersonaRefCheck;
  modelCheck: (name: unknown, site: Locator, path: PathSegment[]) => void;
  rounds: number;
}

/** Cross-file checks of one scenario with every persona it brings in. */
/**
 * `hasErrors`: the scenario document has YAML syntax errors. What the parser recovered from it can
 * have lost or misplaced definitions (a tab can nest `models:` under another key), so "not defined"
 * checks — unknown persona ids and models, no personas — wait until it reads cleanly (QA: a tab
 * indent also said a model written further down was not defined).
 */
export function checkScenario(
  scenario: { value: unknown; at: Locator; hasErrors?: boolean },
  personas: PersonaEntry[],
): Diagnostic[] {
  const ctx = scenarioContext(scenario, personas);
  // In the order a reader meets them: ids, references, models, prompts, weights, events, the experiment, the timeline, the population, the mechanics.
  checkRelationships(ctx);
  checkScenarioReferences(ctx);
  checkModelNames(ctx);
  checkTemplates(ctx);
  ctx.out.push(...degenerateWeights(ctx.v, ctx.at));
  checkEvents(ctx);
  const ids = ctx.personas.map((p) => (isObj(p.raw) ? p.raw.id : undefined)).filter((x) => typeof x === 'string');
  ctx.out.push(...checkTimedPosts(ctx.v, ctx.at, ctx.unsure, ctx.isDefined, ids));
  ctx.out.push(...checkKnowledge(ctx.v, ctx.at, ctx.unsure, ctx.isDefined, ids, groupNames(ctx)));
  ctx.out.push(...checkJudges(ctx.v, ctx.at, ctx.unsure, groupNames(ctx), ctx.rounds));
  ctx.out.push(...checkSurveys(ctx.v, ctx.at, ctx.unsure, ctx.isDefined, ids, groupNames(ctx)));
  checkExperiment(ctx);
  checkTimeline(ctx);
  checkPopulation(ctx);
  ctx.out.push(...checkStartValues(ctx.v, ctx.at, ctx.personas, ctx.unsure));
  ctx.out.push(...checkPlaces(ctx.v, ctx.at, ctx.personas, ctx.unsure));
  checkSomeoneToSimulate(ctx);
  ctx.out.push(...checkMechanics(ctx.v, ctx.at, ctx.unsure, ctx.personas));
  return ctx.out;
}

/** The context of the checks, with the persona id checks (SOC020, SOC023) done on the way. */
function scenarioContext(
  scenario: { value: unknown; at: Locator; hasErrors?: boolean },
  personas: PersonaEntry[],
): ScenarioContext {
  const out: Diagnostic[] = [];
  const v = isObj(scenario.value) ? scenario.value : {};
  const at = scenario.at;
  const file = at.file.file;
  const unsure = scenario.hasErrors === true;
  const { defined, listed } = checkPersonaIds(personas, v, at, out);
  const groups = populationGroups(v.population);
  // Population agents are defined too, though only as arithmetic (a group may count a million).
  const isDefined = (id: string): boolean => defined.has(id) || generatesId(groups, id);
  return {
    v,
    at,
    file,
    unsure,
    personas,
    out,
    listed,
    groups,
    isDefined,
    refCheck: personaRefCheck([...defined.keys()], isDefined, unsure, out),
    modelCheck: modelNameCheck(v, unsure, out),
    rounds: scenarioRounds(v),
  };
}

type PersonaSites = Map<string, { entry: PersonaEntry; range: Range }>;

/**
 * Persona ids: unique across every file; the first definition wins. The personas this
 * scenario's timed events add are checked against who is there when they join (timeline.ts):
 * an id an earlier event removed may join again. `defined`: every id; `listed`: those there from the start.
 */
function checkPersonaIds(
  personas: PersonaEntry[],
  v: Obj,
  at: Locator,
  out: Diagnostic[],
): { defined: PersonaSites; listed: PersonaSites } {
  const defined: PersonaSites = new Map();
  const listed: PersonaSites = new Map();
  for (const p of personas) {
    if (!isObj(p.raw) || typeof p.raw.id !== 'string') continue;
    const range = p.site.at.valueRange([...p.site.path, 'id']);
    // Persona documents are checked by checkFile; inline personas here.
    if (p.site.path.length > 0 && isReservedId(p.raw.id)) {
      out.push(reservedIdDiagnostic(p.raw.id, p.site.at.file.file, range));
    }
    if (!defined.has(p.raw.id)) defined.set(p.raw.id, { entry: p, range });
    if (joinsByEvent(p, v, at)) continue;
    const prev = listed.get(p.raw.id);
    if (prev) {
      if (
        prev.entry.site.at.file.file === p.site.at.file.file &&
        p.site.path.length === 0 &&
        prev.entry.site.path.length === 0
      ) {
        continue;
      } // reported by checkFile
      out.push({
        ...mk(
          'SOC020',
          'error',
          `Duplicate persona id '${p.raw.id}': already defined in ${shortName(prev.entry.site.at.file.file)}`,
          p.site.at.file.file,
          range,
        ),
        related: [{ file: prev.entry.site.at.file.file, range: prev.range, message: 'first definition' }],
      });
    } else {
      listed.set(p.raw.id, { entry: p, range });
    }
  }
  return { defined, listed };
}

/** Whether a persona joins later, added by one of this scenario's timed events. */
function joinsByEvent(p: PersonaEntry, v: Obj, at: Locator): boolean {
  return p.site.at === at && p.site.path[0] === 'events' && isTimed(list(v.events)[p.site.path[1] as number]);
}

/** The check of persona ids the scenario refers to (SOC021), with a change to the nearest id. */
function personaRefCheck(
  ids: string[],
  isDefined: (id: string) => boolean,
  unsure: boolean,
  out: Diagnostic[],
): PersonaRefCheck {
  return (id, site, path, what) => {
    if (typeof id !== 'string' || isDefined(id) || unsure) return;
    const range = site.valueRange(path);
    const suggestion = didYouMean(id, ids);
    const fixes: DiagnosticFix[] = suggestion
      ? [{ title: `Change to '${suggestion}'`, file: site.file.file, range, newText: suggestion }]
      : [];
    out.push(
      mk(
        'SOC021',
        'error',
        `Unknown persona id '${id}' in ${what}${suggestion ? `. Did you mean '${suggestion}'?` : ''}`,
        site.file.file,
        range,
        fixes,
      ),
    );
  };
}

/** The check of model names (SOC040): `default` or one the scenario's `models` defines. */
function modelNameCheck(v: Obj, unsure: boolean, out: Diagnostic[]): ScenarioContext['modelCheck'] {
  const models = isObj(v.models) ? Object.keys(v.models) : [];
  const modelNames = new Set(['default', ...models]);
  return (name, site, path) => {
    if (typeof name !== 'string' || modelNames.has(name) || unsure) return;
    const range = site.valueRange(path);
    const suggestion = didYouMean(name, modelNames);
    out.push(
      mk(
        'SOC040',
        'error',
        `Model '${name}' is not defined in \`models\` (defined: ${[...modelNames].join(', ')})${suggestion ? `. Did you mean '${suggestion}'?` : ''}`,
        site.file.file,
        range,
        suggestion ? [{ title: `Change to '${suggestion}'`, file: site.file.file, range, newText: suggestion }] : [],
      ),
    );
  };
}

/** References from personas: relationships (SOC021, SOC022, SOC056). */
function checkRelationships(ctx: ScenarioContext): void {
  const { personas, out, refCheck } = ctx;
  // References from personas: relationships.
  for (const p of personas) {
    if (!isObj(p.raw)) continue;
    const related = new Set<string>();
    list(p.raw.relationships).forEach((r, i) => {
      if (!isObj(r)) return;
      const path = [...p.site.path, 'relationships', i, 'with'];
      // Two entries for one person: the run would keep the last and drop the first's tie and note.
      if (typeof r.with === 'string' && related.has(r.with)) {
        out.push(
          mk(
            'SOC056',
            'error',
            `Persona '${String((p.raw as Obj).id)}' lists a relationship with '${r.with}' twice (one entry per person: the run would keep only the last)`,
            p.site.at.file.file,
            p.site.at.valueRange(path),
          ),
        );
        return;
      }
      if (typeof r.with === 'string') related.add(r.with);
      if (typeof r.with === 'string' && r.with === (p.raw as Obj).id) {
        out.push(
          mk(
            'SOC022',
            'warning',
            `Persona '${r.with}' has a relationship with itself`,
            p.site.at.file.file,
            p.site.at.valueRange(path),
          ),
        );
      } else {
        refCheck(r.with, p.site.at, path, 'relationship');
      }
    });
  }
}

/** References from the scenario: events and rooms. */
function checkScenarioReferences(ctx: ScenarioContext): void {
  const { v, at, out, refCheck } = ctx;
  // References from the scenario: events and rooms.
  list(v.events).forEach((e, i) => {
    if (!isObj(e)) return;
    list(e.remove).forEach((id, k) => refCheck(id, at, ['events', i, 'remove', k], 'remove event'));
  });
  const world = isObj(v.world) ? v.world : {};
  out.push(...checkRooms(world.rooms, at, ['world', 'rooms'], refCheck));
}

/** The group names a scenario has: its personas' `group` and its population's groups. */
function groupNames(ctx: ScenarioContext): string[] {
  const out = new Set<string>();
  for (const p of ctx.personas) if (isObj(p.raw) && typeof p.raw.group === 'string') out.add(p.raw.group);
  const population = Array.isArray(ctx.v.population) ? ctx.v.population : [];
  for (const g of population) if (isObj(g) && typeof g.group === 'string') out.add(g.group);
  return [...out];
}

/** Model names of personas, the coach and population groups (SOC040). */
function checkModelNames(ctx: ScenarioContext): void {
  const { v, at, personas, modelCheck } = ctx;
  for (const p of personas) if (isObj(p.raw)) modelCheck(p.raw.model, p.site.at, [...p.site.path, 'model']);
  if (isObj(v.coaching)) modelCheck(v.coaching.model, at, ['coaching', 'model']);
  list(v.population).forEach((g, i) => {
    if (isObj(g)) modelCheck(g.model, at, ['population', i, 'model']);
  });
}

/** Prompt template variables (SOC050). */
function checkTemplates(ctx: ScenarioContext): void {
  const { v, at, file, out } = ctx;
  // Template variables.
  if (isObj(v.prompts)) {
    for (const [kind, template] of Object.entries(v.prompts)) {
      if (typeof template !== 'string' || !(PROMPT_KINDS as readonly string[]).includes(kind)) continue;
      const allowed = PROMPT_VARIABLES[kind as PromptKind];
      const variables = templateVariables(template);
      if (variables.every((x) => allowed.includes(x.name))) continue;
      const ranges = placeholderRanges(at, ['prompts', kind], template, variables);
      for (const [k, variable] of variables.entries()) {
        if (allowed.includes(variable.name)) continue;
        const suggestion = didYouMean(variable.name, allowed);
        const range = ranges[k];
        out.push(
          mk(
            'SOC050',
            'error',
            `Unknown template variable '{{${variable.name}}}' in the ${kind} prompt${suggestion ? `. Did you mean '{{${suggestion}}}'?` : ''} (available: ${allowed.join(', ')})`,
            file,
            range,
          ),
        );
      }
    }
  }
}

/** Events after the last round; unknown parameter paths and fixed parameters in events (SOC052, SOC054, SOC057). */
function checkEvents(ctx: ScenarioContext): void {
  const { v, at, file, out, refCheck, modelCheck, rounds } = ctx;
  // Events after the last round; unknown parameter paths in events and experiment conditions.
  list(v.events).forEach((e, i) => {
    if (!isObj(e)) return;
    if (typeof e.at === 'number' && e.at > rounds) {
      out.push(
        mk(
          'SOC052',
          'warning',
          `Event at round ${e.at} never fires: the scenario runs ${rounds} rounds`,
          file,
          at.valueRange(['events', i, 'at']),
        ),
      );
    }
    if (isObj(e.set)) {
      checkParameterPaths(e.set, at, ['events', i, 'set'], out, v, { refCheck, modelCheck });
      checkFixedDuringRun(e.set, at, ['events', i, 'set'], out);
    }
  });
}

/** Repeated seeds and condition names, parameter paths of conditions, and what claims name (SOC078). */
function checkExperiment(ctx: ScenarioContext): void {
  const { v, at, file, out, refCheck, modelCheck } = ctx;
  if (isObj(v.experiment)) {
    // As `--seeds` refuses: one seed run twice is one sample counted twice (CIs too narrow, one trace file).
    const seeds = new Set<unknown>();
    list(v.experiment.seeds).forEach((seed, i) => {
      if (typeof seed !== 'number') return;
      if (seeds.has(seed)) {
        out.push(
          mk(
            'SOC056',
            'error',
            `experiment.seeds lists ${seed} twice: repeated seeds are not independent runs`,
            file,
            at.valueRange(['experiment', 'seeds', i]),
          ),
        );
      }
      seeds.add(seed);
    });
    const names = new Set<string>();
    list(v.experiment.conditions).forEach((c, i) => {
      if (!isObj(c)) return;
      if (typeof c.name === 'string') {
        if (names.has(c.name)) {
          out.push(
            mk(
              'SOC056',
              'error',
              `Condition name '${c.name}' is used twice`,
              file,
              at.valueRange(['experiment', 'conditions', i, 'name']),
            ),
          );
        }
        names.add(c.name);
      }
      if (isObj(c.set)) {
        checkParameterPaths(c.set, at, ['experiment', 'conditions', i, 'set'], out, v, { refCheck, modelCheck });
      }
    });
    checkConditionFiles(ctx);
    out.push(...checkClaims(v, at, ctx.unsure, ctx.personas));
  }
  if (isObj(v.calibration)) {
    out.push(
      ...checkCalibration(v, at, ctx.unsure, (set, path) =>
        checkParameterPaths(set, at, path, out, v, { refCheck, modelCheck }),
      ),
    );
  }
}

/**
 * Two condition names that give one trace file name (`record +1`, `record -1`): the runs of one
 * would overwrite the other's (SOC056; the runner refuses them too, conditionFiles.ts). The same
 * name twice is reported above.
 */
function checkConditionFiles(ctx: ScenarioContext): void {
  const { v, at, file, out } = ctx;
  const named = list((v.experiment as Obj).conditions)
    .map((c, i) => ({ c, i }))
    .filter((x): x is { c: Obj & { name: string }; i: number } => isObj(x.c) && typeof x.c.name === 'string');
  for (const [a, b, stem] of stemClashes(named.map((x) => x.c.name))) {
    const [first, later] = [named[a], named[b]];
    if (first.c.name === later.c.name) continue;
    const firstRange = at.valueRange(['experiment', 'conditions', first.i, 'name']);
    const where = `${shortName(file)}:${firstRange.start.line + 1}:${firstRange.start.character + 1}`;
    out.push({
      ...mk(
        'SOC056',
        'error',
        `Conditions '${first.c.name}' (${where}) and '${later.c.name}' would write their runs to one file, traces/${stem}-seed<n>.jsonl: rename one so their names differ in letters or digits`,
        file,
        at.valueRange(['experiment', 'conditions', later.i, 'name']),
      ),
      related: [{ file, range: firstRange, message: `condition '${first.c.name}'` }],
    });
  }
}

/** Removals that can only fail and relationships with someone absent (the timeline), and generated ids that clash. */
function checkTimeline(ctx: ScenarioContext): void {
  const { v, at, file, out, personas, listed, groups, isDefined, rounds } = ctx;
  // Removals that can only fail and relationships with someone absent, in the order the run fires events.
  const starters = personas.filter((p) => p.addedAt === undefined);
  const initial = new Set(
    starters.filter((p) => isObj(p.raw) && typeof p.raw.id === 'string').map((p) => (p.raw as Obj).id as string),
  );
  const origin = (id: string): { message: string; related?: RelatedInformation } | undefined => {
    const first = listed.get(id);
    if (first) {
      return {
        message: `already defined in ${shortName(first.entry.site.at.file.file)}`,
        related: { file: first.entry.site.at.file.file, range: first.range, message: 'first definition' },
      };
    }
    const generated = generatedAgent(groups, id);
    return (
      generated && {
        message: `generated by population group '${generated.group.group}'`,
        related: { file, range: at.valueRange(generated.group.path), message: 'population group' },
      }
    );
  };
  out.push(
    ...eventTimeline(
      v.events,
      rounds,
      {
        initiallyPresent: (id) => initial.has(id) || generatesId(groups, id),
        defined: isDefined,
        initial: starters,
        origin,
      },
      at,
    ),
  );

  // Ids that timed events add are the timeline's to check against the groups' (present from the start).
  out.push(...generatedIdClashes(groups, listed.keys(), at));
  out.push(...invalidGeneratedIds(groups, at));
}

/** Population distributions (SOC055). */
function checkPopulation(ctx: ScenarioContext): void {
  const { v, at, out } = ctx;
  // Population distributions.
  list(v.population).forEach((g, i) => {
    if (!isObj(g)) return;
    for (const field of ['traits', 'motivations'] as const) {
      if (!isObj(g[field])) continue;
      for (const [name, spec] of Object.entries(g[field] as Obj)) {
        checkDistribution(spec, at, ['population', i, field, name], out);
      }
    }
  });
}

/** Nobody to simulate (SOC053). */
function checkSomeoneToSimulate(ctx: ScenarioContext): void {
  const { v, at, file, out, personas, unsure } = ctx;
  // Nobody to simulate.
  // A negative count (a schema error of its own) adds nobody, and must not cancel out anyone else.
  const populationCount = list(v.population).reduce<number>(
    (n, g) => n + (isObj(g) && typeof g.count === 'number' && g.count > 0 ? g.count : 0),
    0,
  );
  if (!unsure && personas.filter((p) => p.addedAt === undefined).length + populationCount === 0) {
    out.push(
      mk(
        'SOC053',
        'warning',
        'This scenario has no personas: add `personas:` (inline or `- include: personas/*.society`) or a `population:`',
        file,
        v.personas !== undefined ? at.keyRange(['personas']) : at.parentKeyRange([]),
      ),
    );
  }
}

/** Weights whose all being zero leaves a run with nothing to do: what each check reads, says and marks. */
const DEGENERATE: { code: DiagnosticCode; path: string[]; zero: (s: Obj) => boolean; what: string }[] = [
  {
    code: 'SOC051',
    path: ['rewards'],
    zero: (s) => allZero(s.rewards, DRIVERS),
    what: 'all reward weights are zero: agents would have no reason to engage',
  },
  // An evaluation's target strength is the tie weights' weighted mean, 0/0 when all are zero.
  {
    code: 'SOC058',
    path: ['ties', 'weights'],
    zero: (s) => allZero(isObj(s.ties) ? s.ties.weights : undefined, ['reciprocity', 'novelty', 'affect']),
    what: "all tie weights are zero: an evaluation's target strength is their weighted mean (0/0), so no tie could ever form",
  },
];
const allZero = (o: unknown, keys: readonly string[]): boolean => isObj(o) && keys.every((k) => o[k] === 0);
const sentence = (s: string): string => s[0].toUpperCase() + s.slice(1);

/**
 * SOC051/SOC058 for the weights the run would use: the scenario's own, each experiment condition's
 * (its `set` applied first), and from each timed `set` on (events in the order they fire, on top of
 * the scenario or a condition). The `set`s are applied with the engine's own applySet, so dotted
 * paths and nested mappings count alike. Each is reported where it first becomes degenerate: a
 * condition or event that only keeps what the scenario (or the scenario's timeline) already has is
 * not reported again.
 */
function degenerateWeights(v: Obj, at: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = at.file.file;
  // The settings these checks read, with the schema's defaults, as the built scenario has them.
  // Copied level by level (raw values may hold markers structuredClone refuses; see plainValue.ts)
  // and only these, so applying a `set` never writes into the document's value.
  const d = applyDefaults(documentSchema('scenario'), { world: v.world, rewards: v.rewards, ties: v.ties }) as Obj;
  const copy = (o: unknown): unknown => (isObj(o) ? { ...o } : o);
  const fresh = (): Obj => ({
    world: { rounds: scenarioRounds(d) },
    rewards: copy(d.rewards),
    ties: isObj(d.ties) ? { ...d.ties, weights: copy(d.ties.weights) } : d.ties,
  });
  const start = fresh();
  const base = DEGENERATE.map((c) => c.zero(start));
  DEGENERATE.forEach((c, k) => {
    if (base[k]) out.push(mk(c.code, 'error', sentence(c.what), file, at.keyRange(c.path)));
  });

  // Events fire at the start of their round, in file order within it (engine/kernel/timed-events.ts).
  const events = list(v.events)
    .map((e, index) => ({ e: e as Obj, index }))
    .filter((x) => isTimed(x.e) && isObj(x.e.set))
    .sort((a, b) => (a.e.at as number) - (b.e.at as number));
  /** `index:code` of each event from which on a check fails (having passed before it). */
  const timeline = (settings: Obj, zero: boolean[]): Set<string> => {
    const found = new Set<string>();
    const rounds = scenarioRounds(settings);
    for (const { e, index } of events) {
      if ((e.at as number) > rounds) break; // never fires (SOC052)
      applySet(settings as unknown as Scenario, e.set as Obj);
      DEGENERATE.forEach((c, k) => {
        const now = c.zero(settings);
        if (now && !zero[k]) found.add(`${index}:${c.code}`);
        zero[k] = now;
      });
    }
    return found;
  };
  const report = (found: Set<string>, skip: Set<string>, condition?: string): void => {
    for (const key of [...found].filter((x) => !skip.has(x))) {
      const [index, code] = key.split(':');
      const c = DEGENERATE.find((x) => x.code === code)!;
      const when = `from the event at round ${String((list(v.events)[Number(index)] as Obj).at)} on`;
      out.push(
        mk(
          c.code,
          'error',
          sentence(`${condition ? `in condition ${condition}, ` : ''}${when}, ${c.what}`),
          file,
          at.keyRange(['events', Number(index), 'set']),
        ),
      );
    }
  };
  const baseEvents = timeline(fresh(), [...base]);
  report(baseEvents, new Set());

  if (!isObj(v.experiment)) return out;
  list(v.experiment.conditions).forEach((cond, i) => {
    if (!isObj(cond) || !isObj(cond.set)) return;
    const name = typeof cond.name === 'string' ? `'${cond.name}'` : `#${i + 1}`;
    // As experiment/overrides.ts applies a condition: before the run, so nothing is frozen.
    const settings = fresh();
    applySet(settings as unknown as Scenario, cond.set, { frozen: new Set() });
    const zero = DEGENERATE.map((c) => c.zero(settings));
    DEGENERATE.forEach((c, k) => {
      if (zero[k] && !base[k]) {
        out.push(
          mk(
            c.code,
            'error',
            `In condition ${name}, ${c.what}`,
            file,
            at.keyRange(['experiment', 'conditions', i, 'set']),
          ),
        );
      }
    });
    // Only what the condition changes on the scenario's timeline (the rest is reported there).
    report(timeline(settings, zero), baseEvents, name);
  });
  return out;
}

/** SOC057 for a timed event's `set` of a parameter the run fixes when it starts. */
function checkFixedDuringRun(set: Obj, at: Locator, path: PathSegment[], out: Diagnostic[]): void {
  for (const key of Object.keys(set)) {
    if (FROZEN_DURING_RUN.has(key)) {
      out.push(
        mk(
          'SOC057',
          'error',
          `'${key}' cannot change during a run: its length is fixed when it starts (set it in \`world\` or per experiment condition)`,
          at.file.file,
          at.keyRange([...path, key]),
        ),
      );
    }
  }
}

/**
 * A condition's feed, phase or action field (structurePaths.ts): one the scenario declares (else
 * SOC054 with the nearest), its value of the kind the field takes. Expressions are checked with the
 * others (conditionState.ts).
 */
function checkRulePath(
  key: string,
  value: unknown,
  at: Locator,
  path: PathSegment[],
  out: Diagnostic[],
  doc: unknown,
): void {
  const p = structurePath(key, doc);
  if (!p) {
    const range = at.keyRange(path);
    const { message, suggestion } = unsettable(key, 'condition', doc);
    const fixes = suggestion
      ? [{ title: `Change to '${suggestion}'`, file: at.file.file, range, newText: suggestion }]
      : [];
    out.push(mk('SOC054', 'error', message, at.file.file, range, fixes));
    return;
  }
  const errors = valueErrors(p.node, value);
  out.push(...schemaErrorDiagnostics(errors, 'scenario', doc, at.file, at, path));
  const list = listNames(key, doc);
  if (errors.length || !list || !value || typeof value !== 'object') return;
  // A list, or (a phase's actions) lists by group, each group one that exists (SOC082).
  const items: [unknown, PathSegment[]][] = Array.isArray(value)
    ? value.map((name, i) => [name, [i]])
    : Object.entries(value).flatMap(([group, names]) =>
        Array.isArray(names) ? names.map((name, i): [unknown, PathSegment[]] => [name, [group, i]]) : [],
      );
  if (!Array.isArray(value)) checkGroupKeys(key, Object.keys(value), at, path, out, doc);
  items.forEach(([name, where]) => {
    if (typeof name !== 'string' || list.names.includes(name)) return;
    const near = didYouMean(name, list.names);
    const range = at.valueRange([...path, ...where]);
    const message =
      `'${key}' names ${list.what} '${name}', which the scenario does not declare` +
      `${near ? `. Did you mean '${near}'?` : ''} (${list.what}s: ${list.names.join(', ') || 'none'})`;
    const fixes = near ? [{ title: `Change to '${near}'`, file: at.file.file, range, newText: near }] : [];
    out.push(mk('SOC090', 'error', message, at.file.file, range, fixes));
  });
}

/** The groups a condition gives a phase's actions to: each a population group or a persona's (SOC082). */
function checkGroupKeys(
  key: string,
  groups: readonly string[],
  at: Locator,
  path: PathSegment[],
  out: Diagnostic[],
  doc: unknown,
): void {
  const known = [...scenarioGroups(doc).keys()];
  for (const group of groups) {
    if (known.includes(group)) continue;
    const near = didYouMean(group, known);
    const range = at.keyRange([...path, group]);
    const message = `'${key}' gives actions to group '${group}', which no population group or persona has${near ? `. Did you mean '${near}'?` : ''} (groups: ${known.join(', ') || 'none'})`;
    const fixes = near ? [{ title: `Change to '${near}'`, file: at.file.file, range, newText: near }] : [];
    out.push(mk('SOC082', 'error', message, at.file.file, range, fixes));
  }
}

/** The checks of persona ids and model names, for the values a `set` gives. */
interface ReferenceChecks {
  refCheck: PersonaRefCheck;
  modelCheck: (name: unknown, site: Locator, path: PathSegment[]) => void;
}

function checkParameterPaths(
  set: Obj,
  at: Locator,
  path: PathSegment[],
  out: Diagnostic[],
  docValue: unknown,
  refs: ReferenceChecks,
): void {
  for (const key of Object.keys(set)) {
    // A calibration's sweep sets what a condition does.
    const condition = path[0] === 'experiment' || path[0] === 'calibration';
    if (isWorldOverride(key) && condition) {
      // A quantity or a population group the scenario does not declare, as the experiment says it
      // (worldOverrides.ts). A timed event may not set these at all: the schema says so.
      const unknown = unknownWorldName(key, worldNamesOf(docValue)) ?? unknownGroupField(key, docValue);
      if (!unknown) continue;
      const range = at.keyRange([...path, key]);
      const near = unknown.suggestion;
      const fixes = near ? [{ title: `Change to '${near}'`, file: at.file.file, range, newText: near }] : [];
      out.push(mk('SOC054', 'error', unknown.message, at.file.file, range, fixes));
      continue;
    }
    if (isStructurePath(key) && condition) {
      checkRulePath(key, set[key], at, [...path, key], out, docValue);
      continue;
    }
    const segments = key.split('.');
    if (!/^(world|rewards|coaching|ties|memory)(\.[a-z_]+)+$/.test(key)) continue; // the schema reports the shape
    const target = schemaAtPath('scenario', segments);
    if (!target || target.properties) {
      const range = at.keyRange([...path, key]);
      const { message, suggestion } = unsettable(key, condition ? 'condition' : 'event', docValue);
      const fixes = suggestion
        ? [{ title: `Change to '${suggestion}'`, file: at.file.file, range, newText: suggestion }]
        : [];
      out.push(mk('SOC054', 'error', message, at.file.file, range, fixes));
      continue;
    }
    // The run would skip a value of the wrong kind with an error event: say so while editing, in
    // the words the schema's own checks use, at the offending item of a list.
    const errors = valueErrors(target, set[key]);
    out.push(...schemaErrorDiagnostics(errors, 'scenario', docValue, at.file, at, [...path, key]));
    // The same checks as where the setting is written in the scenario itself.
    if (key === 'world.rooms') out.push(...checkRooms(set[key], at, [...path, key], refs.refCheck));
    if (key === 'coaching.model') refs.modelCheck(set[key], at, [...path, key]);
  }
}

function checkDistribution(spec: unknown, at: Locator, path: PathSegment[], out: Diagnostic[]): void {
  if (!isObj(spec)) return;
  const families = ['normal', 'uniform', 'beta'].filter((k) => k in spec);
  const range = at.valueRange(path);
  if (families.length !== 1) {
    out.push(
      mk(
        'SOC055',
        'error',
        families.length === 0
          ? 'A distribution needs one of `normal`, `uniform` or `beta`'
          : `A distribution has exactly one of normal, uniform, beta (found ${families.join(', ')})`,
        at.file.file,
        range,
      ),
    );
    return;
  }
  const bounds: [unknown, unknown][] = [[spec.min, spec.max]];
  if (isObj(spec.uniform)) bounds.push([spec.uniform.min, spec.uniform.max]);
  for (const [lo, hi] of bounds) {
    if (typeof lo === 'number' && typeof hi === 'number' && lo > hi) {
      out.push(mk('SOC055', 'error', `Distribution bounds are reversed: min ${lo} > max ${hi}`, at.file.file, range));
    }
  }
  const side = sideOutsideUnit(spec);
  if (side !== undefined) {
    out.push(
      mk(
        'SOC055',
        'warning',
        `Every sample of this distribution lies ${side === 0 ? 'below 0' : 'above 1'}: traits and motivations are clipped to 0..1, so every agent of the group gets ${side}`,
        at.file.file,
        range,
      ),
    );
  }
}

/** 0 or 1 when a distribution's samples, after its own `min`/`max` clip, all fall below 0 or above 1 (a normal's: beyond 3 sd), else undefined. */
function sideOutsideUnit(spec: Obj): 0 | 1 | undefined {
  const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  let lo = -Infinity,
    hi = Infinity;
  if (isObj(spec.uniform)) {
    lo = num(spec.uniform.min) ?? lo;
    hi = num(spec.uniform.max) ?? hi;
  }
  if (isObj(spec.normal)) {
    const mean = num(spec.normal.mean),
      sd = num(spec.normal.sd);
    if (mean !== undefined && sd !== undefined && sd >= 0) {
      lo = mean - 3 * sd;
      hi = mean + 3 * sd;
    }
  }
  if (isObj(spec.beta)) {
    lo = 0;
    hi = 1;
  }
  const cmin = num(spec.min) ?? -Infinity,
    cmax = num(spec.max) ?? Infinity;
  const clip = (x: number): number => Math.min(cmax, Math.max(cmin, x));
  if (cmin > cmax) return undefined; // reported as reversed bounds
  [lo, hi] = [clip(lo), clip(hi)];
  return hi < 0 ? 0 : lo > 1 ? 1 : undefined;
}

/**
 * Where each placeholder of a string scalar is written. The k-th `{{…}}` of the value is the k-th
 * of its source text when both read the same; where escapes or line folding make them differ,
 * the whole value. One pass over each, and a repeated variable gets each occurrence's own range.
 */
function placeholderRanges(at: Locator, path: PathSegment[], value: string, variables: TemplateVariable[]): Range[] {
  const whole = at.valueRange(path);
  const lines = at.file.lines;
  const from = lines.offsetAt(whole.start);
  const source = lines.text.slice(from, lines.offsetAt(whole.end));
  const written = templateVariables(source);
  const aligned = written.length === variables.length;
  return variables.map((v, k) => {
    const w = written[k];
    return aligned && source.slice(w.start, w.end) === value.slice(v.start, v.end)
      ? lines.range(from + w.start, from + w.end)
      : whole;
  });
}

function shortName(file: string): string {
  return file.split(/[\\/]/).slice(-2).join('/');
}

function mk(
  code: DiagnosticCode,
  severity: Diagnostic['severity'],
  message: string,
  file: string,
  range: Range,
  fixes?: DiagnosticFix[],
): Diagnostic {
  return fixes && fixes.length
    ? { code, severity, message, file, range, fixes }
    : { code, severity, message, file, range };
}
