// Checks of a scenario's mechanics (issue 34, `state:` and `actions:`), beyond the schema: every
// expression parses and gives what it must (SOC061, at the offending sub-expression), effects change
// quantities that exist (SOC062), bounds hold together (SOC063), names expressions cannot read
// (SOC023), actions nobody can ever take (SOC064), world quantities with no part to play (SOC065)
// and divisions of two whole numbers (SOC077, wholeDivision.ts), categorical quantities whose
// bounds disagree with their labels (SOC079, labelsCheck.ts), and the same of the values
// experiment conditions give declared quantities (conditionState.ts), measurement tallies that
// steer choices and actions that change only tallies (SOC106, SOC107, tallyCheck.ts);
// then the feeds actions use (feedCheck.ts) and the declared round (roundCheck.ts, roundReach.ts).
// Like the other semantic checks they read raw values tolerantly, and never throw.
import type { Diagnostic } from '../model/diagnostics';
import { checkArgConditions } from './argConditionCheck';
import type { Range } from '../model/model';
import type { PathSegment } from '../syntax/parse';
import type { Locator } from '../syntax/locate';
import { RESERVED_NAMES, type Action, type ActionArg, type Mechanics } from '../model/mechanics';
import { argWithoutValue, constantBound } from '../model/argRange';
import { isObj } from './checkKit';
import { readMechanics } from '../assemble/mechanicsSource';
import { didYouMean } from '../model/suggest';
import { populationSize, readPhases, scenarioGroups, type PersonaLike } from '../assemble/roundSource';
import { checkFeeds } from './feedCheck';
import { checkRound } from './roundCheck';
import { checkReach } from './roundReach';
import { checkConditionValues } from './conditionState';
import { checkLabels } from './labelsCheck';
import { hasPartner } from '../model/matching';
import { checkMatching } from './matchingCheck';
import { membershipMoments } from '../assemble/membership';
import type { Check } from './checkContext';
import { type Obj, type Checker, raw, diag } from './mechanicsChecker';
import { environment, checkExpressions } from './expressionChecks';
import { pushAll } from '../../text/pushAll';

/** Words CEL reads as literals or operators, never as a name after a dot or on its own. */
export const CEL_WORDS = ['true', 'false', 'null', 'in'] as const;

const MEANING: Record<(typeof RESERVED_NAMES)[number], string> = {
  world: "the world's quantities",
  me: 'the acting agent',
  args: "the action's arguments",
  n: 'the number of agents',
  round: 'the round',
  traits: "the acting agent's traits",
  partner: "the agent's partner (`matching:`)",
  matched: "the agent's matched group (`matching:`)",
};

const NO_MECHANICS: Mechanics = { world: [], agents: [], actions: [] };

/**
 * The diagnostics of the mechanics and the declared round of a scenario (none when it declares
 * neither). `personas`: every persona the scenario brings in, for the groups a phase's `who` names
 * (without them, those written in the scenario).
 */
export function checkMechanics(v: Obj, at: Locator, unsure: boolean, personas?: readonly PersonaLike[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    const phases = readPhases(v);
    const m = readMechanics(v, at) ?? (phases ? NO_MECHANICS : undefined);
    if (!m) return out;
    const size = populationSize(v, personas);
    const groups = scenarioGroups(v, personas);
    const c: Checker = { m, v, at, unsure, out, phases, groups, ...(size > 0 ? { agentCount: size } : {}) };
    const moments = membershipMoments(v, personas);
    checkNames(c);
    checkBounds(c);
    checkLabels(c);
    checkArgConditions(c);
    checkConditionValues(c);
    // "Not defined" checks wait until the scenario reads cleanly (see checks/runChecks.ts).
    if (!unsure) for (const a of m.actions) checkTargets(c, a);
    if (!unsure) checkFitness(c);
    checkFeeds(c);
    checkMatching({ ...c, moments });
    if (phases) {
      const round = { ...c, phases, groups };
      checkRound(round);
      checkReach(round, size);
    }
    checkExpressions(c);
  } catch {
    // A check must never stop validation: what was found so far is reported.
  }
  return out;
}

