// An answer that echoes its shape back is a failed parse and a re-ask, not text (issue 86): a small
// model wrote "<why>" as a rating's reason and "{YourMessage}" as its line, and both were kept.
import * as assert from 'node:assert/strict';
import { parseAnswer } from '../../../src/core/llm/parse';
import { registryFor, requests } from '../../support/llmFixtures';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import type { CallRecord } from '../../../src/core/llm/callRecord';

const evaluation = (text: string) =>
  JSON.stringify({ rating: 0.7, reasons: { reciprocity: 0.5, novelty: 0.5, affect: 0.5 }, text });
const line = (text: string, topic: string | null = null) => JSON.stringify({ act: 'share', text, topic });

describe('placeholders echoed back are not answers', () => {
  it('a placeholder in <…> or {…}, or the words of the shape or the schema, is refused with the field named', () => {
    for (const [req, answer, field] of [
      [requests.evaluate(), evaluation('<why>'), 'text'],
      [requests.evaluate(), evaluation('why'), 'text'],
      [requests.speak(), line('{YourMessage}'), 'text'],
      [requests.speak(), line('{{text}}'), 'text'],
      [requests.speak(), line('Your message'), 'text'],
      [requests.speak(), line('I love jazz, do you?', '<optional topic>'), 'topic'],
      [requests.speak(), line('I love jazz, do you?', 'the topic, if any'), 'topic'],
    ] as const) {
      const parsed = parseAnswer(req, answer);
      assert.ok(!parsed.ok, answer);
      assert.match(parsed.error, new RegExp(`^"${field}" is .*a placeholder from the answer's shape`), answer);
    }
  });

  it('an answer in words of its own is taken, brackets inside text and all', () => {
    for (const [req, answer] of [
      [requests.speak(), line('I <3 jazz; {sometimes} I play it', 'jazz')],
      [requests.speak(), line('Why not?')],
      [requests.evaluate(), evaluation('They asked about my climbing and listened.')],
    ] as const) {
      const parsed = parseAnswer(req, answer);
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    }
  });

  describe('over a real endpoint', () => {
    const fake = useFakeOpenAI();
    it('is re-asked, and the second answer taken', async () => {
      let n = 0;
      fake.server.script = () =>
        n++ === 0 ? reply.content(evaluation('<why>')) : reply.content(evaluation('Kind and curious.'));
      const records: CallRecord[] = [];
      const res = await registryFor(fake.server.url, {}, { onCall: (r) => records.push(r) })
        .model('gpt')
        .decide(requests.evaluate());
      assert.equal(res.text, 'Kind and curious.');
      assert.equal(records[0].calls, 2);
      assert.match(records[0].faults[0].message, /"text" is "<why>", a placeholder/);
      const reask = fake.server.chatRequests()[1].body.messages.at(-1).content;
      assert.match(reask, /"text" is "<why>", a placeholder from the answer's shape/);
    });
  });
});
