// The values of every `{{variable}}` a prompt template can use (PROMPT_VARIABLES), rendered from a
// decision request as short readable text. Absent fields render empty.
import { DRIVERS, DRIVER_LABELS, TRAIT_NAMES, VERB_KEYS, type VerbKey } from '../../format';
import type {
  ActRequest,
  AdviseRequest,
  Candidate,
  DecisionRequest,
  PersonaBrief,
  RetrievedMemory,
  SeenQuantity,
  SpeakRequest,
  TranscriptLine,
} from '../types';

import { surveyValues } from './surveyValues';
import { placesFor } from '../placeChoices';
import type { PromptLayout } from './layout';

export interface PromptContext {
  /** Total rounds of the run (`{{rounds}}`). */
  rounds: number;
  /** What opens every prompt (layout.ts); `per_kind` when absent. */
  layout?: PromptLayout;
}

const num = (x: number): string => x.toFixed(2);
const text = (x: unknown): string => (x === undefined || x === null ? '' : String(x));

// The engine passes the same brief object for an agent every time: format it once.
const memo = {
  persona: new WeakMap<PersonaBrief, Record<string, string>>(),
  partner: new WeakMap<PersonaBrief, Record<string, string>>(),
};

function personaValues(
  prefix: 'persona' | 'partner',
  p: PersonaBrief | undefined,
  full: boolean,
): Record<string, string> {
  if (!p) return formatPersona(prefix, p, full);
  let v = memo[prefix].get(p);
  if (!v) memo[prefix].set(p, (v = formatPersona(prefix, p, full)));
  return v;
}

function formatPersona(
  prefix: 'persona' | 'partner',
  p: PersonaBrief | undefined,
  full: boolean,
): Record<string, string> {
  const v: Record<string, string> = {
    [`${prefix}.id`]: text(p?.id),
    [`${prefix}.name`]: text(p?.name),
    [`${prefix}.occupation`]: text(p?.occupation),
    [`${prefix}.bio`]: text(p?.bio),
    [`${prefix}.interests`]: p?.interests.join(', ') ?? '',
  };
  if (full) {
    v[`${prefix}.age`] = text(p?.age);
    v[`${prefix}.location`] = text(p?.location);
    v[`${prefix}.style`] = text(p?.style);
    v[`${prefix}.traits`] = p ? TRAIT_NAMES.map((t) => `${t} ${num(p.traits[t])}`).join(', ') : '';
    v[`${prefix}.motivations`] = p
      ? DRIVERS.map((d) => `${d} (${DRIVER_LABELS[d]}) ${num(p.motivations[d])}`).join(', ')
      : '';
  }
  return v;
}

export function memoryLines(memories: RetrievedMemory[]): string {
  if (!memories.length) return '(nothing yet)';
  return memories
    .map((m) => `- ${m.id}: ${m.text} (round ${m.round}, ${m.kind}, importance ${m.importance})`)
    .join('\n');
}

/**
 * Retrieved memories in the order they were made, not by score: a new round's retrieval then
 * mostly appends, so the lines before it repeat the last prompt's (a prefix cache hits them).
 */
function inOrder(memories: RetrievedMemory[]): RetrievedMemory[] {
  return [...memories].sort((a, b) => a.id - b.id);
}

function candidateLine(c: Candidate): string {
  const parts = [`${c.id}: ${c.name}`];
  if (c.occupation) parts.push(c.occupation);
  if (c.interests.length) parts.push(`interests ${c.interests.join(', ')}`);
  if (c.shared_interests.length) parts.push(`shared with you: ${c.shared_interests.join(', ')}`);
  parts.push(c.met ? `talked ${c.met} time${c.met === 1 ? '' : 's'}` : 'never talked');
  parts.push(`your tie ${num(c.tie)}`);
  if (c.rating_from !== undefined) parts.push(`they rated you ${num(c.rating_from)}`);
  return `- ${parts.join('; ')}`;
}

export function conversationLines(transcript: TranscriptLine[]): string {
  if (!transcript.length) return '(nothing said yet)';
  return transcript.map((l) => `${l.name}: ${l.text}`).join('\n');
}