/** `generations.fitness` names an agent quantity (SOC062). */
function checkFitness(c: Checker): void {
  const g = c.v.generations as Obj | undefined;
  if (!g || typeof g.fitness !== 'string') return;
  const names = c.m.agents.map((q) => q.name);
  if (names.includes(g.fitness)) return;
  const meant = didYouMean(g.fitness, names);
  diag(
    c,
    'SOC062',
    'error',
    names.length
      ? `Unknown agent quantity '${g.fitness}' for generations.fitness${meant ? `. Did you mean '${meant}'?` : ''} (defined: ${names.join(', ')})`
      : `generations.fitness needs an agent quantity to rank agents by: declare it under state.agents`,
    c.at.valueRange(['generations', 'fitness']),
  );
}

/** Names built-in object properties take, or CEL keywords, or (agent arguments) the expression namespaces. */
function checkNames(c: Checker): void {
  const reservedId = (id: string): boolean => id === '__proto__' || id in Object.prototype;
  const builtIn = (what: string, name: string, path: PathSegment[]): void => {
    if (reservedId(name)) {
      diag(
        c,
        'SOC023',
        'error',
        `${what} '${name}' is reserved (a built-in property name): choose another name`,
        c.at.keyRange(path),
      );
    } else if ((CEL_WORDS as readonly string[]).includes(name)) {
      diag(
        c,
        'SOC023',
        'error',
        `${what} '${name}' is a word of the expression language: expressions could not read it. Choose another name`,
        c.at.keyRange(path),
      );
    }
  };
  for (const side of ['world', 'agents'] as const) {
    for (const q of side === 'world' ? c.m.world : c.m.agents) {
      builtIn('Quantity name', q.name, ['state', side, q.name]);
    }
  }
  for (const a of c.m.actions) {
    builtIn('Action name', a.name, ['actions', a.name]);
    for (const arg of a.args) {
      const path = ['actions', a.name, 'args', arg.name];
      const reserved = (RESERVED_NAMES as readonly string[]).includes(arg.name);
      if (arg.type === 'agent' && reserved) {
        const meaning = MEANING[arg.name as keyof typeof MEANING];
        diag(
          c,
          'SOC023',
          'error',
          `Agent argument '${arg.name}' of action '${a.name}' has a reserved name: expressions read '${arg.name}' as ${meaning}. Choose another name, e.g. '${arg.name}_agent'`,
          c.at.keyRange(path),
        );
      } else if (reservedId(arg.name) || (CEL_WORDS as readonly string[]).includes(arg.name)) {
        builtIn('Argument name', arg.name, path);
      } else if (arg.type === 'agent' && !declarable(arg.name)) {
        diag(
          c,
          'SOC023',
          'error',
          `Agent argument '${arg.name}' of action '${a.name}' has a name the expression language keeps for itself: choose another name`,
          c.at.keyRange(path),
        );
      }
    }
  }
}

/** Names the expression language lets an agent argument take (cached: building an environment costs). */
const DECLARABLE = new Map<string, boolean>();
function declarable(name: string): boolean {
  if (!DECLARABLE.has(name)) {
    if (DECLARABLE.size > 1000) DECLARABLE.clear();
    const action: Action = { name: 'a', description: '', args: [{ name, type: 'agent' }], effects: [] };
    DECLARABLE.set(name, !!environment({ world: [], agents: [], actions: [] }, { kind: 'action', action }));
  }
  return DECLARABLE.get(name)!;
}

