// Checks an extracted answer against the very schema the model was sent (loosened in structure
// only, relaxed.ts) and the request where a schema cannot say it (reflection evidence must cite
// memories that were shown), and returns exactly the typed response. Only spelling-level repairs are
// made (enum case, a candidate or warm contact named instead of its id), and evidence that cites
// memories never shown and a coach's partner who was not offered are dropped; each is listed in
// `repairs` so the trace can say the answer was not taken as given. Anything else is a problem for
// the re-ask.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { DecisionRequest, ResponseByKind } from '../types';
import { responseSchema } from './schemas';
import { checkAct, liftChoice, nestChoice } from './actAnswer';
import { shapeJudge } from './judgeAnswer';
import { surveyProblem } from './surveyAnswer';
import { inEnum, slotEnums } from './enumSlots';
import { relaxed } from './relaxed';
import { echoedPlaceholder } from './placeholders';

export type Validated<K extends keyof ResponseByKind> =
  { ok: true; value: ResponseByKind[K]; repairs: string[] } | { ok: false; error: string };

// verbose: an error carries the value and its schema, so the re-ask can say what was given and what is asked.
const ajv = new Ajv({ allErrors: false, strict: false, verbose: true });
/** The enums of the answer being checked (enumSlots.ts): validation is synchronous, so one slot table serves. */
let slots: unknown[][] = [];
type SlotCheck = ((slot: number, data: unknown) => boolean) & { errors?: Partial<ErrorObject>[] };
const enumSlot: SlotCheck = (slot, data) => {
  const allowed = slots[slot] ?? [];
  if (inEnum(allowed, data)) return true;
  enumSlot.errors = [
    { keyword: 'enum', message: 'must be equal to one of the allowed values', params: { allowedValues: allowed } },
  ];
  return false;
};
ajv.addKeyword({ keyword: 'enumSlot', schemaType: 'number', errors: true, validate: enumSlot });
/** Compiled validators by their schema's shape: requests that differ only in their enums share one. */
const compiled = new Map<string, ValidateFunction>();
const KEEP_COMPILED = 256;

interface Prepared {
  check: ValidateFunction;
  enums: unknown[][];
}
/**
 * Validators with their enums by the text of the schema sent: most calls (every speak, every
 * evaluate) send a schema met before, and its text is cheaper to make than the loosened, slotted
 * shape and its key (≈ 4× per call). Same text, same schema: the same shape and the same enums.
 */
const prepared = new Map<string, Prepared>();
const KEEP_PREPARED = 256;

/** The validator of `req`'s answers: the schema it is sent, loosened in structure only, its enums from this request. */
function validator(req: DecisionRequest): ValidateFunction {
  const sent = responseSchema(req, true);
  const text = JSON.stringify(sent);
  let p = prepared.get(text);
  if (!p) {
    const { shape, enums } = slotEnums(relaxed(sent));
    const key = JSON.stringify(shape);
    let v = compiled.get(key);
    if (!v) {
      if (compiled.size >= KEEP_COMPILED) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, (v = ajv.compile(shape as object)));
    }
    if (prepared.size >= KEEP_PREPARED) prepared.delete(prepared.keys().next().value!);
    prepared.set(text, (p = { check: v, enums }));
  }
  const { check, enums } = p;
  const bound = ((data: unknown) => {
    slots = enums;
    try {
      const ok = check(data) as boolean;
      bound.errors = check.errors;
      return ok;
    } finally {
      slots = [];
    }
  }) as ValidateFunction;
  return bound;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? `"${e.instancePath.slice(1).replace(/\//g, '.')}"` : 'the answer';
  const given = JSON.stringify(e.data) ?? 'nothing';
  const not = `not ${given.length > 60 ? `${given.slice(0, 60)}…` : given}`;
  const s = (e.parentSchema ?? {}) as Record<string, unknown>;
  if (e.keyword === 'enum') {
    return `${where} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}, ${not}`;
  }
  if (e.keyword === 'required') return `${where} is missing "${String(e.params.missingProperty)}"`;
  const numeric = s.type === 'integer' || s.type === 'number';
  if (
    numeric &&
    ['type', 'minimum', 'maximum'].includes(e.keyword) &&
    s.minimum !== undefined &&
    s.maximum !== undefined
  ) {
    const what = s.type === 'integer' ? 'a whole number' : 'a number';
    return `${where} must be ${what} from ${String(s.minimum)} to ${String(s.maximum)}, ${not}`;
  }
  // A length or size says enough: the runaway text is not echoed back.
  const sized = /Length$|Items$|Properties$/.test(e.keyword);
  return `${where} ${e.message ?? 'is invalid'}${sized ? '' : `, ${not}`}`;
}

const lower = (x: unknown): unknown => (typeof x === 'string' ? x.trim().toLowerCase() : x);

/**
 * Whom `given` means among the people offered: the one whose id it is (in any case), else the only
 * one whose name it is (a model naming a person instead of giving the id). Undefined when it
 * names no one offered, or several people of that name.
 */
function personMeant(
  given: string,
  offered: readonly { id: string; name: string }[],
): { id: string; byName: boolean } | undefined {
  const g = given.trim().toLowerCase();
  const byId = offered.find((c) => c.id.toLowerCase() === g);
  if (byId) return { id: byId.id, byName: false };
  const byName = offered.filter((c) => c.name.toLowerCase() === g);
  return byName.length === 1 ? { id: byName[0].id, byName: true } : undefined;
}

