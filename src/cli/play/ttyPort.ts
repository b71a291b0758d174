// A person at a terminal (`society run --play` with standard input a terminal): each question is
// shown readably on standard error — who the agent is, the situation an LLM would be given, what
// may be answered, numbered — and answered line by line: a number for a partner or an action, a
// line for a message, 0–10 for a rating, each argument in turn. The answers become the JSON a
// script would send; a refused one is shown with the reason and asked again.
import * as readline from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import type { ActionOption, ParticipantPort, PlayNote, PlayQuestion } from '../../core/llm/human';
import { nameRecord } from '../../core/text/nameRecord';

type Ask = (prompt: string) => Promise<string>;

export class TerminalPort implements ParticipantPort {
  private readonly rl: readline.Interface;

  constructor(
    input: Readable,
    private readonly out: Writable,
  ) {
    this.rl = readline.createInterface({ input, output: out, terminal: true });
  }

  async ask(q: PlayQuestion, signal: AbortSignal): Promise<unknown> {
    this.out.write(`\n${questionText(q)}\n`);
    const ask: Ask = (prompt) => this.rl.question(prompt, { signal });
    return answerAt(q, ask);
  }

  note(n: PlayNote): void {
    if (n.type === 'timeout') this.out.write(`\n(time is up: ${policyText(n.policy)})\n`);
  }

  close(): void {
    this.rl.close();
  }
}

function policyText(p: string): string {
  return p === 'skip'
    ? 'the decision is skipped'
    : p === 'offline'
      ? 'the offline model decides'
      : "the agent's own model decides";
}

const KIND_TITLES: Record<string, string> = {
  choose_partner: 'whom to meet',
  speak: 'what to say',
  evaluate: 'how the conversation was',
  act: 'what to do',
  reflect: 'what to make of it',
  interview: 'an interview question',
  advise: 'advice',
};

/** The question as a person reads it. */
export function questionText(q: PlayQuestion): string {
  const head = `── round ${q.round} · you are ${q.name} (${q.agent}) · ${KIND_TITLES[q.kind] ?? q.kind}${q.seconds !== undefined ? ` · ${Math.round(q.seconds)} s to answer` : ''} ──`;
  const lines = [head];
  if (!q.problem) lines.push(q.context.situation);
  else lines.push(`That answer could not be used: ${q.problem}`);
  const o = q.options;
  if (o.kind === 'choose_partner') {
    o.partners.forEach((p, i) => lines.push(`  ${i + 1}) ${p.name} (${p.id}) — ${p.about}`));
  }
  if (o.kind === 'act') o.actions.forEach((a, i) => lines.push(`  ${i + 1}) ${a.name} — ${a.description}`));
  return lines.join('\n');
}

async function answerAt(q: PlayQuestion, ask: Ask): Promise<unknown> {
  const o = q.options;
  switch (o.kind) {
    case 'choose_partner': {
      const choice = (await ask(`Partner [1-${o.partners.length}, or an id]: `)).trim();
      const reason = await ask('Why (optional): ');
      return { choice: /^\d+$/.test(choice) ? Number(choice) : choice, reason };
    }
    case 'speak': {
      const text = await ask(`Your message to ${o.to.join(', ')} (turn ${o.turn + 1} of ${o.turns}): `);
      const act = (await ask(`Act [${o.acts.join('|')}] (Enter: ${o.act}): `)).trim();
      return { text, ...(act ? { act } : {}) };
    }
    case 'evaluate': {
      const rating = (await ask(`Rate ${o.partner.name} ${o.scale.min}-${o.scale.max}: `)).trim();
      const text = await ask('Why (optional): ');
      return { rating: rating === '' ? NaN : Number(rating), text };
    }
    case 'act':
      return actAnswer(o.actions, ask);
    default: {
      const line = await ask(`Answer as JSON ${q.format}: `);
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return line;
      }
    }
  }
}

async function actAnswer(actions: ActionOption[], ask: Ask): Promise<unknown> {
  const given = (await ask(`Action [1-${actions.length}, or a name]: `)).trim();
  const n = /^\d+$/.test(given) ? Number(given) : undefined;
  const action = n !== undefined ? actions[n - 1] : actions.find((a) => a.name === given);
  if (!action) return { action: n ?? given };
  const args: Record<string, string | number> = nameRecord();
  for (const g of action.args) {
    const range =
      g.choices?.map((c, i) => `${i + 1}) ${c.label} (${c.id})`).join('  ') ??
      `${g.min ?? '…'}–${g.max ?? '…'}${g.integer ? ', whole' : ''}`;
    const v = (await ask(`  ${g.name}${g.description ? ` (${g.description})` : ''} [${range}]: `)).trim();
    const k = /^\d+$/.test(v) ? Number(v) : undefined;
    args[g.name] = g.choices ? (k !== undefined && g.choices[k - 1] ? g.choices[k - 1].id : v) : Number(v);
  }
  const text = action.posts ? await ask('  The post: ') : undefined;
  const reason = await ask('Why (optional): ');
  return { action: action.name, args, ...(text !== undefined ? { text } : {}), reason };
}
