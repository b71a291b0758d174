// The answer to an `act` decision: which declared action, with which arguments. The strict schema
// (for endpoints' structured output) has one alternative per action on offer, each fixing its name,
// its own arguments with their bounds and, for an action that posts, the post's text: an endpoint
// that follows it can only answer an action with that action's arguments. (When `action` was an
// enum beside an independent `args` union, {"action": "gift", "args": {"amount": 3}} followed the
// schema and was refused: about one decision in ten lost, issue 41.) Lenient models may answer
// flat ({"action", "args", "reason"}); liftChoice brings the strict shape to that one. checkAct
// repairs (a name for an id, a number written as text, and says so) and words what is wrong for the
// re-ask; the repaired answer is then validated against the very schema sent (validate.ts).
import type { ActRequest, ActResponse } from '../types';
import { nameRecord } from '../../text/nameRecord';
import { placesFor } from '../placeChoices';

type Schema = Record<string, unknown>;

/** An argument's schema: the ids on offer for an agent or a post, a number within its bounds. */
function argSchema(arg: ActRequest['actions'][number]['args'][number], req: ActRequest): Schema {
  if (arg.type === 'place') {
    const ids = placesFor(req, arg).map((p) => p.id);
    return ids.length
      ? { type: 'string', enum: ids, description: arg.description ?? 'a place id' }
      : { type: 'string' };
  }
  if (arg.type === 'agent' || arg.type === 'post') {
    const ids = arg.among ?? (arg.type === 'agent' ? req.others.map((o) => o.id) : postIds(req, arg));
    return ids.length
      ? {
          type: 'string',
          enum: ids,
          description: arg.description ?? `${arg.type === 'agent' ? 'an agent' : 'a post'} id`,
        }
      : { type: 'string' };
  }
  return {
    type: arg.integer ? 'integer' : 'number',
    ...(arg.description ? { description: arg.description } : {}),
    ...(arg.min !== undefined ? { minimum: arg.min } : {}),
    ...(arg.max !== undefined ? { maximum: arg.max } : {}),
  };
}

/** The posts a post argument may name: those read on its feed (every feed read when it names none). */
function postIds(req: ActRequest, arg: { feed?: string }): string[] {
  return (req.posts ?? []).filter((p) => !arg.feed || p.feed === arg.feed).map((p) => p.id);
}

/** One action as an answer: its name fixed, its own arguments, and the text of the post it writes. */
function choiceOf(a: ActRequest['actions'][number], req: ActRequest, text: (description: string) => Schema): Schema {
  const post = a.post !== undefined;
  return {
    type: 'object',
    description: a.description,
    properties: {
      action: { type: 'string', enum: [a.name] },
      args: {
        type: 'object',
        properties: Object.fromEntries(a.args.map((x) => [x.name, argSchema(x, req)])),
        required: a.args.map((x) => x.name),
        additionalProperties: false,
      },
      // Not blank: checkAct refuses a post without text.
      ...(post ? { text: { ...text(`the post ${a.name} writes`), pattern: '\\S' } } : {}),
    },
    required: ['action', 'args', ...(post ? ['text'] : [])],
    additionalProperties: false,
  };
}

/** The chosen action as one of the alternatives (choiceOf), and why. */
export function actSchema(req: ActRequest, text: (description: string) => Schema): Schema {
  return {
    type: 'object',
    properties: {
      choice: { description: 'the action and its arguments', anyOf: req.actions.map((a) => choiceOf(a, req, text)) },
      reason: text('one sentence'),
    },
    required: ['choice', 'reason'],
    additionalProperties: false,
  };
}

/** The strict answer's choice ({action, args, text}) lifted to the top, where lenient models put them. */
export function liftChoice(value: Record<string, unknown>): void {
  const choice = value.choice;
  if (value.action !== undefined || !choice || typeof choice !== 'object' || Array.isArray(choice)) return;
  const { action, args, text } = choice as Record<string, unknown>;
  Object.assign(value, { action, args }, text === undefined ? {} : { text });
  delete value.choice;
}

