// Tolerant JSON extraction and per-kind validation of model answers.
import * as assert from 'node:assert/strict';
import { extractJson } from '../../../src/core/llm/parse/extract';
import { parseAnswer } from '../../../src/core/llm/parse';
import { requests } from '../../support/llmFixtures';
import { MAX_INSIGHTS, MAX_TEXT } from '../../../src/core/llm/parse/schemas';

function value(text: string): unknown {
  const r = extractJson(text);
  assert.ok(r.ok, `not extracted: ${text}`);
  return r.value;
}

describe('llm parse: extraction and repair', () => {
  it('parses plain JSON with no repairs', () => {
    const r = extractJson('{"answer": "hi"}');
    assert.deepEqual(r, { ok: true, value: { answer: 'hi' }, repairs: [] });
  });

  it('takes JSON out of a code fence', () => {
    const r = extractJson('Here you go:\n```json\n{"answer": "hi"}\n```\nAnything else?');
    assert.ok(r.ok);
    assert.deepEqual(r.value, { answer: 'hi' });
    assert.deepEqual(r.repairs, ['code fence']);
  });

  it('finds the object inside prose, ignoring braces in strings', () => {
    assert.deepEqual(value('Sure! {"answer": "a {curly} one", "n": [1, 2]} Hope that helps.'), {
      answer: 'a {curly} one',
      n: [1, 2],
    });
  });

  it('skips a braced aside before the answer', () => {
    const r = extractJson('Thinking {carefully} here. {"answer": "yes"}');
    assert.deepEqual(r, { ok: true, value: { answer: 'yes' }, repairs: ['surrounding text'] });
  });

  it('removes trailing commas', () => {
    assert.deepEqual(value('{"a": [1, 2,], "b": {"c": 1,},}'), { a: [1, 2], b: { c: 1 } });
  });

  it('converts single quotes, keeping apostrophes inside strings', () => {
    assert.deepEqual(value("{'text': 'I'm glad we talked', 'act': 'share'}"), {
      text: "I'm glad we talked",
      act: 'share',
    });
    assert.deepEqual(value('{"text": "it\'s fine"}'), { text: "it's fine" });
  });

  it('quotes bare keys, fixes Python literals, smart quotes and comments', () => {
    assert.deepEqual(value('{answer: "x", ok: True, none: None} '), { answer: 'x', ok: true, none: null });
    assert.deepEqual(value('{\u201Canswer\u201D: \u201Cx\u201D}'), { answer: 'x' });
    assert.deepEqual(value('{"a": 1, // the first\n "b": "http://x" /* kept */}'), { a: 1, b: 'http://x' });
  });

  it('closes an answer cut off by max_tokens when only brackets are missing', () => {
    assert.deepEqual(value('{"insights": [{"text": "a", "importance": 5, "evidence": [1]}'), {
      insights: [{ text: 'a', importance: 5, evidence: [1] }],
    });
  });

  it('reports an answer cut off inside a key as cut off, not by judging an object nested in it', () => {
    const cut = '{"rating":0.7,"reasons":{"reciprocity":0.7,"novelty":0.7,"affect":0.7},"t';
    assert.deepEqual(extractJson(cut), {
      ok: false,
      error: 'the answer was cut off inside its JSON object (too long for max_tokens?)',
    });
    const parsed = parseAnswer(requests.evaluate(), cut);
    assert.ok(!parsed.ok && /cut off/.test(parsed.error) && !/missing/.test(parsed.error));
  });

  it('reports, never guesses, when there is no JSON', () => {
    assert.deepEqual(extractJson('I would rather not say.'), {
      ok: false,
      error: 'no JSON object found in the answer',
    });
    assert.deepEqual(extractJson('  '), { ok: false, error: 'the answer was empty' });
    assert.equal(extractJson('{"a": nope nope}').ok, false);
  });
});

