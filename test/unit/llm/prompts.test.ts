// Prompt rendering: defaults, scenario overrides, every documented variable provided, empty
// lines dropped, the JSON instruction always present.
import * as assert from 'node:assert/strict';
import { PROMPT_VARIABLES } from '../../../src/core/format/model/templates';
import type { PromptKind } from '../../../src/core/format/model/model';
import { DEFAULT_RULES, DEFAULT_TEMPLATES } from '../../../src/core/llm/prompts/defaults';
import { handbook } from '../../../src/core/llm/prompts/handbook';
import { reaskMessages, renderLines, renderPrompt } from '../../../src/core/llm/prompts/render';
import { promptValues } from '../../../src/core/llm/prompts/values';
import { renderTemplate, templateVariables } from '../../../src/core/format/model/templates';
import { RESPONSE_FORMATS, type DecisionRequest } from '../../../src/core/llm/types';
import { requests } from '../../support/llmFixtures';

const all: DecisionRequest[] = [
  requests.choose(),
  requests.speak(),
  requests.evaluate(),
  requests.advise(),
  requests.reflect(),
  requests.interview(),
];
const ctx = { rounds: 20, layout: 'handbook' as const };

describe('llm prompts', () => {
  it('provides a value for every variable PROMPT_VARIABLES documents, for every kind', () => {
    for (const req of all) {
      const values = promptValues(req, ctx);
      const missing = PROMPT_VARIABLES[req.kind as PromptKind].filter((v) => !(v in values));
      assert.deepEqual(missing, [], `${req.kind} lacks ${missing.join(', ')}`);
      const systemMissing = PROMPT_VARIABLES.system.filter((v) => !(v in values));
      assert.deepEqual(systemMissing, []);
    }
  });

  it("provides a value for every variable of coach_system in the coach's request", () => {
    const values = promptValues(requests.advise(), ctx);
    const missing = PROMPT_VARIABLES.coach_system.filter((v) => !(v in values));
    assert.deepEqual(missing, []);
  });

  it('default templates only use documented variables', () => {
    for (const [kind, template] of Object.entries(DEFAULT_TEMPLATES)) {
      const unknown = templateVariables(template)
        .map((v) => v.name)
        .filter((n) => !PROMPT_VARIABLES[kind as keyof typeof PROMPT_VARIABLES].includes(n));
      assert.deepEqual(unknown, [], kind);
    }
  });

  it('renders the persona, the situation and the JSON shape', () => {
    const [system, user] = renderPrompt(requests.choose(), {}, ctx);
    assert.equal(system.role, 'system');
    assert.match(system.content, /You are Maya/);
    assert.match(system.content, /Age: 27/);
    // Laid out for prefix caches: the shared task and JSON shape, then the persona; the round and
    // memories (oldest first) in the user message, before the situation.
    assert.ok(system.content.startsWith(`${handbook({})}\n\nSetting: An online forum for new students.\n\n`));
    assert.ok(system.content.indexOf(RESPONSE_FORMATS.choose_partner) < system.content.indexOf('You are Maya'));
    assert.match(user.content, /Your task now: "choose_partner"\./);
    assert.match(user.content, /round 2 of 20/);
    assert.match(user.content, /- 1: .*\n- 3: Talked with Ali about climate\./);
    assert.ok(user.content.indexOf('- 3: Talked') < user.content.indexOf('- ali: Ali'));
    assert.match(
      user.content,
      /- ali: Ali; nurse; interests climate, jazz; shared with you: climate; talked 1 time; your tie 0\.40; they rated you 0\.80/,
    );
    assert.match(user.content, /"choice" must be one of: ali, sam\.$/);
    assert.ok(system.content.includes(RESPONSE_FORMATS.choose_partner));
  });

  it('puts what every agent shares first, then the persona, then what changes per call (a prefix cache hits)', () => {
    const maya = renderPrompt(requests.choose(), {}, ctx);
    const later = renderPrompt({ ...requests.choose(), round: 3 }, {}, ctx);
    assert.equal(later[0].content, maya[0].content, 'the system message does not change with the round');
    const ali = renderPrompt(
      { ...requests.choose(), persona: { ...requests.choose().persona, id: 'ali', name: 'Ali' } },
      {},
      ctx,
    );
    const shared = maya[0].content.slice(0, maya[0].content.indexOf('The person: Maya'));
    assert.ok(shared.length > 1000 && ali[0].content.startsWith(shared), 'the handbook and setting are shared');
    for (const kind of ['speak', 'evaluate', 'reflect', 'advise', 'interview'] as const) {
      const req = (requests as any)[kind === 'speak' ? 'speak' : kind]();
      const [system, user] = renderPrompt(req, {}, ctx);
      assert.ok(system.content.includes(RESPONSE_FORMATS[kind]), kind);
      assert.doesNotMatch(system.content, /round 2 of 20/, kind);
      if (kind !== 'reflect' && kind !== 'interview') assert.match(user.content, /round 2 of 20/, kind);
    }
  });

  it('drops lines whose variables are all empty (a persona without a location)', () => {
    const [system] = renderPrompt(requests.speak(), {}, ctx);
    assert.doesNotMatch(system.content, /Lives in:/);
    assert.match(system.content, /Occupation: data journalist/);
    assert.equal(renderLines('A: {{x}}\nB: {{y}}\nC', { x: '', y: '1' }), 'B: 1\nC');
  });

  it('drops the brackets of an empty value with it ("Tom.", not "Tom ().")', () => {
    const line = 'Your conversation partner: {{p}} ({{o}}).';
    assert.equal(renderLines(line, { p: 'Tom', o: '' }), 'Your conversation partner: Tom.');
    assert.equal(renderLines(line, { p: 'Tom', o: 'nurse' }), 'Your conversation partner: Tom (nurse).');
    assert.equal(renderLines(line, { p: 'Tom' }), 'Your conversation partner: Tom ({{o}}).');
    const speak = requests.speak();
    const others = [{ ...speak.others[0], occupation: '' }];
    const [, user] = renderPrompt({ ...speak, others }, {}, ctx);
    assert.match(user.content, /Your conversation partner: Ali\.\n/);
  });

  it('uses scenario overrides per kind and keeps the JSON instruction', () => {
    const [system, user] = renderPrompt(
      requests.speak(),
      {
        system: 'I am {{persona.name}} in {{world.setting}}',
        speak: 'Say hi to {{partner.name}} (turn {{turn}}/{{turns}}).\n{{conversation}}',
      },
      ctx,
    );
    // An overridden kind template brings its own task: the handbook keeps only its shape; then the scenario's system.
    const templates = { system: 'x', speak: 'y' };
    assert.equal(system.content, `${handbook(templates)}\n\nI am Maya in An online forum for new students.`);
    assert.ok(
      !handbook(templates).includes(DEFAULT_RULES.speak) && handbook(templates).includes(RESPONSE_FORMATS.speak),
    );
    assert.match(
      user.content,
      /^Most relevant memories now[^\n]*\n\nSay hi to Ali \(turn 2\/4\)\.\nAli: Hi Maya! Into climbing\?/,
    );
    assert.ok(system.content.includes(RESPONSE_FORMATS.speak));
  });

  it('renders coach inputs: rewards, changes and ratings', () => {
    const [, user] = renderPrompt(requests.advise(), {}, ctx);
    assert.match(user.content, /- information \(INF\): 0\.20, matters 0\.90/);
    assert.match(user.content, /information -0\.10/);
    assert.match(user.content, /mean rating received 0\.60/);
    assert.match(user.content, /people who liked talking with them \(their warm contacts\): Ali/);
  });

  it('leaves unknown placeholders as written, inherited names like toString too', () => {
    assert.equal(
      renderTemplate('{{ name }} / {{toString}} / {{constructor}} / {{nope}}', { name: 'Maya' }),
      'Maya / {{toString}} / {{constructor}} / {{nope}}',
    );
  });

  it('renders a template line by line exactly as renderTemplate does (lines compiled once)', () => {
    const template = [
      '{{ name }} / {{toString}} / {{constructor}} / {{nope}} / {{name}}{{name}}',
      'costs $& and $1 for {{name}}: {{ $& }}',
      'no placeholder here',
      '{{ bad {{name}} }} {{}} {{ name',
    ].join('\n');
    const values = { name: 'M$&a $1', $$: 'x' };
    for (let i = 0; i < 2; i++) {
      assert.equal(renderLines(template, values), renderTemplate(template, values));
    }
  });

  it('re-asks with the bad answer and the problem', () => {
    const m = renderPrompt(requests.interview(), {}, ctx);
    const re = reaskMessages(m, 'no json', 'no JSON object found', 'interview');
    assert.equal(re.length, 4);
    assert.deepEqual(re[2], { role: 'assistant', content: 'no json' });
    assert.match(re[3].content, /could not be used: no JSON object found/);
  });
});
