// The prompt layout for prefix caches (issue 47): every call of a run opens with the same
// handbook bytes, then the setting and the persona (the same across an agent's kinds up to who
// the model is), then the call's own part; and each kind's prompt still carries what it did
// before the layout (persona, memories and their retrieval order, round, candidates, …).
import * as assert from 'node:assert/strict';
import { handbook, HANDBOOK_KINDS, type AgentKind } from '../../../src/core/llm/prompts/handbook';
import { DEFAULT_RULES } from '../../../src/core/llm/prompts/defaults';
import { renderPrompt } from '../../../src/core/llm/prompts/render';
import { RESPONSE_FORMATS, type DecisionRequest } from '../../../src/core/llm/types';
import { requests } from '../../support/llmFixtures';
import { promptLayout } from '../../../src/core/llm/prompts/layout';
import type { PromptContext } from '../../../src/core/llm/prompts/values';

const ctx = { rounds: 20, layout: 'handbook' as const };
const perKind = { rounds: 20, layout: 'per_kind' as const };
const all = (): DecisionRequest[] => [
  requests.choose(),
  requests.speak(),
  requests.evaluate(),
  requests.advise(),
  requests.reflect(),
  requests.interview(),
];
const text = (req: DecisionRequest, c: PromptContext = ctx): string =>
  renderPrompt(req, {}, c)
    .map((m) => m.content)
    .join('\n');

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