/** Spelling-level normalisation before validation (top-level fields of a copy); says what it changed. */
function normalise(req: DecisionRequest, value: Record<string, unknown>, repairs: string[]): void {
  const spelled = (field: string): void => {
    const was = value[field],
      now = lower(was);
    if (now !== was) {
      value[field] = now;
      repairs.push(`"${field}" spelling`);
    }
  };
  switch (req.kind) {
    case 'act': // the strict schema's shape, flattened: the lenient validator and checkAct read that
      liftChoice(value);
      break;
    case 'choose_partner': {
      const given = value.choice;
      if (typeof given !== 'string') break;
      const meant = personMeant(given, req.candidates);
      value.choice = meant ? meant.id : given.trim(); // not a candidate: validateResponse says so
      if (value.choice !== given) {
        repairs.push(meant?.byName ? 'a candidate named instead of its id' : '"choice" spelling');
      }
      break;
    }
    case 'speak':
      spelled('act');
      if (value.topic === null || value.topic === '') delete value.topic;
      break;
    case 'advise': {
      spelled('driver');
      spelled('action');
      // The optional partner must be one of the warm contacts offered (by id): a name is mapped to
      // the id, anyone else is dropped (the advice stands without a partner). A non-string is left
      // for the schema to name.
      const given = value.partner;
      if (given === null || given === undefined || (typeof given === 'string' && !given.trim())) {
        delete value.partner;
        break;
      }
      if (typeof given !== 'string') break;
      const meant = personMeant(given, req.warm ?? []);
      if (!meant) {
        delete value.partner;
        repairs.push('"partner" not a warm contact, dropped');
        break;
      }
      value.partner = meant.id;
      if (meant.id !== given) {
        repairs.push(meant.byName ? 'a warm contact named instead of its id' : '"partner" spelling');
      }
      break;
    }
  }
}

export function validateResponse<R extends DecisionRequest>(req: R, raw: unknown): Validated<R['kind']> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, error: 'the answer must be a JSON object' };
  }
  const value = { ...(raw as Record<string, unknown>) }; // normalise rewrites top-level fields only
  const repairs: string[] = [];
  const echoed = echoedPlaceholder(req, value);
  if (echoed) return { ok: false, error: echoed };
  normalise(req, value, repairs);
  if (req.kind === 'act') return validateAct(req, value, repairs) as Validated<R['kind']>;
  const check = validator(req);
  if (!(check(value) as boolean)) {
    const survey = req.kind === 'survey' && isRecord(value.answers) ? surveyProblem(req, value.answers) : undefined;
    return { ok: false, error: survey ?? describe(check.errors![0]) };
  }
  return { ok: true, value: shape(req, value, repairs) as ResponseByKind[R['kind']], repairs };
}

const isRecord = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * An action: checkAct repairs it and words what is wrong for the re-ask; what it makes is then
 * held to the schema sent, so no check in code can take what the schema does not allow.
 */
function validateAct(
  req: Extract<DecisionRequest, { kind: 'act' }>,
  value: Record<string, unknown>,
  repairs: string[],
) {
  if (typeof value.action !== 'string') return { ok: false as const, error: '"action" must be a string' };
  if (!isRecord(value.args)) return { ok: false as const, error: '"args" must be an object' };
  if (typeof value.reason !== 'string') return { ok: false as const, error: '"reason" must be a string' };
  const act = checkAct(req, value as Parameters<typeof checkAct>[1], repairs);
  if (!act.ok) return act;
  const check = validator(req);
  return check(nestChoice(act.value)) ? { ...act, repairs } : { ok: false as const, error: describe(check.errors![0]) };
}

/** Copies exactly the response's fields, dropping anything extra the model added. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `v` passed the kind's JSON Schema: its fields are there
function shape(req: DecisionRequest, v: Record<string, any>, repairs: string[]): ResponseByKind[keyof ResponseByKind] {
  switch (req.kind) {
    case 'choose_partner':
      return { choice: v.choice, reason: v.reason };
    case 'speak':
      return {
        act: v.act,
        text: v.text,
        ...(typeof v.topic === 'string' ? { topic: v.topic } : {}),
        ...(Array.isArray(v.tells) && v.tells.length ? { tells: v.tells } : {}),
        ...(Array.isArray(v.doubts) && v.doubts.length ? { doubts: v.doubts } : {}),
      };
    case 'evaluate':
      return {
        rating: v.rating,
        reasons: { reciprocity: v.reasons.reciprocity, novelty: v.reasons.novelty, affect: v.reasons.affect },
        text: v.text,
      };
    case 'advise':
      return {
        driver: v.driver,
        action: v.action,
        text: v.text,
        ...(typeof v.partner === 'string' ? { partner: v.partner } : {}),
      };
    case 'reflect': {
      const shown = new Set([...req.recent, ...req.memories].map((m) => m.id));
      const unseen = [
        ...new Set((v.insights as { evidence: number[] }[]).flatMap((i) => i.evidence.filter((id) => !shown.has(id)))),
      ];
      if (unseen.length) repairs.push(`evidence never shown dropped (${unseen.join(', ')})`);
      return {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by the schema, as `v`
        insights: (v.insights as any[]).map((i) => ({
          text: i.text,
          importance: Math.round(i.importance),
          evidence: [...new Set((i.evidence as number[]).filter((id) => shown.has(id)))],
        })),
      };
    }
    case 'interview':
      return { answer: v.answer };
    case 'survey': {
      const answers = v.answers as Record<string, unknown>;
      return { answers: Object.fromEntries(req.items.map((i) => [i.id, answers[i.id]])) as never };
    }
    case 'act': // validateAct shapes it
      return { action: v.action, args: v.args, reason: v.reason };
    case 'judge':
      return shapeJudge(req, v);
  }
}
