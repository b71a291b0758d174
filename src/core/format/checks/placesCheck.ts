// Checks of places and daily plans (issue 44 point 7): every place a plan, an overflow, a room or
// a move names is declared (SOC091, did-you-mean), every part of the day a plan names is one of
// `day:` (SOC092), plans, rooms at a place and moves need `places:` (SOC093), a capacity holds
// someone (SOC094), an overflow chain ends (SOC095), parts of the day are distinct (SOC096), a
// move's `args.<a>` is a place argument of its action (SOC097), and an overflow on a place with
// no capacity is never used (SOC098, a warning).
import type { Diagnostic } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import type { PathSegment } from '../syntax/parse';
import { report, unknownName, type Report } from './mechanicsReport';
import type { StartSite } from './startStateCheck';
import { WHOLE_DAY } from '../model/places';
import type { Check } from './checkContext';
import { type Obj, isObj } from './checkKit';
import { pushAll } from '../../text/pushAll';

interface Ctx {
  r: Report;
  places: string[];
  parts: string[];
  declared: boolean;
}

/** Diagnostics of the scenario's places, day, plans, rooms at places and moves. */
export function checkPlaces(v: Obj, at: Locator, personas: readonly StartSite[], unsure: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const r: Report = { v, at, m: { world: [], agents: [], actions: [] }, unsure, out };
  try {
    const declared = isObj(v.places) && Object.keys(v.places).length > 0;
    const places = declared ? Object.keys(v.places as Obj) : [];
    const parts = Array.isArray(v.day) ? v.day.map(String) : declared ? [WHOLE_DAY] : [];
    const c: Ctx = { r, places, parts, declared };
    if (Array.isArray(v.day)) checkDay(c, v.day, at);
    if (declared) checkPlaceSet(c, v.places as Obj);
    if (isObj(v.plan)) checkPlan(c, v.plan, at, ['plan'], 'the scenario');
    for (const p of personas) {
      if (isObj(p.raw) && isObj(p.raw.plan)) {
        checkPlan(c, p.raw.plan, p.site.at, [...p.site.path, 'plan'], `persona '${String(p.raw.id)}'`);
      }
    }
    (Array.isArray(v.population) ? v.population : []).forEach((g: unknown, i) => {
      if (isObj(g) && isObj(g.plan)) checkPlan(c, g.plan, at, ['population', i, 'plan'], `group '${String(g.group)}'`);
    });
    const rooms = isObj(v.world) && Array.isArray(v.world.rooms) ? v.world.rooms : [];
    rooms.forEach((room: unknown, i) => {
      if (isObj(room) && typeof room.place === 'string') {
        placeRef(c, at, ['world', 'rooms', i, 'place'], room.place, `Room '${String(room.name)}'`);
      }
    });
    if (isObj(v.actions)) for (const [name, a] of Object.entries(v.actions)) if (isObj(a)) checkMove(c, name, a);
  } catch {
    // Like the other semantic checks: a scenario that does not read is reported elsewhere.
  }
  return out;
}

function checkDay(c: Ctx, day: unknown[], at: Locator): void {
  const seen = new Set<string>();
  day.forEach((part, i) => {
    const name = String(part);
    if (seen.has(name)) {
      report(
        c.r,
        'SOC096',
        'error',
        `'${name}' is already a part of the day: each part is named once`,
        at.valueRange(['day', i]),
      );
    }
    seen.add(name);
  });
  if (!c.declared) {
    report(
      c.r,
      'SOC093',
      'error',
      'The scenario has parts of the day but no places: declare `places:`',
      at.keyRange(['day']),
    );
  }
}

function checkPlaceSet(c: Ctx, places: Obj): void {
  const at = c.r.at;
  for (const [id, raw] of Object.entries(places)) {
    if (!isObj(raw)) continue;
    if (typeof raw.capacity === 'number' && raw.capacity < 1) {
      const message = `Place '${id}' holds ${raw.capacity}: a capacity is at least 1 (leave it out for no limit)`;
      report(c.r, 'SOC094', 'error', message, at.valueRange(['places', id, 'capacity']));
    }
    if (typeof raw.overflow !== 'string') continue;
    const path = ['places', id, 'overflow'];
    if (!placeRef(c, at, path, raw.overflow, `The overflow of place '${id}'`)) continue;
    if (raw.capacity === undefined) {
      const message = `Place '${id}' has no capacity, so nobody is ever turned away to '${raw.overflow}': give it a \`capacity\``;
      report(c.r, 'SOC098', 'warning', message, at.keyRange(path));
    }
    const loop = overflowLoop(places, id);
    if (loop) {
      const message = `Place '${id}' overflows in a circle (${loop.join(' → ')}): those turned away would never be placed; end the chain at a place with no overflow`;
      report(c.r, 'SOC095', 'error', message, at.valueRange(path));
    }
  }
}

