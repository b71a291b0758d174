// `instruments:` and `surveys:` of a validated scenario -> the typed surveys (surveys.ts). An
// instrument is the scenario's own or, by name, a shipped one (instruments/index.ts).
import type { Locator } from '../syntax/locate';
import { SHIPPED_INSTRUMENTS } from '../model/instruments';
import { responseOf, type Instrument, type Survey, type SurveyTime } from '../model/surveys';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An instrument's value as written (declared or shipped) -> the typed instrument. */
export function buildInstrument(id: string, raw: Obj): Instrument {
  const response = responseOf(raw.response);
  return {
    id,
    title: raw.title ?? id,
    ...(raw.instructions !== undefined ? { instructions: raw.instructions } : {}),
    ...(raw.citation !== undefined ? { citation: raw.citation } : {}),
    items: ((raw.items ?? []) as Obj[]).map((i) => ({
      id: String(i.id),
      text: String(i.text),
      response: i.response ? responseOf(i.response) : response,
    })),
    scales: Object.entries((raw.scales ?? {}) as Obj).map(([name, s]) => ({
      name,
      items: s.items ?? [],
      reverse: s.reverse ?? [],
      ...(s.measures ? { measures: s.measures } : {}),
    })),
  };
}

/** The instrument called `name`: the scenario's own first, then a shipped one. */
export function instrumentValue(v: Obj, name: string): Obj | undefined {
  const own = v.instruments && typeof v.instruments === 'object' ? (v.instruments as Obj) : {};
  if (Object.hasOwn(own, name)) return own[name];
  return Object.hasOwn(SHIPPED_INSTRUMENTS, name) ? SHIPPED_INSTRUMENTS[name] : undefined;
}

/** `surveys:` -> the administrations; undefined when the scenario declares none. */
export function buildSurveys(v: Obj, at: Locator): Survey[] | undefined {
  if (!Array.isArray(v.surveys) || !v.surveys.length) return undefined;
  const out: Survey[] = [];
  (v.surveys as Obj[]).forEach((s, i) => {
    const raw = instrumentValue(v, s.instrument);
    if (!raw) return;
    const times: SurveyTime[] = s.at ?? (s.every ? [] : ['start']);
    out.push({
      instrument: buildInstrument(s.instrument, raw),
      at: times,
      ...(s.every ? { every: s.every } : {}),
      ...(s.to ? { to: s.to } : {}),
      remember: s.remember === true,
      source: at.location(['surveys', i]),
    });
  });
  return out.length ? out : undefined;
}