describe('llm prompts: laid out for prefix caches', () => {
  it('opens every prompt, of every agent and every kind, with the same handbook and setting', () => {
    const head = `${handbook({})}\n\nSetting: An online forum for new students.\n\nThe person: `;
    for (const req of all()) {
      const [system] = renderPrompt(req, {}, ctx);
      assert.ok(system.content.startsWith(head), req.kind);
      const other = { ...req, persona: { ...req.persona, id: 'zoe', name: 'Zoe' } } as DecisionRequest;
      assert.ok(renderPrompt(other, {}, ctx)[0].content.startsWith(head), `${req.kind} of another agent`);
    }
    // The handbook holds every kind's task and answer shape, and so is over 500 tokens by itself.
    for (const kind of HANDBOOK_KINDS) {
      assert.ok(handbook({}).includes(DEFAULT_RULES[kind]) && handbook({}).includes(RESPONSE_FORMATS[kind]), kind);
    }
    assert.ok(handbook({}).length > 2000);
  });

  it('shares the persona across an agent’s kinds, the coach’s advise included, up to who the model is', () => {
    const systems = all().map((r) => renderPrompt(r, {}, ctx)[0].content);
    const persona = systems[0].slice(0, systems[0].indexOf('\nYou are Maya'));
    assert.match(persona, /The person: Maya\nAge: 27\nOccupation: data journalist/);
    for (const s of systems) assert.ok(s.startsWith(persona));
    assert.match(systems[3], /\nYou are a coach on a social platform, helping Maya/);
  });

  it('keeps what each kind saw before: persona, memories, their retrieval order, the round, the task', () => {
    for (const [req, c] of all().flatMap(
      (r) =>
        [
          [r, ctx],
          [r, perKind],
        ] as const,
    )) {
      const t = text(req, c);
      for (const s of ['Maya', 'data journalist', 'curious, brief', 'climate, bouldering', 'openness 0.80']) {
        assert.ok(t.includes(s), `${req.kind}: ${s}`);
      }
      const kind = req.kind as AgentKind;
      assert.ok(t.includes(DEFAULT_RULES[kind]) && t.includes(RESPONSE_FORMATS[kind]), req.kind);
      if (c === ctx) {
        assert.ok(t.endsWith(`Your task now: "${req.kind}".`) || /"(choice|partner)"/.test(t.slice(-200)), req.kind);
      } else assert.ok(!t.includes('Task "') || t.includes(`Task "${req.kind}"`), `${req.kind}: only its own task`);
      // Oldest first, so a later call's list extends an earlier one's; retrieval order by id.
      assert.match(t, /- 1: I want to find people to climb with\..*\n- 3: Talked with Ali about climate\./, req.kind);
      assert.match(t, /Most relevant memories now \(ids, best first\): 3, 1\./, req.kind);
      assert.match(t, /It is round 2 of 20\./, req.kind);
    }
    assert.match(
      text(requests.choose()),
      /- ali: Ali; nurse;.*\n- sam: Sam;.*\n[\s\S]*"choice" must be one of: ali, sam\./,
    );
    assert.match(
      text(requests.speak()),
      /Your conversation partner: Ali \(nurse\)\.[\s\S]*Ali: Hi Maya! Into climbing\?/,
    );
    assert.match(text(requests.speak()), /Your next message is message 2 of 4\./);
    assert.match(text(requests.evaluate()), /Your conversation partner: Ali \(nurse\)\.[\s\S]*Ali: Hi Maya!/);
    assert.match(text(requests.advise()), /- information \(INF\): 0\.20, matters 0\.90/);
    assert.match(text(requests.reflect()), /Your recent memories \(id: text\):\n- 3: Talked with Ali/);
    assert.match(text(requests.interview()), /An interviewer asks you: Who are your friends here\?/);
  });

  it('puts the round, the situation and the task after the memories: only the call’s own part changes', () => {
    const a = text(requests.choose());
    const b = text({ ...requests.choose(), round: 3 });
    assert.ok(commonPrefix(a, b) > a.indexOf('- 3: Talked with Ali'), 'the memories are in the shared prefix');
    // The rating after a conversation repeats the speaker's prompt up to the conversation.
    const transcript = [{ from: 'ali', name: 'Ali', act: 'greet' as const, text: 'Hi Maya! Into climbing?' }];
    const speak = text({ ...requests.speak(), transcript });
    const evaluate = text({ ...requests.evaluate(), transcript });
    assert.ok(commonPrefix(speak, evaluate) > speak.indexOf('Ali: Hi Maya! Into climbing?') + 20);
  });

  it('per_kind opens a kind’s calls, of every agent, with the setting and that kind’s task only', () => {
    for (const req of all()) {
      const [system] = renderPrompt(req, {}, perKind);
      const head = `Setting: An online forum for new students.\n\nTask "${req.kind}":`;
      assert.ok(system.content.startsWith(head), req.kind);
      assert.ok(!system.content.includes(handbook({}).slice(0, 200)), `${req.kind}: no handbook`);
      const other = { ...req, persona: { ...req.persona, id: 'zoe', name: 'Zoe' } } as DecisionRequest;
      const otherSystem = renderPrompt(other, {}, perKind)[0].content;
      assert.equal(
        otherSystem.slice(0, system.content.indexOf('The person: ')),
        system.content.slice(0, system.content.indexOf('The person: ')),
      );
    }
    // Fewer characters than the handbook layout: the point of per_kind.
    for (const req of all()) assert.ok(text(req, perKind).length < text(req, ctx).length, req.kind);
  });

  it('auto takes the handbook only where cached input costs at most 12.5% of input', () => {
    assert.equal(promptLayout(undefined, undefined), 'per_kind');
    assert.equal(promptLayout('auto', { input: 0.15 }), 'per_kind');
    assert.equal(promptLayout('auto', { input: 0.15, cached_input: 0.075 }), 'per_kind'); // OpenAI's 50%
    assert.equal(promptLayout('auto', { input: 3, cached_input: 0.3 }), 'handbook'); // Anthropic's 10%
    assert.equal(promptLayout('auto', { input: 2, cached_input: 0.5 }), 'per_kind'); // 25%
    assert.equal(promptLayout('handbook', { input: 0.15, cached_input: 0.075 }), 'handbook');
    assert.equal(promptLayout('per_kind', { input: 3, cached_input: 0.3 }), 'per_kind');
  });
});