/** Values for every variable of `kind`'s template and its system template (`system`, or `coach_system` for `advise`). */
export function promptValues(req: DecisionRequest, ctx: PromptContext): Record<string, string> {
  // Copied with Object.assign, not spread: V8 spreads an object of such keys ("persona.id") on a
  // slow path, ≈ 10× the copy's cost, and this runs for every model call.
  const v: Record<string, string> = Object.assign({}, personaValues('persona', req.persona, true));
  v['world.setting'] = req.setting;
  v.round = String(req.round);
  v.rounds = String(ctx.rounds);
  v.memories = memoryLines(inOrder(req.memories));
  switch (req.kind) {
    case 'choose_partner': {
      v.candidates = req.candidates.map(candidateLine).join('\n');
      const tied = req.candidates.filter((c) => c.tie > 0);
      v.ties = tied.length ? tied.map((c) => `${c.name} ${num(c.tie)}`).join(', ') : 'none yet';
      break;
    }
    case 'speak':
      Object.assign(v, personaValues('partner', req.others[0], false));
      if (req.others.length > 1) v['partner.name'] = req.others.map((o) => o.name).join(', ');
      v.conversation = conversationLines(req.transcript);
      v.turn = String(req.turn + 1);
      v.turns = String(req.turns);
      v.room = req.room
        ? `You are in the group room "${req.room.name}"${req.room.topic ? ` about ${req.room.topic}` : ''}.`
        : '';
      v.news = newsLines(req);
      break;
    case 'evaluate':
      Object.assign(v, personaValues('partner', req.partner, false));
      v.conversation = conversationLines(req.transcript);
      break;
    case 'advise': {
      const { raw, total, basis } = req.rewards;
      v.rewards =
        DRIVERS.map((d) => `- ${d} (${DRIVER_LABELS[d]}): ${num(raw[d])}, matters ${num(req.weights[d])}`).join('\n') +
        `\n- overall: ${num(total)}`;
      v.reward_changes = req.previous
        ? DRIVERS.map((d) => `${d} ${signed(raw[d] - req.previous!.raw[d])}`).join(', ') +
          `; overall ${signed(total - req.previous.total)}`
        : 'first assessment';
      v.ratings_received =
        `${basis.conversations} conversation${basis.conversations === 1 ? '' : 's'} with ${basis.partners} partner${basis.partners === 1 ? '' : 's'}; ` +
        `mean rating received ${num(basis.rating_received)}; asked ${basis.questions_asked} question${basis.questions_asked === 1 ? '' : 's'}, got ${basis.answers_received} answer${basis.answers_received === 1 ? '' : 's'}; ` +
        `shared ${basis.shares} time${basis.shares === 1 ? '' : 's'} (${basis.shares_acknowledged} acknowledged); ${basis.plans_agreed} plan${basis.plans_agreed === 1 ? '' : 's'} agreed; ` +
        `support given ${basis.support_given}, received ${basis.support_received}` +
        (req.warm_contacts.length
          ? `; people who liked talking with them (their warm contacts): ${warmContactLines(req)}`
          : '');
      break;
    }
    case 'reflect':
      v.recent_memories = memoryLines(req.recent);
      break;
    case 'interview':
      v.question = req.question;
      break;
    case 'act':
      Object.assign(v, actValues(req));
      break;
    case 'survey':
      Object.assign(v, surveyValues(req));
      break;
  }
  return v;
}

/** The warm contacts, each with the id an answer's `partner` must give (names only when the request carries no ids). */
function warmContactLines(req: AdviseRequest): string {
  return req.warm?.length ? req.warm.map((c) => `${c.name} (id ${c.id})`).join(', ') : req.warm_contacts.join(', ');
}

/** Dollars as a person writes them: from $1 to the cent, below $1 to three significant digits, never 1e-7. */
export function dollars(usd: number): string {
  const digits = Math.abs(usd) >= 1 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 };
  return `$${usd.toLocaleString('en-US', digits)}`;
}

function signed(x: number): string {
  return (x >= 0 ? '+' : '') + num(x);
}

