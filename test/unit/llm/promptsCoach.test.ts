// The coach (`advise`) request: its own system message (a coach who knows the person, not the
// person role-played; a scenario's `coach_system` overrides it, its `system` never reaches the
// coach), warm contacts shown with their ids, and the optional `partner` of the answer carried
// through the strict schema, validation (a name mapped to the id, anyone not offered dropped as a
// repair) and the agent model.
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { PROMPT_VARIABLES, templateVariables } from '../../../src/core/format/model/templates';
import { DEFAULT_COACH_SYSTEM, DEFAULT_TEMPLATES } from '../../../src/core/llm/prompts/defaults';
import { renderPrompt } from '../../../src/core/llm/prompts/render';
import { parseAnswer } from '../../../src/core/llm/parse';
import { responseSchema } from '../../../src/core/llm/parse/schemas';
import type { AdviseRequest } from '../../../src/core/llm/types';
import { reply } from '../../support/fakeOpenAI';
import { FAST_BACKOFF, modelConfig, registryFor, requests, scenario, useFakeEndpoint } from '../../support/llmFixtures';
import { ModelRegistry } from '../../../src/core/llm/registry';

const ctx = { rounds: 20 };
/** A coach request whose warm contacts carry ids, as the engine sends them. */
function advise(): AdviseRequest {
  return {
    ...requests.advise(),
    warm_contacts: ['Ali', 'Jack Thompson'],
    warm: [
      { id: 'ali', name: 'Ali', rating: 0.8, recent: true },
      { id: 'jack_t', name: 'Jack Thompson', rating: 0.6, recent: false },
    ],
  };
}
const answer = (partner: unknown): string =>
  JSON.stringify({ driver: 'social', action: 'reciprocate', text: 'Follow up with them.', partner });

