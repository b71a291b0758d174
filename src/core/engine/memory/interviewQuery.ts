// What an interview retrieves with. The engine's relevance is lexical (tokens.ts: stems of content
// words), and the memories in which it records how an agent is doing use their own words: "How I
// fared lately: social 0.42, …; overall 0.18. I got too little presentation." (turn.ts), "Coach:
// your weakest need is …; Fay Lee enjoyed talking with you …; talk with them again." (the coach),
// "I rated my conversation with Fay Lee 0.81: Fay engaged with what I said; we made a plan."
// (evaluation.ts), "I enjoy talking with Fay Lee …", "I keep missing out on support; I could try …",
// "My coach keeps pointing me to …; I will make it a habit." (reflections). A researcher asks "How
// do you feel?", "What do you need?", "Who do you like talking to?": not one word in common, so
// those memories lost to whatever happened to be important, and the answer missed the point.
//
// So for interviews only, a question that asks about one of the intents below is retrieved with
// as it stands and, besides, with the cue words of each kind of memory that answers it — words of
// the memories the engine itself writes (test/unit/engine/interviewQuery.test.ts checks that they
// occur there) — and the retrievals are interleaved. One retrieval per kind, because the engine
// writes a reward observation every round: one query for everything fills the top k with a dozen
// near-identical observations (or, weighted the other way, with none), where an answer needs the
// latest of each kind. The cues are not mixed with the question's words, which would pull every
// retrieval back to what those words match ("need" is in every piece of advice). A question naming
// no intent is retrieved with as it stands, once.
//
// Only the lexical path expands the query: a model with endpoint embeddings matches meaning
// itself, and its recorded retrievals are keyed by the query text (llm/embeddings.ts), so a
// recorded run's interviews replay as they were.

import { wordIn } from '../../text/wholeWord';
import { ASKS_ABOUT } from '../../text/questionIntents';

// A question about someone ("What do you think of Sofia?") has their name in common with what the
// agent remembers of them, but a name is one word of several in those memories, and the weightier
// advice and reflections fill the top k before them. So besides, the memories naming each person
// the question names (at most two) are retrieved among themselves. On every path: a name is the
// same string for any relevance.

/** Cue words of a kind of memory the engine writes (each occurs in every memory of that kind, or most). */
const FARED = 'fared lately overall little'; // the reward observation (turn.ts)
const ADVICE = 'coach weakest need'; // the coach's advice, and reflections on it ("My coach keeps pointing me to …")
// (Not "supportive": its stem is the driver's name, which every reward observation repeats.)
const WARMTH = 'enjoy engaged'; // "I enjoy talking with …", "… enjoyed talking with you", warm evaluations ("Fay engaged with …")
const RATINGS = 'rated enjoy engaged'; // every evaluation, warm ones first
const MISSING = 'missing try'; // reflections on an unmet need ("I keep missing out on …; I could try …")
const RESOLVED = 'habit keep again propose plan'; // what the agent resolved on or was told to do next

export interface InterviewIntent {
  readonly name: 'feelings' | 'needs' | 'relationships' | 'plans';
  /** Question words (and phrases of stopwords only, like "how are you") that ask about it: the offline model's table too. */
  readonly asks: RegExp;
  /** Cue words of each kind of memory that answers it. */
  readonly cues: readonly string[];
}

export const INTERVIEW_INTENTS: readonly InterviewIntent[] = [
  {
    // Wellbeing: the latest rewards, the advice on the weakest need, who the agent enjoys. ("How
    // do you feel about Ben?" asks about Ben: his name is the cue.)
    name: 'feelings',
    asks: ASKS_ABOUT.feelings,
    cues: [FARED, ADVICE, WARMTH],
  },
  {
    // Needs: the need the rewards fell short on, the coach's advice, the agent's own lessons.
    name: 'needs',
    asks: ASKS_ABOUT.needs,
    cues: [FARED, ADVICE, MISSING],
  },
  {
    // People: how the agent rated its partners and whom it enjoys.
    name: 'relationships',
    asks: ASKS_ABOUT.relationships,
    cues: [RATINGS],
  },
  {
    // Intentions: what the agent resolved on, and what the coach told it to do.
    name: 'plans',
    asks: ASKS_ABOUT.plans,
    cues: [RESOLVED, ADVICE],
  },
];

/** The intents a question asks about, in table order. */
export function interviewIntents(question: string): InterviewIntent[] {
  return INTERVIEW_INTENTS.filter((i) => i.asks.test(question));
}

/**
 * The situations an interview retrieves with, one retrieval each: the question, then the cue words
 * of each kind of memory its intents ask for.
 */
export function interviewQueries(question: string): string[][] {
  const cues: string[] = [];
  for (const i of interviewIntents(question)) for (const c of i.cues) if (!cues.includes(c)) cues.push(c);
  return [[question], ...cues.map((c) => [c])];
}

/**
 * The k memories of several retrievals (each best first), interleaved: each retrieval in turn gives
 * its best memory not yet taken, so each kind gets its share. One retrieval comes back as it is.
 */
export function interleave<M extends { id: number }>(lists: readonly (readonly M[])[], k: number): M[] {
  if (lists.length === 1) return lists[0].slice(0, Math.max(0, k));
  const out: M[] = [],
    taken = new Set<number>(),
    next = lists.map(() => 0);
  for (let more = true; more && out.length < k;) {
    more = false;
    lists.forEach((l, j) => {
      while (next[j] < l.length && taken.has(l[next[j]].id)) next[j]++;
      if (next[j] >= l.length || out.length >= k) return;
      const m = l[next[j]++];
      taken.add(m.id);
      out.push(m);
      more = true;
    });
  }
  return out;
}

/** Whom a question names: agents (not `self`) by full name, any case, or by a capitalised first name. */
export function namedPeople(
  question: string,
  people: Iterable<{ id: string; name: string }>,
  self: string,
  most = 2,
): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  const lower = question.toLowerCase();
  for (const p of people) {
    if (p.id === self || out.length >= most) continue;
    const first = p.name.split(/\s+/)[0];
    // `includes` first: a society may have thousands of agents, and wordIn builds a RegExp.
    if (
      (lower.includes(p.name.toLowerCase()) && wordIn(question, p.name)) ||
      (first.length > 1 && question.includes(first) && wordIn(question, first, true))
    ) {
      out.push(p);
    }
  }
  return out;
}

/** Whether a memory is about `person`: they were its partner, or it names them. */
export function mentions(person: {
  id: string;
  name: string;
}): (m: { text: string; cues?: { partner?: string } }) => boolean {
  return (m) => m.cues?.partner === person.id || m.text.includes(person.name);
}