/** `act`'s variables: the state as the agent sees it, the others, and the actions on offer with their effects. */
export function actValues(req: ActRequest): Record<string, string> {
  const quantity = (q: SeenQuantity): string =>
    `- ${q.name}: ${round3(q.value)}${q.min !== undefined || q.max !== undefined ? ` (${q.min ?? '−∞'}..${q.max ?? '∞'})` : ''}${q.worth !== undefined ? ` [one is worth ${dollars(q.worth)}]` : ''}${q.description ? ` — ${q.description}` : ''}`;
  const among = (a: ActRequest['actions'][number]['args'][number]): string =>
    a.among ? `, one of: ${a.among.join(', ') || 'none now'}` : '';
  const arg = (a: ActRequest['actions'][number]['args'][number]): string =>
    a.type === 'agent'
      ? `${a.name}: the id of another agent${a.description ? ` (${a.description})` : ''}${among(a)}`
      : a.type === 'post'
        ? `${a.name}: the id of a post you read${a.description ? ` (${a.description})` : ''}${among(a)}`
        : a.type === 'place'
          ? `${a.name}: the id of a place, one of: ${
              placesFor(req, a)
                .map((p) => `${p.id} (${p.label})`)
                .join(', ') || 'none now'
            }${a.description ? ` (${a.description})` : ''}`
          : `${a.name}: a ${a.integer ? 'whole ' : ''}number from ${a.min ?? '−∞'} to ${a.max ?? '∞'}${a.description ? ` (${a.description})` : ''}`;
  // The feeds are part of the world as the agent sees it: the posts it read, best ranked first.
  const posts = req.posts?.length
    ? `\nOn the feeds (best ranked first):\n${req.posts.map(postLine).join('\n')}`
    : req.posts
      ? '\nOn the feeds: no posts yet'
      : '';
  // What seeded posts (the scenario's news and rumours) it has come to know: only where a scenario seeds them.
  const news = req.news?.length
    ? `\nNews you have heard:\n${req.news.map((t) => `- ${JSON.stringify(t)}`).join('\n')}`
    : '';
  return {
    world_state:
      (req.world.map(quantity).join('\n') || (req.posts || req.place ? '' : 'nothing declared')) +
      posts +
      news +
      (req.place ? `\nYou are at ${req.place}; it is ${req.time}.` : ''),
    own_state:
      (req.own.map(quantity).join('\n') || 'nothing declared') +
      ((req.pressure ?? 0) >= 0.1 ? "\n- others' actions took from you last round" : ''),
    others: req.others.length
      ? req.others
          .map((o, _, all) => {
            const seen = Object.entries(o.state).map(([k, x]) => `${k} ${round3(x)}`);
            const conduct = o.conduct ?? 0;
            const last =
              (o.last ? `; last round they chose to ${o.last}` : '') +
              (conduct <= -0.1 ? ', taking from others' : conduct >= 0.1 ? ', giving to others' : '') +
              ((o.ahead ?? 0) >= 0.1 ? '; they are doing better than you' : '');
            // With matching: whom the agent plays with this round (one: a partner; more: a group).
            const matched = o.matched
              ? all.filter((x) => x.matched).length === 1
                ? ', your partner'
                : ', in your group'
              : '';
            // A tie only where there is one: "your tie 0.00" to every player of a game without
            // ties is friendship talk the world does not have (issue 88).
            const tie = o.tie > 0 ? `, your tie ${num(o.tie)}` : '';
            return `- ${o.name} (id ${o.id})${matched}${tie}${seen.length ? `: ${seen.join(', ')}` : ''}${last}`;
          })
          .join('\n')
      : 'nobody you can act on',
    actions: req.actions
      .map(
        (a) =>
          `- ${a.name}: ${a.description}` +
          (a.args.length ? `\n  arguments: ${a.args.map(arg).join('; ')}` : '') +
          (a.effects.length
            ? `\n  effects: ${a.effects.map((e) => `${e.target} := ${e.expression}`).join('; ')}`
            : '') +
          verbsLine(a) +
          (a.move
            ? `\n  moves you to ${a.move.to} for the rest of ${a.move.for === 'day' ? 'the day' : 'this part of the day'}`
            : ''),
      )
      .join('\n'),
  };
}

function postLine(p: NonNullable<ActRequest['posts']>[number]): string {
  const about = `${p.likes} like${p.likes === 1 ? '' : 's'}, ${p.replies} repl${p.replies === 1 ? 'y' : 'ies'}`;
  const reply = p.reply_to ? `, replying to ${p.reply_to}` : '';
  const you = `${p.followed ? 'you follow them, ' : ''}your tie ${num(p.tie)}`;
  return `- ${p.id} on ${p.feed} by ${p.name} (id ${p.author}; ${you}), round ${p.round}${reply}, ${about}: ${JSON.stringify(p.text)}`;
}

type OfferedAction = ActRequest['actions'][number];

/** What each platform verb does, for the model: posting means writing `text` (`reply_to` is said with its post). */
const VERB_SAID: Record<VerbKey, (a: OfferedAction) => string[]> = {
  post: (a) => [`writes a post on ${a.post}${a.reply_to ? ` replying to ${a.reply_to}` : ''} (put its text in "text")`],
  reply_to: () => [],
  like: (a) => [`likes ${a.like}`],
  follow: (a) => {
    const ofPost = a.args.some((x) => x.name === a.follow && x.type === 'post');
    return [`follows ${ofPost ? `the author of ${a.follow}` : a.follow}`];
  },
  ties: (a) => Object.entries(a.ties ?? {}).map(([k, d]) => `your tie to ${k} ${d >= 0 ? '+' : ''}${d}`),
};

/** What an action's platform verbs do, in the table's order. */
function verbsLine(a: OfferedAction): string {
  const said = VERB_KEYS.filter((k) => a[k] !== undefined).flatMap((k) => VERB_SAID[k](a));
  return said.length ? `\n  does: ${said.join('; ')}` : '';
}

const round3 = (x: number): string => String(Math.round(x * 1000) / 1000);

/**
 * What the speaker knows and could pass on, and what it was just told (`knowledge:`): '' when
 * neither, so the template's line is dropped and a scenario without knowledge prompts as before.
 */
function newsLines(req: SpeakRequest): string {
  const out: string[] = [];
  if (req.news?.length) {
    out.push('Things you know that you could mention if it fits the conversation (id: what you know):');
    for (const k of req.news) out.push(`- ${k.id}: ${k.text}${k.from ? ` (${k.from} told you)` : ''}`);
  }
  if (req.heard?.length) {
    out.push('Just told to you in this conversation (id: what you were told):');
    for (const k of req.heard) out.push(`- ${k.id}: ${k.text} (from ${k.from ?? 'someone'})`);
  }
  return out.join('\n');
}