/** The chain from `id` when it comes back to `id`; undefined when it ends (or loops elsewhere, reported there). */
function overflowLoop(places: Obj, id: string): string[] | undefined {
  const chain = [id];
  let next = (places[id] as Obj).overflow;
  while (typeof next === 'string' && isObj(places[next])) {
    chain.push(next);
    if (next === id) return chain;
    if (chain.length > Object.keys(places).length + 1) return undefined;
    next = (places[next] as Obj).overflow;
  }
  return undefined;
}

function checkPlan(c: Ctx, plan: Obj, at: Locator, path: PathSegment[], who: string): void {
  if (!c.declared) {
    report(
      c.r,
      'SOC093',
      'error',
      `The plan of ${who} needs places, but the scenario declares none: declare \`places:\``,
      at.keyRange(path),
    );
    return;
  }
  for (const [part, place] of Object.entries(plan)) {
    if (!c.parts.includes(part) && !c.r.unsure) {
      unknownName({ ...c.r, at }, 'SOC092', at.keyRange([...path, part]), part, c.parts, {
        unknown: `The plan of ${who} names '${part}', which is no part of the day`,
        kind: 'parts of the day',
        none: 'declare the parts under `day:`',
      });
    }
    if (typeof place === 'string') placeRef(c, at, [...path, part], place, `The plan of ${who} for '${part}'`);
  }
}

/** Whether `place` is declared; reports it (SOC091, or SOC093 without places) when not. */
function placeRef(c: Ctx, at: Locator, path: PathSegment[], place: string, who: string): boolean {
  if (c.places.includes(place)) return true;
  if (c.r.unsure) return false;
  if (!c.declared) {
    report(
      c.r,
      'SOC093',
      'error',
      `${who} names place '${place}', but the scenario declares no places: declare \`places:\``,
      at.valueRange(path),
    );
    return false;
  }
  unknownName({ ...c.r, at }, 'SOC091', at.valueRange(path), place, c.places, {
    unknown: `${who} names unknown place '${place}'`,
    kind: 'places',
    none: 'declare it under `places:`',
  });
  return false;
}

function checkMove(c: Ctx, action: string, a: Obj): void {
  const args = isObj(a.args) ? a.args : {};
  const placeArgs = Object.entries(args)
    .filter(([, x]) => isObj(x) && x.type === 'place')
    .map(([n]) => n);
  if (placeArgs.length && !c.declared && !c.r.unsure) {
    const message = `Action '${action}' has a place argument, but the scenario declares no places: declare \`places:\``;
    report(c.r, 'SOC093', 'error', message, c.r.at.keyRange(['actions', action, 'args', placeArgs[0]]));
  }
  if (a.move === undefined) return;
  const path: PathSegment[] = isObj(a.move) ? ['actions', action, 'move', 'to'] : ['actions', action, 'move'];
  const to = isObj(a.move) ? a.move.to : a.move;
  if (typeof to !== 'string') return;
  if (!to.startsWith('args.')) {
    placeRef(c, c.r.at, path, to, `The move of action '${action}'`);
    return;
  }
  const arg = to.slice(5);
  if (placeArgs.includes(arg) || c.r.unsure) return;
  const range = c.r.at.valueRange(path);
  const kind = isObj(args[arg])
    ? `'${arg}' is ${String((args[arg] as Obj).type ?? 'number')} argument, not a place`
    : undefined;
  if (kind) {
    report(c.r, 'SOC097', 'error', `Action '${action}' moves to ${to}, but ${kind}: give it \`type: place\``, range);
    return;
  }
  unknownName(c.r, 'SOC097', range, arg, placeArgs, {
    unknown: `Action '${action}' moves to unknown place argument '${arg}'`,
    kind: 'its place arguments',
    none: "declare one under the action's `args:` with `type: place`",
  });
}

/** The entry of the CHECKS table. */
export const placesCheck: Check = (ctx) => {
  pushAll(ctx.out, checkPlaces(ctx.v, ctx.at, ctx.personas, ctx.unsure));
};
