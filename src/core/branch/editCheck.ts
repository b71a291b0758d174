// What is wrong with a branch's edits, against the parent's world as it stood when the branch
// begins (replayed from the parent's trace) and the scenario: one sentence per problem, with a
// "did you mean" where a name is close to one that exists. Checked before anything runs.
import { type Scenario, TRAIT_NAMES, didYouMean, applySet } from '../format';
import type { WorldState } from '../replay/replay';
import { PERSONA_TEXT_FIELDS, type WorldEdit } from '../trace/edits';

export function editProblems(edits: readonly WorldEdit[], at: WorldState, scenario: Scenario): string[] {
  const active = [...at.agents.values()].filter((a) => a.active).map((a) => a.id);
  const agent = (id: string): string | undefined => {
    if (active.includes(id)) return undefined;
    // A first name for an id made of names (`zara` for `zara_ahmed`), else the closest spelling.
    const starts = active.filter((a) => a.startsWith(id));
    const meant = starts.length === 1 ? starts[0] : didYouMean(id, active);
    return `no agent '${id}' is in the society then${meant ? ` (did you mean '${meant}'?)` : ''}`;
  };
  const problems: string[] = [];
  for (const e of edits) {
    const p = problemOf(e, at, scenario, agent);
    if (p) problems.push(p);
  }
  return problems;
}

function problemOf(
  e: WorldEdit,
  at: WorldState,
  scenario: Scenario,
  agent: (id: string) => string | undefined,
): string | undefined {
  switch (e.edit) {
    case 'remember':
      return agent(e.agent) ?? (e.text.trim() ? range('importance', e.importance, 1, 10) : 'a memory needs its text');
    case 'forget': {
      const missing = agent(e.agent);
      if (missing) return missing;
      const ids = at.agents.get(e.agent)!.memories.map((m) => m.id);
      return ids.includes(e.memory)
        ? undefined
        : `${e.agent} has no memory #${e.memory} then (it holds ${ids.length ? `#${ids[0]}–#${ids[ids.length - 1]}` : 'none'})`;
    }
    case 'quantity': {
      const declared = (e.agent === undefined ? scenario.mechanics?.world : scenario.mechanics?.agents) ?? [];
      const names = declared.map((q) => q.name);
      if (!names.includes(e.quantity)) {
        const meant = didYouMean(e.quantity, names);
        return `the scenario declares no ${e.agent === undefined ? 'world' : 'agent'} quantity '${e.quantity}'${meant ? ` (did you mean '${meant}'?)` : ''}`;
      }
      return (e.agent !== undefined ? agent(e.agent) : undefined) ?? finite('the value', e.value);
    }
    case 'trait':
      return (
        agent(e.agent) ??
        (TRAIT_NAMES.includes(e.trait)
          ? range(e.trait, e.value, 0, 1)
          : `'${e.trait}' is not a trait (${TRAIT_NAMES.join(', ')})${suggestion(e.trait, TRAIT_NAMES)}`)
      );
    case 'persona':
      return (
        agent(e.agent) ??
        (PERSONA_TEXT_FIELDS.includes(e.field)
          ? undefined
          : `a persona's '${e.field}' cannot be edited (${PERSONA_TEXT_FIELDS.join(', ')})${suggestion(e.field, PERSONA_TEXT_FIELDS)}`)
      );
    case 'tie':
      return (
        agent(e.from) ??
        agent(e.to) ??
        (e.from === e.to ? `a tie needs two agents, not ${e.from} twice` : range('a tie', e.strength, 0, 1))
      );
    case 'setting': {
      if (!e.path.trim()) return 'a setting needs its path (e.g. coaching.enabled)';
      // The engine's own rule on a copy of the settings then: the sentence a timed `set` would get.
      const rejected = applySet(
        structuredClone(at.settings),
        { [e.path]: e.value },
        { models: Object.keys(at.header.models) },
      );
      return rejected.length ? rejected.join('; ') : undefined;
    }
    case 'broadcast':
      return e.text.trim() ? undefined : 'news needs its text';
  }
}

const suggestion = (word: string, names: readonly string[]): string => {
  const meant = didYouMean(word, names);
  return meant ? ` — did you mean '${meant}'?` : '';
};

function finite(what: string, x: number): string | undefined {
  return Number.isFinite(x) ? undefined : `${what} must be a number`;
}

function range(what: string, x: number, lo: number, hi: number): string | undefined {
  return Number.isFinite(x) && x >= lo && x <= hi ? undefined : `${what} must be between ${lo} and ${hi} (${x})`;
}
