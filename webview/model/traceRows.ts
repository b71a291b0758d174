// The conversation trace as table rows: every message, what it taught (knowledge), evaluation, advice and declared action of a run, the
import { describeEdit } from '../../src/core/trace/edits';
// researcher's interventions (debug-console interviews) and every recorded failure, and the
// filter that narrows them (agent, rounds, kinds, search). Pure functions, so the view can
// refilter 100,000 rows on every keystroke and tests can check the semantics in Node.
import { recordsVerb, type TraceEvent } from '../../src/core/trace/events';
import type { TraceFilter, TraceRowKind } from '../../src/core/protocol/viewMessages';
import { isolated } from '../../src/core/text/isolated';
import { quantityOf, type NameLookup } from '../../src/core/text/personNames';
import type { ChangeLabel } from './changeLabels';

export interface TraceRow {
  /** Position of the event in the trace. */
  index: number;
  round: number;
  kind: TraceRowKind;
  /** Speaker, rater, or advised agent. */
  from: string;
  /** Addressee, rated agent, or the partner the coach suggested. */
  to?: string;
  /** Other agents the row names (a second agent argument, another agent whose quantity changed). */
  also?: string[];
  /** Dialogue act, rating, or driver and action. */
  detail: string;
  text: string;
}

/** A place's label by its id (the header's `places`), undefined for anything else. */
export type PlaceLookup = (id: string) => string | undefined;
/** A survey item's text by instrument and item id (the header's `instruments`). */
export type ItemLookup = (instrument: string, item: string) => string | undefined;

/**
 * The row of an event, or undefined for events the trace table does not list. `nameOf` gives the
 * persona names an action's text uses for the agents it names (`Abigail Chen's place`, not
 * `t14.place`); the row keeps the ids (`from`, `to`, `also`) for the filter and the search.
 * `label` names the values of categorical quantities in an action's changes; `placeOf` the
 * places an action's arguments name (`where Hobbs Cafe`, never a place id as its other party).
 */
export function rowOf(
  e: TraceEvent,
  index: number,
  nameOf: NameLookup = () => undefined,
  label?: ChangeLabel,
  placeOf: PlaceLookup = () => undefined,
  itemOf: ItemLookup = () => undefined,
): TraceRow | undefined {
  if (e.type === 'survey') return surveyRow(e, index, itemOf);
  if (e.type === 'match') return matchRows(e, index, nameOf)[0];
  switch (e.type) {
    case 'message':
      return {
        index,
        round: e.round,
        kind: 'message',
        from: e.from,
        to: e.to,
        detail: [e.act, e.topic, e.tells && `tells ${e.tells.join(', ')}`, e.doubts && `doubts ${e.doubts.join(', ')}`]
          .filter(Boolean)
          .join(' · '),
        text: e.text,
      };
    case 'learned':
      return learnedRow(e, index, nameOf);
    case 'evaluation':
      return {
        index,
        round: e.round,
        kind: 'evaluation',
        from: e.from,
        to: e.to,
        detail: `rating ${e.rating.toFixed(2)}`,
        text: e.text,
      };
    case 'advice':
      return {
        index,
        round: e.round,
        kind: 'advice',
        from: e.agent,
        to: e.partner,
        detail: `${e.driver} · ${e.action}`,
        text: e.text,
      };
    case 'action':
      return actionRow(e, index, nameOf, label, placeOf);
    case 'intervention':
      return e.kind === 'edit'
        ? {
            index,
            round: e.round,
            kind: 'intervention',
            from: '',
            detail: 'branch edits',
            text: e.edits.map(describeEdit).join('\n'),
          }
        : {
            index,
            round: e.round,
            kind: 'intervention',
            from: e.agent,
            detail: e.kind,
            text: `Q: ${e.question}\nA: ${e.answer}`,
          };
    case 'error':
      return {
        index,
        round: e.round,
        kind: 'error',
        from: e.agent ?? '',
        detail: [e.phase, e.kind, e.handling].filter(Boolean).join(' · '),
        text: e.reason ? `${e.reason}: ${e.message}` : e.message,
      };
    default:
      return undefined;
  }
}

