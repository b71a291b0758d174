// A person's answer made into the decision's response: the conveniences a person is allowed (a
// partner or action by its number in the list, a rating on 0–10, an act, reason and reasons left
// out) are turned into the model's answer shape, which is then checked exactly as a model's is
// (parse/validate.ts: a partner must be a candidate, an argument within its range …). A refused
// answer comes back with the reason, for the question to be asked again.
import { validateResponse, type Validated } from '../parse/validate';
import type { DecisionRequest } from '../types';
import { RATING_SCALE, defaultAct } from './question';

type Raw = Record<string, unknown>;

/** The response a person's answer gives, or why it cannot be used. */
export function responseOf<R extends DecisionRequest>(req: R, answer: unknown): Validated<R['kind']> {
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) {
    return { ok: false, error: 'the answer must be a JSON object' };
  }
  const shaped = modelShape(req, { ...(answer as Raw) });
  if (typeof shaped === 'string') return { ok: false, error: shaped };
  return validateResponse(req, shaped);
}

/** The answer in the model's shape, or what is wrong with it. */
function modelShape(req: DecisionRequest, a: Raw): Raw | string {
  delete a.id; // the question's number, which an answer may repeat
  switch (req.kind) {
    case 'choose_partner': {
      const n = listed(a.choice, req.candidates.length);
      if (n !== undefined) a.choice = req.candidates[n].id;
      else if (typeof a.choice === 'number') return outOfList('choice', req.candidates.length, 'a partner');
      a.reason ??= '';
      return a;
    }
    case 'speak':
      if (typeof a.text !== 'string' || !a.text.trim()) return '"text" must hold the message';
      a.text = a.text.trim();
      a.act ??= defaultAct(req.turn, req.turns);
      return a;
    case 'evaluate': {
      const rating = scaled(a.rating, 'rating');
      if (typeof rating === 'string') return rating;
      const given = (a.reasons ?? {}) as Raw;
      const reasons: Raw = {};
      for (const r of ['reciprocity', 'novelty', 'affect']) {
        const v = given[r] === undefined ? rating : scaled(given[r], `reasons.${r}`);
        if (typeof v === 'string') return v;
        reasons[r] = v;
      }
      return { rating, reasons, text: typeof a.text === 'string' ? a.text : '' };
    }
    case 'act': {
      const n = listed(a.action, req.actions.length);
      if (n !== undefined) a.action = req.actions[n].name;
      else if (typeof a.action === 'number') return outOfList('action', req.actions.length, 'an action');
      a.args ??= {};
      a.reason ??= '';
      return a;
    }
    default:
      return a;
  }
}

/** A 1-based number in a list (as a number or its digits), as a 0-based index. */
function listed(x: unknown, size: number): number | undefined {
  const n = typeof x === 'number' ? x : typeof x === 'string' && /^\s*\d+\s*$/.test(x) ? Number(x) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= size ? n - 1 : undefined;
}

function outOfList(field: string, size: number, what: string): string {
  return `"${field}" must be a number from 1 to ${size} (${what} in the list), or its id or name`;
}

/** A value on the person's 0–10 scale, as the model's 0..1. */
function scaled(x: unknown, field: string): number | string {
  const v = typeof x === 'string' && x.trim() ? Number(x) : x;
  const { min, max } = RATING_SCALE;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    return `"${field}" must be a number from ${min} to ${max}`;
  }
  return v / max;
}
