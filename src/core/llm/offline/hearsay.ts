// Offline passing-on of knowledge (`knowledge:`, issue 44): after the message is chosen, the
// speaker may doubt what it was just told, and may pass on one thing it knows instead of its
// chosen line. The rule, documented in docs/authoring.md "Information in conversation":
//   doubt an item heard here   p = D(kind) · (1 − tie) · (1.3 − A)            D: fact 0.05, news 0.15, rumour 0.5
//   tell an item it knows      p = appeal · (0.4 + 0.6·X) · (0.5 + 0.5·tie) · (1.5 if it is about
//                              one of the listener's interests, else 1), at most 0.95; items about
//                              the listener's interests are tried first, one item per message
// and never in a message owed to the other (an answer, a reply to a plan, support for a
// disclosure). Its draws come from a stream of their own, so a scenario without knowledge draws
// exactly what it drew before.
import type { Rng } from '../../random/rng';
import type { NewsItem, SpeakRequest, SpeakResponse } from '../types';
import { clamp01 } from './cues';

const DOUBT: Record<NewsItem['kind'], number> = { fact: 0.05, news: 0.15, rumour: 0.5 };
const OWED = new Set(['answer', 'accept', 'decline', 'support']);
const LEAD: Record<NewsItem['kind'], string> = {
  fact: 'Did you know?',
  news: 'Have you heard?',
  rumour: 'I heard a rumour:',
};

export function tellOrDoubt(req: SpeakRequest, out: SpeakResponse, rng: Rng): SpeakResponse {
  const t = req.persona.traits;
  let doubts: string[] | undefined;
  for (const h of req.heard ?? []) {
    if (rng.chance(clamp01(DOUBT[h.kind] * (1 - req.tie) * (1.3 - t.agreeableness)))) (doubts ??= []).push(h.id);
  }
  const told = OWED.has(out.act) ? undefined : pick(req, rng);
  if (!told) return doubts ? { ...out, doubts } : out;
  const listener = req.others.length === 1 ? req.others[0].name.split(' ')[0] : undefined;
  const via = told.from ? ` ${told.from} told me:` : '';
  const text = `${listener ? `${listener}, ` : ''}${LEAD[told.kind].replace(/^./, (c) => (listener ? c.toLowerCase() : c))}${via} ${told.text}`;
  return {
    act: 'share',
    text,
    ...(told.about.length ? { topic: told.about[0] } : out.topic ? { topic: out.topic } : {}),
    tells: [told.id],
    ...(doubts ? { doubts } : {}),
  };
}

/** The item told at this message, if any: those about the listeners' interests tried first. */
function pick(req: SpeakRequest, rng: Rng): NewsItem | undefined {
  const news = req.news;
  if (!news?.length) return undefined;
  const x = req.persona.traits.extraversion;
  const relevant = (k: NewsItem) => k.about.some((a) => req.others.some((o) => o.interests.includes(a)));
  const ordered = [...news.filter(relevant), ...news.filter((k) => !relevant(k))];
  for (const k of ordered) {
    const p = k.appeal * (0.4 + 0.6 * x) * (0.5 + 0.5 * req.tie) * (relevant(k) ? 1.5 : 1);
    if (rng.chance(Math.min(0.95, p))) return k;
  }
  return undefined;
}
