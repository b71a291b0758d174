// What a problem the expression checker found means in a scenario's terms (SOC061): an unknown key
// is an unknown world quantity, agent quantity, trait or argument, named with those that exist; an
// unknown name is often a quantity written without `world.` or `me.`, or something the scope cannot
// read (a world update reads no agent, a `when` no argument).
import type { Mechanics } from '../model/mechanics';
import { TRAIT_NAMES } from '../model/model';
import {
  ACTOR_FIELDS,
  candidateFields,
  placeFields,
  POST_FIELDS,
  knowsSchema,
  type ExpressionProblem,
  type Scope,
} from '../expressions/expressions';
import type { ExpressionSite } from '../assemble/mechanicsSource';
import { didYouMean } from '../model/suggest';
import { AGENT_FIELDS, agentVariables } from '../expressions/aggregates';
import { hasPartner } from '../model/matching';
import { pushAll } from '../../text/pushAll';

/** A problem as the user reads it; `suggestion` (ExpressionProblem's) is the name or operator probably meant. */
export type ExplainedProblem = ExpressionProblem;

const sentence = (s: string): string => s[0].toUpperCase() + s.slice(1);

/** The names an expression in `scope` may read, and the agent arguments among them. */
export function scopeNames(scope: Scope, m?: Mechanics): string[] {
  const names = ['world', 'n', 'round', 'agents'];
  if (scope.kind === 'world') return names;
  names.push('me', 'traits');
  // With `matching:`, the agent's group, and in pairs its partner.
  if (m?.matching) pushAll(names, [...(hasPartner(m.matching) ? ['partner'] : []), 'matched']);
  if (scope.kind === 'action') {
    pushAll(names, ['args', ...scope.action.args.filter((a) => a.type !== 'number').map((a) => a.name)]);
  }
  if (scope.kind === 'candidate') names.push(scope.arg.name);
  return names;
}

/** What the members of a namespace are called, and which there are; undefined for no namespace of the scope. */
export function namespaceMembers(
  ns: string,
  scope: Scope,
  m: Mechanics,
): { what: string; names: string[]; declared: string; of?: string } | undefined {
  if (!scopeNames(scope, m).includes(ns)) return undefined;
  if (ns === 'world') return { what: 'world quantity', names: m.world.map((q) => q.name), declared: '`state.world`' };
  if (ns === 'traits') return { what: 'trait', names: [...TRAIT_NAMES], declared: 'the Big Five' };
  if (ns === 'args' && scope.kind === 'action') {
    const names = scope.action.args.map((a) => a.name);
    return { what: 'argument', names, declared: '`args`', of: ` of action '${scope.action.name}'` };
  }
  if (ns === 'n' || ns === 'round' || ns === 'agents' || ns === 'matched') return undefined;
  if (scope.kind === 'candidate') {
    // The candidate is an agent (its quantities too), a post or a place; `me` is always the actor.
    const agent = ns === 'me' || scope.arg.type === 'agent';
    const fields = ns === 'me' ? ACTOR_FIELDS : candidateFields(scope.arg);
    const quantities = agent ? m.agents.map((q) => q.name) : [];
    const own = agent ? { ...placeFields(m), ...knowsSchema(m) } : {};
    const names = [...new Set([...quantities, ...Object.keys(fields), ...Object.keys(own)])];
    const what = agent ? 'agent field' : `${scope.arg.type} field`;
    return { what, names, declared: agent ? '`state.agents`' : scope.arg.type === 'place' ? '`places`' : 'posts' };
  }
  if (scope.kind === 'action' && scope.action.args.some((a) => a.name === ns && a.type === 'post')) {
    return { what: 'post field', names: [...POST_FIELDS], declared: 'posts', of: ` of post argument '${ns}'` };
  }
  return {
    what: 'agent quantity',
    names: [...m.agents.map((q) => q.name), ...Object.keys(placeFields(m)), ...Object.keys(knowsSchema(m))],
    declared: '`state.agents`',
  };
}

/** The members of `a` in `agents.map(a, …)`: an agent's quantities, id and group. */
export function rowMembers(m: Mechanics, name: string): ReturnType<typeof namespaceMembers> {
  return {
    what: 'agent quantity',
    names: [
      ...m.agents.map((q) => q.name),
      ...AGENT_FIELDS,
      ...Object.keys(placeFields(m)),
      ...(m.knowledge?.length ? ['knows'] : []),
    ],
    declared: '`state.agents`',
    of: ` of '${name}' (an agent of \`agents\`)`,
  };
}