/** The response, or what is wrong with it (for the re-ask). */
export function checkAct(
  req: ActRequest,
  v: { action: string; args: Record<string, unknown>; reason: string; text?: unknown },
  repairs: string[],
): { ok: true; value: ActResponse } | { ok: false; error: string } {
  const name = v.action.trim();
  const action =
    req.actions.find((a) => a.name === name) ?? req.actions.find((a) => a.name.toLowerCase() === name.toLowerCase());
  if (!action) {
    return { ok: false, error: `"action" must be one of ${req.actions.map((a) => a.name).join(', ')}, not "${name}"` };
  }
  if (action.name !== v.action) repairs.push('"action" spelling');
  const args: Record<string, number | string> = nameRecord();
  for (const arg of action.args) {
    const given = v.args[arg.name];
    if (given === undefined || given === null) {
      return {
        ok: false,
        error: `"args.${arg.name}" is missing (${action.name} takes ${action.args.map((a) => a.name).join(', ')})`,
      };
    }
    if (arg.type === 'agent') {
      const id = typeof given === 'string' ? given.trim() : '';
      // With a `where`, only those meeting it.
      const others = arg.among ? req.others.filter((o) => arg.among!.includes(o.id)) : req.others;
      const other =
        others.find((o) => o.id === id) ?? others.filter((o) => o.name.toLowerCase() === id.toLowerCase())[0];
      if (!other) {
        return {
          ok: false,
          error: `"args.${arg.name}" must be the id of one of ${others.map((o) => o.id).join(', ')}`,
        };
      }
      if (other.id !== given) repairs.push(`"args.${arg.name}": an agent named instead of its id`);
      args[arg.name] = other.id;
      continue;
    }
    if (arg.type === 'place') {
      const id = typeof given === 'string' ? given.trim() : String(given);
      // A place's id, or its label as the prompt shows it.
      const places = placesFor(req, arg);
      const place = places.find((p) => p.id === id || p.label.toLowerCase() === id.toLowerCase());
      if (!place) {
        return {
          ok: false,
          error: `"args.${arg.name}" must be the id of one of the places ${places.map((p) => p.id).join(', ')}`,
        };
      }
      if (place.id !== given) repairs.push(`"args.${arg.name}": a place named instead of its id`);
      args[arg.name] = place.id;
      continue;
    }
    if (arg.type === 'post') {
      const ids = arg.among ?? postIds(req, arg);
      const id = typeof given === 'string' ? given.trim() : String(given);
      if (!ids.includes(id)) {
        return { ok: false, error: `"args.${arg.name}" must be the id of one of the posts ${ids.join(', ')}` };
      }
      args[arg.name] = id;
      continue;
    }
    const x = typeof given === 'string' ? Number(given) : given;
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      return { ok: false, error: `"args.${arg.name}" must be a number` };
    }
    if ((arg.min !== undefined && x < arg.min) || (arg.max !== undefined && x > arg.max)) {
      return { ok: false, error: `"args.${arg.name}" must be within ${arg.min ?? '-∞'}..${arg.max ?? '∞'}, not ${x}` };
    }
    if (arg.integer && !Number.isInteger(x)) return { ok: false, error: `"args.${arg.name}" must be a whole number` };
    if (typeof given === 'string') repairs.push(`"args.${arg.name}": a number written as text`);
    args[arg.name] = x;
  }
  if (action.post !== undefined) {
    const text = typeof v.text === 'string' ? v.text.trim() : '';
    if (!text) return { ok: false, error: `"text" must hold the post ${action.name} writes` };
    return { ok: true, value: { action: action.name, args, reason: v.reason, text } };
  }
  return { ok: true, value: { action: action.name, args, reason: v.reason } };
}

/** A checked response in the shape of the schema sent, to be validated against it. */
export function nestChoice(r: ActResponse): Record<string, unknown> {
  return {
    choice: { action: r.action, args: r.args, ...(r.text === undefined ? {} : { text: r.text }) },
    reason: r.reason,
  };
}
