// Information carried in conversation (`knowledge:`, issue 44). At each message the speaker is
// offered what it knows and believes and has not been told in this conversation yet (`news`), and
// what others told it here since it last spoke (`heard`); its model says which items the message
// passes on (`tells`) and which of those heard it doubts (`doubts`). When the stage commits, every
// other member who did not know an item told learns it from the teller: a `learned` event and a
// memory. The state read is the phase's start: no one learns mid-stage what another unit told.
import type { KnowledgeItem } from '../../../format';
import type { NewsItem, TranscriptLine } from '../../../llm/types';
import type { Agent } from '../../society/agent';
import { KnowledgeBook } from '../../society/knowledge';
import type { PhaseContext } from '../context';

/** Importance of the memory of being told, by kind (a conversation is 2 to 8). */
const TOLD_IMPORTANCE: Record<KnowledgeItem['kind'], number> = { fact: 4, news: 6, rumour: 5 };

function newsItem(world: PhaseContext, k: KnowledgeItem, from?: string): NewsItem {
  const item: NewsItem = { id: k.id, text: k.text, kind: k.kind, about: k.about, appeal: k.appeal };
  const teller = from === undefined ? undefined : (world.agents.get(from)?.persona.name ?? from);
  if (teller) item.from = teller;
  return item;
}

/** What `speaker` could pass on now: what it believes, less what was told in this conversation. */
export function newsFor(
  world: PhaseContext,
  speaker: Agent,
  transcript: readonly TranscriptLine[],
): NewsItem[] | undefined {
  const book = world.state?.knowledge;
  if (!book) return undefined;
  const mine = book.believedBy(speaker.id);
  if (!mine.length) return undefined;
  let out: NewsItem[] | undefined;
  for (const k of mine) {
    if (toldIn(transcript, k.id)) continue;
    (out ??= []).push(newsItem(world, k, book.of(speaker.id, k.id)?.from));
  }
  return out;
}

/** What others told `self` here since it last spoke, that it did not know: for it to believe or doubt. */
export function heardBy(
  world: PhaseContext,
  self: Agent,
  transcript: readonly TranscriptLine[],
): NewsItem[] | undefined {
  const book = world.state?.knowledge;
  if (!book) return undefined;
  let out: NewsItem[] | undefined;
  for (let i = transcript.length - 1; i >= 0 && transcript[i].from !== self.id; i--) {
    for (const id of transcript[i].tells ?? []) {
      const k = book.items.get(id);
      if (!k || book.knows(self.id, id) || out?.some((x) => x.id === id)) continue;
      (out ??= []).push(newsItem(world, k, transcript[i].from));
    }
  }
  return out;
}

function toldIn(transcript: readonly TranscriptLine[], id: string): boolean {
  for (const l of transcript) if (l.tells?.includes(id)) return true;
  return false;
}

/** The ids of `offered` among `ids`, each once (an answer naming anything else is not taken). */
export function offeredIds(
  ids: readonly string[] | undefined,
  offered: readonly NewsItem[] | undefined,
): string[] | undefined {
  if (!ids?.length || !offered?.length) return undefined;
  const out = [...new Set(ids.filter((id) => offered.some((n) => n.id === id)))];
  return out.length ? out : undefined;
}

/**
 * At the stage's commit: each member who did not know an item told in the conversation learns it
 * from its first teller, believing it unless one of its own later messages doubted it.
 */
export function learnFromTalk(
  world: PhaseContext,
  book: KnowledgeBook,
  members: readonly Agent[],
  transcript: readonly TranscriptLine[],
  encounter: string,
): void {
  for (let i = 0; i < transcript.length; i++) {
    const line = transcript[i];
    for (const id of line.tells ?? []) {
      const k = book.items.get(id);
      if (!k) continue;
      for (const m of members) {
        if (m.id === line.from || book.knows(m.id, id)) continue;
        const believed = !doubtedAfter(transcript, i, m.id, id);
        book.learn(m.id, id, { round: world.round, from: line.from, believed });
        world.emit({
          type: 'learned',
          round: world.round,
          agent: m.id,
          item: id,
          from: line.from,
          encounter,
          believed,
        });
        const text = `${line.name} told me: ${k.text}${believed ? '' : ' I am not sure I believe it.'}`;
        world.remember(m, 'observation', text, TOLD_IMPORTANCE[k.kind], {
          partner: line.from,
          ...(k.about.length ? { topic: k.about[0] } : {}),
        });
      }
    }
  }
}

function doubtedAfter(transcript: readonly TranscriptLine[], i: number, who: string, id: string): boolean {
  for (let j = i + 1; j < transcript.length; j++) {
    if (transcript[j].from === who && transcript[j].doubts?.includes(id)) return true;
  }
  return false;
}

/** At setup: an agent joining knows what the scenario gives it from the start (its source, `known_by`). */
export function knowFromStart(world: PhaseContext, agent: Agent): void {
  const book = world.state?.knowledge;
  if (!book) return;
  for (const k of book.items.values()) {
    if (
      !KnowledgeBook.knownAtStart(k, agent.id, agent.persona.group) ||
      !book.learn(agent.id, k.id, { round: world.round, believed: true })
    ) {
      continue;
    }
    world.emit({ type: 'learned', round: world.round, agent: agent.id, item: k.id, believed: true });
    world.remember(agent, 'seed', k.text, TOLD_IMPORTANCE[k.kind], k.about.length ? { topic: k.about[0] } : undefined);
  }
}