/** min > max, an initial value outside its bounds, a whole-number argument with no whole number to choose (SOC063). */
function checkBounds(c: Checker): void {
  const { at } = c;
  for (const side of ['world', 'agents'] as const) {
    for (const q of side === 'world' ? c.m.world : c.m.agents) {
      // A categorical quantity's bounds follow from its labels: checkLabels (SOC079) tells those.
      if (q.labels?.length) continue;
      const path = ['state', side, q.name];
      const what = `${side === 'world' ? 'World' : 'Agent'} quantity '${q.name}'`;
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
        diag(c, 'SOC063', 'error', `${what} has min ${q.min} > max ${q.max}`, at.valueRange([...path, 'min']));
        continue;
      }
      const written = raw(c.v, [...path, 'initial']) !== undefined;
      const initial = `${what} starts at ${q.initial}${written ? '' : ' (the default: set `initial`)'}`;
      const range = written ? at.valueRange([...path, 'initial']) : at.keyRange(path);
      if (q.min !== undefined && q.initial < q.min) {
        diag(c, 'SOC063', 'error', `${initial}, below its min ${q.min}`, range);
      }
      if (q.max !== undefined && q.initial > q.max) {
        diag(c, 'SOC063', 'error', `${initial}, above its max ${q.max}`, range);
      }
    }
  }
  for (const a of c.m.actions) {
    for (const arg of a.args) {
      const why = argWithoutValue(arg);
      if (!why) continue;
      const path = ['actions', a.name, 'args', arg.name];
      const what = `Argument '${arg.name}' of action '${a.name}'`;
      const minWritten = raw(c.v, [...path, 'min']) !== undefined;
      const maxWritten = raw(c.v, [...path, 'max']) !== undefined;
      if (constantBound(arg, 'min')! > constantBound(arg, 'max')!) {
        const note = !maxWritten ? ' (the default: set `max`)' : !minWritten ? ' (the default of min: set `min`)' : '';
        const range = minWritten ? at.valueRange([...path, 'min']) : at.valueRange([...path, 'max']);
        diag(c, 'SOC063', 'error', `${what} ${why}${note}`, range);
      } else diag(c, 'SOC063', 'error', `${what} ${why}`, at.keyRange(path));
    }
  }
  checkConditionArgBounds(c);
}

/** The argument fields a condition may set that decide whether a value is left (`actions.A.args.X.<field>`). */
const RANGE_FIELDS = ['min', 'max', 'integer'];

/**
 * Each experiment condition that sets an argument's bounds, with the argument as it leaves it: its
 * bounds must leave a value (SOC063 at what the condition wrote), as the scenario's own must.
 */
function checkConditionArgBounds(c: Checker): void {
  const experiment = isObj(c.v.experiment) ? c.v.experiment : {};
  const conditions = Array.isArray(experiment.conditions) ? experiment.conditions : [];
  conditions.forEach((cond: unknown, i: number) => {
    const set = isObj(cond) && isObj(cond.set) ? cond.set : undefined;
    if (!set) return;
    const name = isObj(cond) && typeof cond.name === 'string' ? `'${cond.name}'` : `#${i + 1}`;
    for (const a of c.m.actions) {
      for (const arg of a.args) {
        const prefix = `actions.${a.name}.args.${arg.name}.`;
        const keys = RANGE_FIELDS.map((f) => prefix + f).filter((k) => Object.hasOwn(set, k));
        if (!keys.length) continue;
        const why = argWithoutValue(withBoundsSet(arg, keys, set, prefix));
        if (!why) continue;
        const key = keys.find((k) => !k.endsWith('.integer')) ?? keys[0];
        diag(
          c,
          'SOC063',
          'error',
          `Argument '${arg.name}' of action '${a.name}' in condition ${name} ${why}`,
          c.at.valueRange(['experiment', 'conditions', i, 'set', key]),
        );
      }
    }
  });
}

/** `arg` with the bounds a condition sets (a number, or text: an expression), as the run reads them. */
function withBoundsSet(arg: ActionArg, keys: readonly string[], set: Obj, prefix: string): ActionArg {
  const out: ActionArg = { ...arg };
  for (const key of keys) {
    const field = key.slice(prefix.length);
    const value = set[key];
    if (field === 'integer') {
      if (typeof value === 'boolean') out.integer = value;
      continue;
    }
    const side = field as 'min' | 'max';
    const expression = side === 'min' ? 'minExpression' : 'maxExpression';
    if (typeof value === 'number') {
      out[side] = value;
      delete out[expression];
    } else if (typeof value === 'string') {
      out[expression] = value;
      delete out[side];
    }
  }
  return out;
}

