// Checks of `instruments:` and `surveys:` (issue 48): a survey's instrument is declared or shipped
// (SOC110), whom it goes to are personas or groups (SOC111), a scale names its instrument's items
// (SOC112), a round after the last is never reached (SOC113, a warning), item ids are unique
// (SOC114), scored items have a numeric answer (SOC115), and a response scale is well formed (SOC116).
import { report, unknownName, type Report } from './mechanicsReport';
import { SHIPPED_INSTRUMENTS } from '../model/instruments';
import type { PathSegment } from '../syntax/parse';
import { groupNames, type CheckContext } from './checkContext';
import { type Obj, isObj, list } from './checkKit';

/** The scenario's instruments and surveys. */
export function surveysCheck(ctx: CheckContext): void {
  const { v, at, unsure, isDefined, ids } = ctx;
  const groups = groupNames(ctx);
  const out = ctx.out;
  if (unsure) return;
  const r: Report = { v, at, m: { world: [], agents: [], actions: [] }, unsure, out };
  const own = isObj(v.instruments) ? v.instruments : {};
  for (const [id, inst] of Object.entries(own)) if (isObj(inst)) checkInstrument(r, id, inst);
  const known = [...Object.keys(own), ...Object.keys(SHIPPED_INSTRUMENTS).filter((n) => !Object.hasOwn(own, n))];
  const rounds = isObj(v.world) && typeof v.world.rounds === 'number' ? v.world.rounds : undefined;
  list(v.surveys).forEach((s, i) => {
    if (!isObj(s)) return;
    if (typeof s.instrument === 'string' && !known.includes(s.instrument)) {
      unknownName(r, 'SOC110', at.valueRange(['surveys', i, 'instrument']), s.instrument, known, {
        unknown: `Unknown instrument '${s.instrument}': declare it under \`instruments:\` or name a shipped one`,
        kind: 'instruments',
        none: 'declare one under `instruments:`',
      });
    }
    list(s.to).forEach((who, k) => {
      if (typeof who !== 'string' || isDefined(who) || groups.includes(who)) return;
      unknownName(r, 'SOC111', at.valueRange(['surveys', i, 'to', k]), who, [...ids, ...groups], {
        unknown: `'${who}' in \`to\` of a survey is neither a persona id nor a population group`,
        kind: 'personas and groups',
        none: 'the scenario has no personas or groups',
      });
    });
    list(s.at).forEach((when, k) => {
      if (typeof when === 'number' && rounds !== undefined && when > rounds) {
        const message = `Round ${when} is after the last round (${rounds}): the survey is never administered then`;
        report(r, 'SOC113', 'warning', message, at.valueRange(['surveys', i, 'at', k]));
      }
    });
  });
  return;
}

function checkInstrument(r: Report, id: string, inst: Obj): void {
  const base: PathSegment[] = ['instruments', id];
  const items = list(inst.items).filter(isObj);
  const seen = new Set<string>();
  const scored = new Set<string>();
  const instrumentScale = isObj(inst.response) ? inst.response : undefined;
  if (instrumentScale) checkResponse(r, instrumentScale, [...base, 'response']);
  list(inst.items).forEach((item, k) => {
    if (!isObj(item) || typeof item.id !== 'string') return;
    if (seen.has(item.id)) {
      report(
        r,
        'SOC114',
        'error',
        `Item '${item.id}' is declared twice in instrument '${id}'`,
        r.at.valueRange([...base, 'items', k, 'id']),
      );
    }
    seen.add(item.id);
    const response = isObj(item.response) ? item.response : instrumentScale;
    if (isObj(item.response)) checkResponse(r, item.response, [...base, 'items', k, 'response']);
    if (!response || response.type === 'likert' || response.type === 'numeric') scored.add(item.id);
  });
  const names = items.map((i) => i.id).filter((x): x is string => typeof x === 'string');
  for (const [scale, s] of Object.entries(isObj(inst.scales) ? inst.scales : {})) {
    if (!isObj(s)) continue;
    const own = list(s.items).filter((x): x is string => typeof x === 'string');
    for (const key of ['items', 'reverse'] as const) {
      list(s[key]).forEach((name, k) => {
        if (typeof name !== 'string') return;
        const range = r.at.valueRange([...base, 'scales', scale, key, k]);
        const pool = key === 'items' ? names : own.filter((n) => names.includes(n));
        if (!pool.includes(name)) {
          unknownName(r, 'SOC112', range, name, pool, {
            unknown: `Scale '${scale}' of '${id}' names '${name}', which is not ${key === 'items' ? 'an item of the instrument' : 'among the scale’s items'}`,
            kind: 'items',
            none: 'the instrument has no items',
          });
        } else if (key === 'items' && !scored.has(name)) {
          const message = `Item '${name}' of scale '${scale}' is answered with a choice or free text: only Likert and numeric items can be scored`;
          report(r, 'SOC115', 'error', message, range);
        }
      });
    }
  }
}

function checkResponse(r: Report, s: Obj, path: PathSegment[]): void {
  if (s.type === 'numeric' && typeof s.min === 'number' && typeof s.max === 'number' && s.min >= s.max) {
    report(
      r,
      'SOC116',
      'error',
      `A numeric response needs min < max (it has min ${s.min}, max ${s.max})`,
      r.at.keyRange(path),
    );
  } else if (s.type === 'numeric' && (typeof s.min !== 'number' || typeof s.max !== 'number')) {
    report(r, 'SOC116', 'error', 'A numeric response needs both `min` and `max`', r.at.keyRange(path));
  } else if (s.type === 'choice' && !Array.isArray(s.options)) {
    report(r, 'SOC116', 'error', 'A choice response needs `options`', r.at.keyRange(path));
  } else if (s.type === 'likert' && Array.isArray(s.anchors)) {
    const points = typeof s.points === 'number' ? s.points : 5;
    if (s.anchors.length !== points) {
      const message = `${s.anchors.length} anchors for a ${points}-point scale: give one anchor per point, lowest first`;
      report(r, 'SOC116', 'error', message, r.at.valueRange([...path, 'anchors']));
    }
  }
}
