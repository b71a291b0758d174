// An interview between steps: an agent answers a question in character from its retrieved
// memories (the debugger's and the memory inspector's "ask").
import type { RetrievedMemory } from '../../llm/types';
import { interleave, interviewQueries, mentions, namedPeople } from '../memory/interviewQuery';
import { decidedBy, usageField } from '../society/usageBook';
import { recall, recallAmong } from '../phases/recall';
import type { World } from './world';

/**
 * Ask an agent a question (between steps); answered in character from its retrieved memories.
 * With `record`, the interview goes into the trace as an `intervention` event where it happened.
 * On the lexical path the memories are retrieved for the question plus the cue words of what it
 * asks about (how the agent feels, what it needs, whom it likes, its plans), one retrieval per
 * kind of memory that answers it, interleaved (engine/memory/interviewQuery.ts); an embeddings model
 * gets the question as asked. The memories naming each person the question names are retrieved
 * among themselves too. Retrieval changes no state, so an interview leaves the rest of the
 * run (and its trace) as it would have been.
 */
export async function interview(
  world: World,
  agentId: string,
  question: string,
  signal?: AbortSignal,
  options: { record?: boolean } = {},
): Promise<string | undefined> {
  const a = world.agents.get(agentId);
  if (!a) throw new Error(`no agent '${agentId}'`);
  const situations = world.relevanceOf(a.model) ? [[question]] : interviewQueries(question);
  const found: RetrievedMemory[][] = [];
  found.push(await recall(world, a, situations[0], { signal }));
  const people = namedPeople(
    question,
    [...world.agents.values()].map((x) => ({ id: x.id, name: x.persona.name })),
    a.id,
  );
  for (const p of people) found.push(recallAmong(world, a, [question], mentions(p)));
  for (const s of situations.slice(1)) found.push(await recall(world, a, s, { signal }));
  const res = await world.model(a.model).decide(
    {
      kind: 'interview',
      key: `interview:${world.round}:${a.id}:${question}`,
      round: world.round,
      setting: world.settings.world.setting,
      persona: a.brief,
      memories: interleave(found, world.settings.memory.top_k),
      question,
      ...(people.length ? { people: people.map((p) => p.name) } : {}),
    },
    signal,
  );
  if (options.record) {
    world.emit({
      type: 'intervention',
      round: world.round,
      kind: 'interview',
      agent: a.id,
      question,
      answer: res.answer,
      ...usageField(res.usage),
      ...decidedBy(res.usage),
    });
  }
  return res.answer;
}