describe('llm prompts: the coach', () => {
  it("gives the coach a coach's system message that knows the persona and its memories, not the persona's own", () => {
    const [system, user] = renderPrompt(advise(), {}, ctx);
    assert.equal(system.role, 'system');
    assert.doesNotMatch(system.content, /You are Maya/);
    assert.doesNotMatch(system.content, /[Ss]tay in character/);
    assert.match(system.content, /^You are a coach .*helping Maya make friends/m);
    assert.match(system.content, /Age: 27/);
    assert.match(system.content, /Occupation: data journalist/);
    // What changes every round comes after the persona, in the user message (cache layout).
    assert.match(user.content, /round 2 of 20/);
    assert.match(
      user.content,
      /Things they remember, oldest first:\n- 1: I want to find people to climb with\..*\n- 3: Talked with Ali about climate\./,
    );
    assert.match(user.content, /You are a coach helping Maya/);
  });

  it("keeps the persona's own system message for every other kind", () => {
    for (const req of [
      requests.choose(),
      requests.speak(),
      requests.evaluate(),
      requests.reflect(),
      requests.interview(),
    ]) {
      const [system] = renderPrompt(req, {}, ctx);
      assert.match(
        system.content,
        /^You are Maya, a person taking part in a social simulation\. Stay in character\./m,
        req.kind,
      );
    }
  });

  it("never gives the coach a scenario's `system`: that is the agents' persona prompt", () => {
    const persona = { system: 'You are {{persona.name}}. Stay in character. Platform: {{world.setting}}' };
    const [system, user] = renderPrompt(advise(), persona, ctx);
    assert.equal(
      system.content,
      renderPrompt(advise(), {}, ctx)[0].content,
      'the built-in coach system, as without the override',
    );
    assert.match(system.content, /^You are a coach /m);
    assert.doesNotMatch(system.content, /You are Maya|Stay in character/);
    assert.doesNotMatch(user.content, /Stay in character/);
    for (const req of [
      requests.choose(),
      requests.speak(),
      requests.evaluate(),
      requests.reflect(),
      requests.interview(),
    ]) {
      const content = renderPrompt(req, persona, ctx)[0].content;
      // The kind's task and JSON shape first (shared by every agent), then the scenario's system.
      assert.ok(
        content.endsWith('\n\nYou are Maya. Stay in character. Platform: An online forum for new students.'),
        req.kind,
      );
      assert.doesNotMatch(content, /^Setting: /m, 'the built-in setting line goes with the built-in system');
    }
  });

  it("uses a scenario's `coach_system` for the coach, with the common variables and advise's", () => {
    const templates = {
      system: 'You are {{persona.name}}. Stay in character.',
      coach_system:
        'You coach {{persona.name}} on {{world.setting}} (round {{round}} of {{rounds}}).\nLives in: {{persona.location}}\nRewards:\n{{rewards}}\nChange: {{reward_changes}}\nMemories:\n{{memories}}',
    };
    const [system, user] = renderPrompt(advise(), templates, ctx);
    assert.equal(
      system.content.slice(system.content.indexOf('\n\nYou coach ') + 2),
      [
        'You coach Maya on An online forum for new students. (round 2 of 20).',
        'Rewards:',
        '- social (SOC): 0.50, matters 0.30',
        '- information (INF): 0.20, matters 0.90',
        '- presentation (PRE): 0.10, matters 0.20',
        '- coordination (COORD): 0.00, matters 0.40',
        '- support (EMO): 0.30, matters 0.50',
        '- overall: 0.30',
        'Change: social +0.10, information -0.10, presentation +0.00, coordination +0.00, support +0.10; overall +0.05',
        'Memories:',
        '- 1: I want to find people to climb with. (round 0, seed, importance 6)',
        '- 3: Talked with Ali about climate. (round 1, conversation, importance 4)',
      ].join('\n'),
      'the empty "Lives in" line is dropped',
    );
    assert.doesNotMatch(system.content, /\{\{|Stay in character/);
    // No built-in memories block with the scenario's own coach_system: the retrieval order first.
    assert.match(
      user.content,
      /^Most relevant memories now \(ids, best first\): 3, 1\.\n\nYou are a coach helping Maya make friends on this platform\./,
      'the advise template is not affected',
    );
    assert.match(user.content, /"partner" is optional: .*one of: ali, jack_t; or null\./);
  });

  it('never gives the agents the `coach_system`', () => {
    for (const req of [
      requests.choose(),
      requests.speak(),
      requests.evaluate(),
      requests.reflect(),
      requests.interview(),
    ]) {
      const [system] = renderPrompt(req, { coach_system: 'You coach {{persona.name}}.' }, ctx);
      assert.match(
        system.content,
        /^You are Maya, a person taking part in a social simulation\. Stay in character\./m,
        req.kind,
      );
      assert.doesNotMatch(system.content, /You coach/, req.kind);
    }
  });

  it('writes the coach system with only the variables every prompt has; it is the default `coach_system`', () => {
    const unknown = templateVariables(DEFAULT_COACH_SYSTEM)
      .map((v) => v.name)
      .filter((n) => !PROMPT_VARIABLES.system.includes(n));
    assert.deepEqual(unknown, []);
    assert.notEqual(DEFAULT_COACH_SYSTEM, DEFAULT_TEMPLATES.system);
    assert.equal(DEFAULT_TEMPLATES.coach_system, DEFAULT_COACH_SYSTEM);
  });

  it('shows each warm contact with its id and says which ids "partner" may take', () => {
    const [, user] = renderPrompt(advise(), {}, ctx);
    assert.match(
      user.content,
      /people who liked talking with them \(their warm contacts\): Ali \(id ali\), Jack Thompson \(id jack_t\)/,
    );
    assert.match(user.content, /"partner" is optional: .*one of: ali, jack_t; or null\./);
    const none = renderPrompt({ ...requests.advise(), warm_contacts: [], warm: [] }, {}, ctx)[1];
    assert.match(none.content, /"partner" must be null/);
    const overridden = renderPrompt(advise(), { advise: 'Advise {{persona.name}}.' }, ctx)[1];
    assert.match(
      overridden.content,
      /one of: ali, jack_t/,
      'the ids come with the JSON instruction, which an override keeps',
    );
  });
});

describe("llm parse: the coach's partner", () => {
  it("puts an optional partner in the strict schema (nullable, the warm contacts' ids), which stays strict", () => {
    type Strict = {
      properties: Record<string, { type: unknown; enum?: unknown[] }>;
      required: string[];
      additionalProperties: boolean;
    };
    const strict = responseSchema(advise(), true) as Strict;
    assert.deepEqual(strict.properties.partner.type, ['string', 'null']);
    assert.deepEqual(strict.properties.partner.enum, ['ali', 'jack_t', null]);
    assert.deepEqual(
      (responseSchema({ ...advise(), warm: [] }, true) as Strict).properties.partner.type,
      'null',
      'no one to suggest: null only',
    );
    assert.deepEqual(strict.required, Object.keys(strict.properties), 'strict mode: every property required');
    assert.equal(strict.additionalProperties, false);
    const check = new Ajv({ strict: false }).compile(strict);
    assert.ok(check(JSON.parse(answer(null))));
    assert.ok(check(JSON.parse(answer('ali'))));
    assert.ok(!check(JSON.parse(answer('sam'))), 'only the ids offered');
    const lenient = responseSchema(advise(), false) as { required: string[] };
    assert.ok(!lenient.required.includes('partner'));
  });

  it('keeps a partner who is a warm contact, by id', () => {
    const r = parseAnswer(advise(), answer('jack_t'));
    assert.deepEqual(r, {
      ok: true,
      value: { driver: 'social', action: 'reciprocate', text: 'Follow up with them.', partner: 'jack_t' },
      repairs: [],
    });
  });

  it('maps a warm contact named instead of the id, and an id in another case', () => {
    const byName = parseAnswer(advise(), answer('Jack Thompson'));
    assert.ok(byName.ok);
    assert.equal(byName.value.partner, 'jack_t');
    assert.deepEqual(byName.repairs, ['a warm contact named instead of its id']);
    const cased = parseAnswer(advise(), answer(' ALI '));
    assert.ok(cased.ok && cased.value.partner === 'ali');
    assert.deepEqual(cased.repairs, ['"partner" spelling']);
  });

  it('drops someone not offered as a repair, and takes null or no partner as none', () => {
    const stranger = parseAnswer(advise(), answer('sam'));
    assert.ok(stranger.ok);
    assert.equal('partner' in stranger.value, false);
    assert.deepEqual(stranger.repairs, ['"partner" not a warm contact, dropped']);
    const noIds = parseAnswer(requests.advise(), answer('Ali'));
    assert.ok(noIds.ok && !('partner' in noIds.value), 'no ids offered: no partner can be taken');
    for (const p of [null, '']) {
      const r = parseAnswer(advise(), answer(p));
      assert.ok(r.ok && !('partner' in r.value));
      assert.deepEqual(r.ok && r.repairs, []);
    }
    const absent = parseAnswer(advise(), '{"driver": "social", "action": "explore", "text": "Meet someone new."}');
    assert.deepEqual(absent.ok && absent.value, { driver: 'social', action: 'explore', text: 'Meet someone new.' });
  });

  it('still maps a candidate named instead of its id for partner choice', () => {
    const req = requests.choose();
    req.candidates[1] = { ...req.candidates[1], name: 'Sam Lee' };
    const r = parseAnswer(req, '{"choice": "sam lee", "reason": "new"}');
    assert.ok(r.ok && r.value.choice === 'sam');
    assert.deepEqual(r.ok && r.repairs, ['a candidate named instead of its id']);
    const cased = parseAnswer(req, '{"choice": "Sam", "reason": "new"}');
    assert.deepEqual(cased.ok && cased.repairs, ['"choice" spelling']);
    assert.deepEqual(parseAnswer(req, '{"choice": "Sam Lees", "reason": "?"}'), {
      ok: false,
      error: '"choice" must be one of ali, sam, not "Sam Lees"',
    });
  });
});

describe('llm agent model: the coach (real HTTP)', () => {
  const fake = useFakeEndpoint();

  it('sends the coach system message and a schema with partner, and returns the partner', async () => {
    fake.server.script = () => reply.content(answer('Jack Thompson'));
    const res = await registryFor(fake.server.url, {}, { onCall: fake.onCall }).model('gpt').decide(advise());
    assert.equal(res.partner, 'jack_t');
    assert.deepEqual(fake.records[0].repairs, ['a warm contact named instead of its id']);
    const body = fake.server.requests[0].body;
    assert.match(body.messages[0].content, /^You are a coach /m);
    const schema = body.response_format?.json_schema?.schema;
    assert.ok(schema, 'asked for structured output');
    assert.deepEqual(schema.properties.partner.enum, ['ali', 'jack_t', null]);
  });

  it("sends the scenario's coach_system to the coach and its system to the agents only", async () => {
    fake.server.script = (r) =>
      r.body.response_format?.json_schema?.name === 'advise'
        ? reply.content(answer(null))
        : reply.json({ answer: 'Hello.' });
    const prompts = {
      system: 'You are {{persona.name}}. Stay in character.',
      coach_system: 'You coach {{persona.name}}. Rewards:\n{{rewards}}',
    };
    const registry = new ModelRegistry(
      scenario({ gpt: modelConfig('gpt', { base_url: fake.server.url }) }, { prompts }),
      { backoff: FAST_BACKOFF },
    );
    await registry.model('gpt').decide(advise());
    await registry.model('gpt').decide(requests.interview());
    const [coach, agent] = fake.server.requests.map((r) => r.body.messages[0].content as string);
    assert.match(coach, /\n\nYou coach Maya\. Rewards:\n- social \(SOC\): 0\.50, matters 0\.30\n/);
    assert.ok(agent.endsWith('\n\nYou are Maya. Stay in character.'), agent);
    assert.doesNotMatch(coach, /You are Maya/);
    assert.doesNotMatch(agent, /You coach/);
  });
});