describe('llm parse: validation per kind', () => {
  it('accepts a valid answer and drops extra fields', () => {
    const r = parseAnswer(requests.choose(), '{"choice": "ali", "reason": "climate", "confidence": 0.9}');
    assert.deepEqual(r, { ok: true, value: { choice: 'ali', reason: 'climate' }, repairs: [] });
  });

  it('maps a candidate named instead of its id, and rejects a stranger', () => {
    const byName = parseAnswer(requests.choose(), '{"choice": "Sam", "reason": "new"}');
    assert.ok(byName.ok && byName.value.choice === 'sam');
    const stranger = parseAnswer(requests.choose(), '{"choice": "zed", "reason": "?"}');
    assert.deepEqual(stranger, { ok: false, error: '"choice" must be one of ali, sam, not "zed"' });
  });

  it('normalises enum case and drops a null topic', () => {
    const r = parseAnswer(requests.speak(), '{"act": " Ask ", "text": "Where do you climb?", "topic": null}');
    assert.deepEqual(r.ok && r.value, { act: 'ask', text: 'Where do you climb?' });
  });

  it('rejects an unknown dialogue act and an out-of-range rating with a clear problem', () => {
    const act = parseAnswer(requests.speak(), '{"act": "shout", "text": "HI"}');
    assert.equal(act.ok, false);
    assert.match((act as { error: string }).error, /"act" must be one of greet, share/);
    const rating = parseAnswer(
      requests.evaluate(),
      '{"rating": 7, "reasons": {"reciprocity": 1, "novelty": 0, "affect": 1}, "text": "ok"}',
    );
    assert.deepEqual(rating, { ok: false, error: '"rating" must be a number from 0 to 1, not 7' });
    const missing = parseAnswer(requests.evaluate(), '{"rating": 0.5, "text": "ok"}');
    assert.deepEqual(missing, { ok: false, error: 'the answer is missing "reasons"' });
  });

  it('refuses runaway text with a problem the re-ask can name, at the cap and not below it', () => {
    const at = 'x'.repeat(MAX_TEXT);
    const ok = parseAnswer(requests.speak(), JSON.stringify({ act: 'share', text: at }));
    assert.ok(ok.ok && ok.value.text === at);
    const long = parseAnswer(requests.speak(), JSON.stringify({ act: 'share', text: `${at}x` }));
    assert.deepEqual(long, { ok: false, error: `"text" must NOT have more than ${MAX_TEXT} characters` });
    const insights = Array.from({ length: MAX_INSIGHTS + 1 }, () => ({ text: 'same', importance: 3, evidence: [] }));
    const many = parseAnswer(requests.reflect(), JSON.stringify({ insights }));
    assert.deepEqual(many, { ok: false, error: `"insights" must NOT have more than ${MAX_INSIGHTS} items` });
    const answer = parseAnswer(requests.interview(), JSON.stringify({ answer: 'y'.repeat(MAX_TEXT + 1) }));
    assert.ok(answer.ok, 'an interview answer may be longer than a message');
  });

  it('keeps only reflection evidence that cites shown memories, and rounds importance', () => {
    const r = parseAnswer(
      requests.reflect(),
      '{"insights": [{"text": "Ali is a friend", "importance": 6.6, "evidence": [3, 99, 3]}]}',
    );
    assert.deepEqual(r.ok && r.value, { insights: [{ text: 'Ali is a friend', importance: 7, evidence: [3] }] });
  });

  it('reports the repairs it made', () => {
    const r = parseAnswer(
      requests.advise(),
      "```\n{'driver': 'Information', 'action': 'ask', 'text': 'Ask about their work.',}\n```",
    );
    assert.ok(r.ok);
    assert.deepEqual(r.value, { driver: 'information', action: 'ask', text: 'Ask about their work.' });
    assert.deepEqual(r.repairs, ['code fence', 'single quotes', 'trailing commas', '"driver" spelling']);
    const evidence = parseAnswer(
      requests.reflect(),
      '{"insights": [{"text": "Ali is a friend", "importance": 6, "evidence": [3, 99, 98, 99]}]}',
    );
    assert.deepEqual(evidence.ok && evidence.repairs, ['evidence never shown dropped (99, 98)']);
    const clean = parseAnswer(requests.advise(), '{"driver": "information", "action": "ask", "text": "Ask."}');
    assert.deepEqual(clean.ok && clean.repairs, [], 'an answer taken as given lists no repairs');
  });
});
