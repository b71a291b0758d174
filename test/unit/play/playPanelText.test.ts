// Issue 61: the play panel showed "The conversation so far" twice (the situation writes it, and a
// section repeated it) and ended with no summary. A question now says where its situation writes
// the conversation, so the panel shows it once in place; the tally says what the person did.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { offlineOnlyFactory } from '../../../src/core/engine';
import { allPersonas } from '../../../src/core/engine/society/population';
import { AnswerBook, PLAYED_KINDS, PlaySession, type PlayQuestion } from '../../../src/core/llm/human';
import { PlayTally } from '../../../src/core/protocol/playTally';
import { ScriptedPlayer } from './scriptedPlayer';

const root = path.resolve(__dirname, '..', '..', '..');

async function played(prompts?: Record<string, string>): Promise<ScriptedPlayer> {
  const { scenario } = await loadScenarioFile(path.join(root, 'examples/friends/friends.society'), { root });
  const sc = { ...scenario!, world: { ...scenario!.world, rounds: 2 }, prompts: { ...scenario!.prompts, ...prompts } };
  const agent = allPersonas(sc.personas, sc.population, sc.seed)[0].id;
  const player = new ScriptedPlayer();
  const book = new AnswerBook({ type: 'play', agent, kinds: [...PLAYED_KINDS], timeout: 95, fallback: 'model' }, false);
  const session = new PlaySession({ book, port: player, templates: sc.prompts, context: { rounds: 2 } });
  await Simulation.create(sc, { modelFactory: session.wrap(offlineOnlyFactory) }).run();
  return player;
}

const withTranscript = (qs: PlayQuestion[]): PlayQuestion[] => qs.filter((q) => q.transcript?.length);

describe('play panel text (issue 61)', function () {
  it('a question with a conversation says where its situation writes it, exactly', async () => {
    const qs = withTranscript((await played()).questions);
    assert.ok(qs.length > 2);
    for (const q of qs) {
      const at = q.context.conversation!;
      assert.ok(at, q.key);
      const written = q.context.situation.slice(at.start, at.end);
      assert.equal(written, q.transcript!.map((l) => `${l.name}: ${l.text}`).join('\n'));
      // Said once: the heading is the template's, before the conversation, and only there.
      assert.equal(q.context.situation.split('The conversation so far').length, 2);
      assert.ok(q.context.situation.slice(0, at.start).endsWith('The conversation so far:\n'));
    }
  });

  it('a template that does not write the conversation gives no place (the panel shows it on its own)', async () => {
    const qs = withTranscript(
      (await played({ speak: 'Talk to {{partner.name}}.', evaluate: 'Rate {{partner.name}}.' })).questions,
    );
    assert.ok(qs.length > 2);
    for (const q of qs) assert.equal(q.context.conversation, undefined);
  });

  it('the summary: answered by kind, timed out, left open', () => {
    const t = new PlayTally();
    const q = (id: number, kind: PlayQuestion['kind']) => ({ id, kind }) as PlayQuestion;
    assert.deepEqual(t.summary('Maya'), ['The run asked nothing of Maya.']);
    [q(1, 'speak'), q(2, 'speak'), q(3, 'evaluate'), q(4, 'choose_partner'), q(5, 'speak'), q(6, 'act')].forEach((x) =>
      t.asked(x),
    );
    t.asked(q(1, 'speak')); // asked again after a refused answer: still one decision
    const kinds = ['speak', 'speak', 'evaluate'] as const;
    for (const id of [1, 2, 3]) t.noted({ type: 'answered', id, key: `k${id}`, kind: kinds[id - 1] });
    t.noted({ type: 'timeout', id: 4, key: 'k4', kind: 'choose_partner', policy: 'model' });
    assert.deepEqual(t.summary('Maya'), [
      'You answered 3 of 6 decisions: 2 messages, 1 rating.',
      "1 decision timed out (Maya's own model decided).",
      '2 decisions were left unanswered when the run ended.',
    ]);
    // Decided by the timeout before the panel could show it (it was still loading): the record
    // has it, so the summary does too (the summary disagreed with the log, issue 73).
    t.noted({ type: 'timeout', id: 7, key: 'k7', kind: 'speak', policy: 'model' });
    assert.deepEqual(t.summary('Maya'), [
      'You answered 3 of 7 decisions: 2 messages, 1 rating.',
      "2 decisions timed out (Maya's own model decided).",
      '2 decisions were left unanswered when the run ended.',
    ]);
  });
});
