// Checks of what the phases of a declared round (issue 34, `round:`) name: a phase's `actions` are
// declared actions (SOC066; by group: SOC082 for the group, SOC083 for the action), its `who` population groups (SOC067), its `reads` feeds (SOC068); no
// two phases share a name, and a built-in stage takes only `when` (SOC071).
import type { Range } from '../model/model';
import {
  ACT_FIELDS,
  BUILTIN_MEANING,
  actionItems,
  phaseLabel,
  stringItems,
  type PhaseEntry,
} from '../assemble/roundSource';
import { report, unknownName, type Report } from './mechanicsReport';

export interface RoundReport extends Report {
  phases: PhaseEntry[];
  /** Groups `who` may name, with how many agents each has. */
  groups: Map<string, number>;
}

const keysOf = (v: unknown): string[] => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);

export function checkRound(r: RoundReport): void {
  checkPhaseNames(r);
  for (const p of r.phases) {
    if (p.builtin) builtinFields(r, p);
    else if (!r.unsure) phaseReferences(r, p);
  }
}

/** Two phases of the same name: the trace, the debugger and reports could not tell them apart (SOC071). */
function checkPhaseNames(r: RoundReport): void {
  const first = new Map<string, PhaseEntry>();
  for (const p of r.phases) {
    if (p.name === undefined) continue;
    const earlier = first.get(p.name);
    if (!earlier) {
      first.set(p.name, p);
      continue;
    }
    const line = r.at.valueRange(earlier.namePath).start.line + 1;
    report(
      r,
      'SOC071',
      'error',
      `Phase '${p.name}' is in \`round\` twice (first at line ${line}): every phase needs a name of its own, which the trace, the debugger and reports know it by`,
      r.at.valueRange(p.namePath),
    );
  }
}

/** `actions`, `order`, `who` or `reads` on a built-in stage, which takes only `when` (SOC071). */
function builtinFields(r: RoundReport, p: PhaseEntry): void {
  const name = p.name as keyof typeof BUILTIN_MEANING;
  for (const field of ACT_FIELDS) {
    if (!(field in p.fields)) continue;
    report(
      r,
      'SOC071',
      'error',
      `'${name}' is a built-in phase (${BUILTIN_MEANING[name]}): it takes only \`when\`, not \`${field}\`. For agents taking actions, give a phase a name of its own (\`phase: act\`)`,
      r.at.keyRange(['round', p.index, field]),
    );
  }
}

/** The actions, groups and feeds a phase of actions names (SOC066, SOC067, SOC068). */
function phaseReferences(r: RoundReport, p: PhaseEntry): void {
  const label = phaseLabel(p);
  const at = (field: string, index: number): Range => r.at.valueRange(['round', p.index, field, index]);
  const actions = keysOf(r.v.actions);
  for (const { value, at: where, group } of actionItems(p.fields.actions)) {
    if (actions.includes(value)) continue;
    unknownName(
      r,
      group === undefined ? 'SOC066' : 'SOC083',
      r.at.valueRange(['round', p.index, 'actions', ...where]),
      value,
      actions,
      {
        unknown: `Unknown action '${value}' in phase '${label}'${group === undefined ? '' : ` for group '${group}'`}`,
        kind: 'actions',
        none: 'the scenario declares no actions: declare it under `actions:`',
      },
    );
  }
  const groups = [...r.groups.keys()];
  for (const group of keysOf(p.fields.actions)) {
    if (r.groups.has(group)) continue;
    unknownName(r, 'SOC082', r.at.keyRange(['round', p.index, 'actions', group]), group, groups, {
      unknown: `Unknown group '${group}' in the \`actions\` of phase '${label}'`,
      kind: 'groups',
      none: 'no population group or persona has a `group`',
    });
  }
  for (const { value, index } of stringItems(p.fields.who)) {
    if (r.groups.has(value)) continue;
    unknownName(r, 'SOC067', at('who', index), value, groups, {
      unknown: `Unknown group '${value}' in \`who\` of phase '${label}'`,
      kind: 'groups',
      none: 'no population group or persona has a `group`',
    });
  }
  const feeds = keysOf(r.v.feeds);
  for (const { value, index } of stringItems(p.fields.reads)) {
    if (feeds.includes(value)) continue;
    unknownName(r, 'SOC068', at('reads', index), value, feeds, {
      unknown: `Unknown feed '${value}' in \`reads\` of phase '${label}'`,
      kind: 'feeds',
      none: 'the scenario declares no feeds: declare it under `feeds:`',
    });
  }
}