/** `No such key: fsh` at `world.fsh`: an unknown world quantity, at its name. */
function unknownKey(p: ExpressionProblem, key: string, site: ExpressionSite, m: Mechanics): ExplainedProblem {
  // `ns.key`, or `x.knows.key` (what an agent knows is one level down).
  const written = /^(?:[A-Za-z_]\w*\s*\.\s*(?=knows\b))?([A-Za-z_]\w*)\s*\.\s*([A-Za-z_]\w*)$/.exec(
    site.text.slice(p.start, p.end),
  );
  const members =
    written && written[2] === key
      ? written[1] === 'knows'
        ? { what: 'knowledge item', names: (m.knowledge ?? []).map((k) => k.id), declared: '`knowledge:`' }
        : agentVariables(site.text).has(written[1])
          ? rowMembers(m, written[1])
          : namespaceMembers(written[1], site.scope, m)
      : undefined;
  if (!written || !members) return { ...p, message: `Invalid expression in ${site.what}: ${p.message}` };
  const start = p.end - key.length;
  const suggestion = didYouMean(key, members.names);
  const plural =
    {
      trait: 'traits',
      'post field': 'fields',
      'place field': 'fields',
      'agent field': 'fields',
      'knowledge item': 'items',
    }[members.what] ?? 'defined';
  const known = members.names.length
    ? `${plural}: ${members.names.join(', ')}`
    : `none declared in ${members.declared}`;
  return {
    message: `Unknown ${members.what} '${key}'${members.of ?? ''}${suggestion ? `. Did you mean '${suggestion}'?` : ''} (${known})`,
    start,
    end: p.end,
    ...(suggestion ? { suggestion } : {}),
  };
}

/** `Unknown variable: fish`: a quantity without its namespace, or a name the scope does not read. */
function unknownVariable(p: ExpressionProblem, name: string, site: ExpressionSite, m: Mechanics): ExplainedProblem {
  const scope = site.scope;
  const at = { start: p.start, end: p.end };
  if (m.world.some((q) => q.name === name)) {
    return {
      ...at,
      message: `Unknown name '${name}': a world quantity is read as 'world.${name}'`,
      suggestion: `world.${name}`,
    };
  }
  if (m.agents.some((q) => q.name === name)) {
    if (scope.kind === 'world') {
      return {
        ...at,
        message:
          `'${name}' is an agent quantity: ${site.what} reads only world.<quantity>, n, round and agents ` +
          `(an aggregate, e.g. mean(agents.map(a, a.${name})))`,
      };
    }
    return {
      ...at,
      message: `Unknown name '${name}': an agent quantity is read as 'me.${name}'`,
      suggestion: `me.${name}`,
    };
  }
  if (scope.kind === 'world' && (name === 'me' || name === 'traits')) {
    return {
      ...at,
      message: `${sentence(site.what)} cannot read '${name}': ${site.path[0] === 'round' ? "a phase's `when`" : "a world quantity's update"} reads only world.<quantity>, n, round and agents`,
    };
  }
  const match = matchProblem(name, scope, m);
  if (match) return { ...at, message: `${sentence(site.what)} cannot read '${name}': ${match}` };
  const isArg = name === 'args' || m.actions.some((a) => a.args.some((x) => x.name === name));
  if (scope.kind === 'agent' && isArg) {
    const why =
      site.path[0] === 'actions'
        ? 'a `when` is checked before the arguments are chosen'
        : "an agent quantity's update belongs to no action";
    return { ...at, message: `${sentence(site.what)} cannot read '${name}': ${why}` };
  }
  const names = scopeNames(scope, m);
  const suggestion = didYouMean(name, names);
  return {
    ...at,
    message: `Unknown name '${name}'${suggestion ? `. Did you mean '${suggestion}'?` : ''} (${site.what} reads: ${names.join(', ')})`,
    ...(suggestion ? { suggestion } : {}),
  };
}

/** Why `partner` or `matched` cannot be read here (no matching, groups larger than pairs, a world expression), if it is one of them. */
function matchProblem(name: string, scope: Scope, m: Mechanics): string | undefined {
  if (name !== 'partner' && name !== 'matched') return undefined;
  if (!m.matching) {
    return 'the scenario declares no `matching:` (who plays with whom), e.g. `matching: { design: partner, size: 2 }`';
  }
  if (scope.kind === 'world') return 'it is read by an agent (a `when`, an effect, an argument, an agent update)';
  if (name === 'partner') {
    return `groups have ${m.matching.size} members (\`matching.size\`): only pairs have a partner; read the group as \`matched\` (e.g. \`sum(matched.map(a, a.x))\`)`;
  }
  return undefined;
}

/** The problem in words of the scenario, at the sub-expression it is about. */
export function explainProblem(p: ExpressionProblem, site: ExpressionSite, m: Mechanics): ExplainedProblem {
  if (!site.text.trim()) {
    const example =
      site.path[0] === 'round'
        ? 'round % 5 == 0'
        : site.wanted === 'bool'
          ? 'world.fish > 0.0'
          : site.path[0] === 'state'
            ? 'world.fish * 1.1'
            : 'me.catch + 1.0';
    return { ...p, message: `${sentence(site.what)} is empty: write an expression, e.g. \`${example}\`` };
  }
  const key = /^No such key: ([A-Za-z_]\w*)$/.exec(p.message);
  if (key) return unknownKey(p, key[1], site, m);
  const variable = /^Unknown variable: ([A-Za-z_]\w*)$/.exec(p.message);
  if (variable) return unknownVariable(p, variable[1], site, m);
  const predicate = /^(\w+)\(var, predicate\) predicate must return bool, got '(\w+)'$/.exec(p.message);
  if (predicate) {
    return {
      ...p,
      message: `${sentence(site.what)}: the condition of \`${predicate[1]}\` gives ${predicate[2]}, where a condition (bool) is needed`,
    };
  }
  if (p.message.startsWith('gives ') || p.code === 'SOC075') {
    return { ...p, message: `${sentence(site.what)} ${p.message}` };
  }
  return { ...p, message: `Invalid expression in ${site.what}: ${p.message}` };
}