/** The part of an effect target (`world` or `fish` of `world.fish`) as written in its key, or the whole key. */
function targetPart(at: Locator, path: PathSegment[], target: string, part: 0 | 1): Range {
  const key = at.keyRange(path);
  const lines = at.file.lines;
  const from = lines.offsetAt(key.start);
  if (lines.text.slice(from, lines.offsetAt(key.end)) !== target) return key;
  const dot = target.indexOf('.');
  return part === 0 ? lines.range(from, from + dot) : lines.range(from + dot + 1, from + target.length);
}

/** `world.<q>`, `me.<q>`, `<agent arg>.<q>`: what exists, and what was meant (SOC062). */
function checkTargets(c: Checker, a: Action): void {
  const agentArgs = a.args.filter((x) => x.type === 'agent').map((x) => x.name);
  for (const e of a.effects) {
    const match = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(e.target);
    if (!match) continue; // the schema reports the shape
    const [, ns, q] = match;
    const path = ['actions', a.name, 'effects', e.target];
    const report = (message: string, part: 0 | 1, suggestion?: string, known = ''): void => {
      const range = targetPart(c.at, path, e.target, part);
      const fixes = suggestion
        ? [{ title: `Change to '${suggestion}'`, file: c.at.file.file, range, newText: suggestion }]
        : [];
      const dym = suggestion ? `. Did you mean '${suggestion}'?` : '';
      diag(c, 'SOC062', 'error', `${message}${dym}${known}`, range, fixes);
    };
    const partner = ns === 'partner' && hasPartner(c.m.matching);
    if (ns === 'partner' && !partner) {
      const why = c.m.matching
        ? `groups have ${c.m.matching.size} members (\`matching.size\`): only pairs have a partner`
        : 'the scenario declares no `matching:` (who plays with whom)';
      report(`Effect of action '${a.name}' on '${e.target}': ${why}`, 0);
      continue;
    }
    if (ns === 'world' || ns === 'me' || partner || agentArgs.includes(ns)) {
      const side = ns === 'world' ? 'world' : 'agent';
      const names = (ns === 'world' ? c.m.world : c.m.agents).map((x) => x.name);
      if (names.includes(q)) continue;
      const declared = names.length
        ? `${side} quantities: ${names.join(', ')}`
        : `none declared in \`state.${ns === 'world' ? 'world' : 'agents'}\``;
      report(
        `Effect of action '${a.name}' on unknown ${side} quantity '${q}'`,
        1,
        didYouMean(q, names),
        ` (${declared})`,
      );
      continue;
    }
    const arg = a.args.find((x) => x.name === ns);
    const choices = ['world', 'me', ...(hasPartner(c.m.matching) ? ['partner'] : []), ...agentArgs];
    const rule = `an effect changes world.<quantity>, me.<quantity>${hasPartner(c.m.matching) ? ', partner.<quantity>' : ''} or <agent argument>.<quantity>`;
    if (arg) report(`'${ns}' is a number argument of action '${a.name}', not an agent: ${rule}`, 0);
    else if ((RESERVED_NAMES as readonly string[]).includes(ns)) report(`'${ns}' cannot be changed: ${rule}`, 0);
    else {
      const args = agentArgs.length
        ? `agent arguments of '${a.name}': ${agentArgs.join(', ')}`
        : `'${a.name}' has no agent argument`;
      report(`Unknown '${ns}' in effect target '${e.target}'`, 0, didYouMean(ns, choices), `: ${rule} (${args})`);
    }
  }
}

/** The entry of the CHECKS table. */
export const mechanicsCheck: Check = (ctx) => {
  pushAll(ctx.out, checkMechanics(ctx.v, ctx.at, ctx.unsure, ctx.personas));
};