/**
 * Who was matched with whom (`matching:`): one row per group, its first member the row's agent and
 * the others its other parties, so filtering by an agent finds its partner of every round.
 */
export function matchRows(
  e: Extract<TraceEvent, { type: 'match' }>,
  index: number,
  nameOf: NameLookup = () => undefined,
): TraceRow[] {
  return e.groups.map((g) => ({
    index,
    round: e.round,
    kind: 'match' as const,
    from: g[0],
    ...(g.length > 1 ? { to: g[1] } : {}),
    ...(g.length > 2 ? { also: g.slice(2) } : {}),
    detail: `${e.design === 'stranger' ? 'strangers' : 'partners'} · ${g.length === 2 ? 'pair' : `group of ${g.length}`}`,
    text: `${g.map((id) => nameOf(id) ?? id).join(' with ')}${e.unmatched?.length ? ` (unmatched this round: ${e.unmatched.length})` : ''}`,
  }));
}

/** A declared action: its arguments (agents and places by name), its changes, what it posted. */
function actionRow(
  e: Extract<TraceEvent, { type: 'action' }>,
  index: number,
  nameOf: NameLookup,
  label: ChangeLabel | undefined,
  placeOf: PlaceLookup,
): TraceRow {
  // The row's other party: whom a platform verb was about (a post's author, the one followed),
  // else the agent an argument names (a sanction's target, a gift's recipient).
  const place = (v: string): string | undefined => (nameOf(v) === undefined ? placeOf(v) : undefined);
  const other =
    e.toward ??
    Object.values(e.args).find(
      (v): v is string => typeof v === 'string' && v !== e.agent && !e.post && place(v) === undefined,
    );
  const args = Object.entries(e.args).map(
    ([k, v]) => `${k} ${typeof v === 'number' ? round2(v) : (personIn(e, v, nameOf) ?? place(v) ?? v)}`,
  );
  const value = (k: string, v: number) => label?.(k, v) ?? round2(v);
  const changes = Object.entries(e.changes).map(
    ([k, [b, a]]) => `${quantityOf(k, nameOf)} ${value(k, b)} → ${value(k, a)}`,
  );
  const also = othersNamed(e, other, nameOf);
  const phase = e.phase ? `${e.phase}: ` : '';
  const posted = e.post ? `${e.post.id}${e.post.reply_to ? ` ↩ ${e.post.reply_to}` : ''}: ${e.post.text}` : '';
  // An action naming a place may move its agent: its `move` event, next, says where (movedRow).
  const moves = Object.values(e.args).some((v) => typeof v === 'string' && place(v) !== undefined);
  const outcome = posted || (changes.length ? changes.join('; ') : recordsVerb(e) || moves ? '' : 'nothing changed');
  return {
    index,
    round: e.round,
    kind: 'action',
    from: e.agent,
    ...(other && other !== e.agent ? { to: other } : {}),
    ...(also.length ? { also } : {}),
    detail: `${phase}${args.length ? `${e.action} · ${args.join(', ')}` : e.action}`,
    text: [outcome, e.reason].filter(Boolean).join(' — '),
  };
}

/**
 * The row of the action that moved an agent, with where it went first (`went to Hobbs Cafe`), by
 * place label; the row unchanged when it is not that action's.
 */
export function movedRow(row: TraceRow, e: Extract<TraceEvent, { type: 'move' }>, placeOf: PlaceLookup): TraceRow {
  if (row.kind !== 'action' || row.from !== e.agent || row.round !== e.round) return row;
  const at = (id: string | undefined): string => (id === undefined ? 'away' : (placeOf(id) ?? id));
  const went =
    e.wanted === undefined
      ? `went to ${at(e.to)}`
      : e.to === undefined
        ? `${at(e.wanted)} was full: went away`
        : `${at(e.wanted)} was full: went to ${at(e.to)}`;
  return { ...row, text: [went, row.text].filter(Boolean).join(' — ') };
}

/** An item's question as a row shows it: whole up to 48 characters, else cut at a word. */
function question(text: string): string {
  if (text.length <= 48) return text;
  const cut = text.slice(0, 47);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 32))}…`;
}

/**
 * An agent's answers to a survey: the instrument, then each item's answer (– when missing),
 * the item named by its question where the header gives it ("I am the life of the party: 4").
 */
function surveyRow(e: Extract<TraceEvent, { type: 'survey' }>, index: number, itemOf: ItemLookup): TraceRow {
  const text = Object.entries(e.answers)
    .map(([item, answer]) => `${question(itemOf(e.instrument, item) ?? item)}: ${answer ?? '–'}`)
    .join(' · ');
  return { index, round: e.round, kind: 'survey', from: e.agent, detail: e.instrument, text };
}

/** Who learned what from whom: the teller is the row's speaker, the learner its other party. */
function learnedRow(e: Extract<TraceEvent, { type: 'learned' }>, index: number, nameOf: NameLookup): TraceRow {
  const learner = nameOf(e.agent) ?? e.agent;
  return {
    index,
    round: e.round,
    kind: 'learned',
    from: e.from ?? e.agent,
    ...(e.from !== undefined ? { to: e.agent } : {}),
    detail: `${e.item}${e.believed ? '' : ' · doubted'}`,
    text:
      e.from === undefined
        ? `${learner} knows ${e.item} from the start`
        : `${learner} learned ${e.item} from ${nameOf(e.from) ?? e.from}${e.believed ? '' : ', and doubts it'}`,
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Whether an action's string argument is an agent rather than a post: the trace does not record
 * argument types, and post ids (`p3`) may also be agent ids. An action of a platform (a post, a
 * like, a follow) names its agent as `toward`; any other action's string arguments are agents.
 */
function namesAgent(e: Extract<TraceEvent, { type: 'action' }>, v: string): boolean {
  return recordsVerb(e) || e.toward ? v === e.toward || v === e.followed : true;
}

/** The name of the agent an action's argument names (isolated), or undefined for a post or a number. */
function personIn(e: Extract<TraceEvent, { type: 'action' }>, v: string, nameOf: NameLookup): string | undefined {
  const name = namesAgent(e, v) ? nameOf(v) : undefined;
  return name === undefined ? undefined : isolated(name);
}

/** The agents an action names besides its actor and `other`: further agent arguments, owners of changed quantities. */
function othersNamed(
  e: Extract<TraceEvent, { type: 'action' }>,
  other: string | undefined,
  nameOf: NameLookup,
): string[] {
  const ids = new Set<string>();
  for (const v of Object.values(e.args)) {
    if (typeof v === 'string' && personIn(e, v, nameOf) !== undefined) ids.add(v);
  }
  for (const k of Object.keys(e.changes)) {
    const owner = k.slice(0, k.indexOf('.'));
    if (owner !== 'world' && nameOf(owner) !== undefined) ids.add(owner);
  }
  ids.delete(e.agent);
  if (other) ids.delete(other);
  return [...ids];
}

/** The agents a row is about (clicking it selects them). */
export function rowAgents(row: TraceRow): string[] {
  const out = row.to && row.to !== row.from ? [row.from, row.to] : [row.from];
  return row.also ? [...out, ...row.also] : out;
}

/**
 * Indices (into `rows`) of the rows the filter keeps, in trace order. `round` is the round on
 * screen; `nameOf` maps agent ids to persona names so a search for a name finds its rows.
 */
export function filterRows(
  rows: readonly TraceRow[],
  filter: TraceFilter,
  round: number,
  nameOf: (id: string) => string,
): number[] {
  const kinds = new Set(filter.kinds);
  const needle = filter.search.trim().toLowerCase();
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!kinds.has(r.kind)) continue;
    if (filter.rounds === 'current' && r.round !== round) continue;
    if (filter.rounds === 'upto' && r.round > round) continue;
    if (filter.agent && r.from !== filter.agent && r.to !== filter.agent && !r.also?.includes(filter.agent)) continue;
    if (needle && !matches(r, needle, nameOf)) continue;
    out.push(i);
  }
  return out;
}

function matches(r: TraceRow, needle: string, nameOf: (id: string) => string): boolean {
  if (r.text.toLowerCase().includes(needle) || r.detail.toLowerCase().includes(needle)) return true;
  for (const id of rowAgents(r)) {
    if (id.toLowerCase().includes(needle) || nameOf(id).toLowerCase().includes(needle)) return true;
  }
  return false;
}
