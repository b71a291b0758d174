// Declared actions through a real OpenAI-compatible endpoint (a local fake server): the `act`
// decision is sent with a JSON schema with one alternative per action on offer, each bounding its
// own arguments; the answer takes effect, and an answer naming an action that is not on offer is
// re-asked. These fake answers are flat ({"action", "args", …}), as a model without structured
// output writes them; test/unit/engine/actionSchema.test.ts answers in the schema's own shape.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fakeOpenAI';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { traceOf } from './traceHelpers';
import { scratchDir } from '../../support/scratch';
import { allowKeysOf } from '../../support/llmFixtures';

const SCENARIO = (url: string) => `kind: scenario
name: two fishers
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
world: { rounds: 2, conversation: { turns: 2 } }
coaching: { enabled: false }
models:
  default: { provider: openai, base_url: "${url}", model: fake, api_key_env: FAKE_KEY, retries: 0 }
state:
  world:
    fish: { initial: 10, min: 0, max: 20 }
  agents:
    catch: { initial: 0, min: 0 }
actions:
  fish:
    description: Fish the lake.
    args: { tonnes: { type: number, min: 0.5, max: 3 } }
    effects:
      world.fish: "world.fish - min(args.tonnes, world.fish)"
      me.catch: "me.catch + min(args.tonnes, world.fish)"
  rest:
    description: Stay ashore.
`;

describe('declared actions with an LLM provider', function () {
  let server: FakeOpenAI;
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(() => server.close());

  it('sends the actions as structured output, applies the answer, and re-asks an action not on offer', async () => {
    const file = path.join(scratchDir('society-act-llm-'), 's.society');
    fs.writeFileSync(file, SCENARIO(server.url));
    const { scenario, diagnostics } = await loadScenarioFile(file, { root: path.dirname(file) });
    assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
    let wrong = 0;
    server.script = (req) => {
      const format = req.body?.response_format?.json_schema;
      if (format?.name === 'act' && wrong === 0) {
        wrong++;
        return { content: JSON.stringify({ action: 'swim', args: {}, reason: 'hot day' }) };
      }
      return undefined;
    };
    const registry = new ModelRegistry(scenario, { secrets: () => 'sk-test', allowKeys: allowKeysOf(scenario) });
    const trace = await traceOf(scenario, { modelFactory: registry.factory, calls: registry.calls });

    const acts = server.requests.filter((r) => r.body?.response_format?.json_schema?.name === 'act');
    assert.ok(acts.length >= 4, `act requests: ${acts.length}`);
    const schema = acts[0].body.response_format.json_schema.schema;
    const alternatives = schema.properties.choice.anyOf;
    assert.deepEqual(
      alternatives.map((a: { properties: { action: { enum: string[] } } }) => a.properties.action.enum),
      [['fish'], ['rest']],
    );
    assert.deepEqual(alternatives[0].properties.args.properties.tonnes, { type: 'number', minimum: 0.5, maximum: 3 });
    assert.deepEqual(alternatives[1].properties.args.properties, {}, 'rest takes no arguments');
    assert.match(acts[0].body.messages[1].content, /fish: Fish the lake\.[\s\S]*tonnes: a number from 0\.5 to 3/);
    // The re-ask names what was wrong; the run then fished as answered (tonnes 1, the sample).
    assert.ok(
      acts.some((r) =>
        r.body.messages.some((m: { content: string }) => /"action" must be one of fish, rest/.test(m.content)),
      ),
    );
    const actions = trace
      .split('\n')
      .filter((l) => l.includes('"type":"action"'))
      .map((l) => JSON.parse(l));
    assert.equal(actions.length, 4, 'two agents, two rounds');
    assert.ok(actions.every((a) => a.action === 'fish' && a.args.tonnes === 1));
    assert.match(trace, /"handling":"recovered".*unparseable|"reason":"unparseable".*"handling":"recovered"/);
  });

  it('a feed: the posts read are in the prompt, post arguments are enumerated, and the model writes the text', async () => {
    const file = path.join(scratchDir('society-feed-llm-'), 's.society');
    fs.writeFileSync(file, FEED_SCENARIO(server.url));
    const { scenario, diagnostics } = await loadScenarioFile(file, { root: path.dirname(file) });
    assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
    const earlier = server.requests.length;
    server.script = (req) => {
      const format = req.body?.response_format?.json_schema;
      if (format?.name !== 'act') return undefined;
      const prompt = req.body.messages.map((m: { content: string }) => m.content).join('\n');
      const who = /You are (\w+)/.exec(prompt)?.[1] ?? 'someone';
      type Alternative = { properties: { args: { properties: Record<string, { enum?: string[] }> } } };
      const ids = (format.schema.properties.choice.anyOf as Alternative[]).find((a) => a.properties.args.properties.to)
        ?.properties.args.properties.to.enum;
      return {
        content: JSON.stringify(
          ids?.length
            ? { action: 'reply', args: { to: ids[0] }, reason: 'answering', text: `${who} answers ${ids[0]}` }
            : { action: 'post', args: {}, reason: 'first word', text: `${who} opens a thread about kites` },
        ),
      };
    };
    const registry = new ModelRegistry(scenario, { secrets: () => 'sk-test', allowKeys: allowKeysOf(scenario) });
    const trace = await traceOf(scenario, { modelFactory: registry.factory, calls: registry.calls });
    const acts = server.requests.slice(earlier).filter((r) => r.body?.response_format?.json_schema?.name === 'act');
    const schema = acts[0].body.response_format.json_schema.schema;
    for (const a of schema.properties.choice.anyOf) {
      assert.ok(a.required.includes('text'), `${a.properties.action.enum[0]} posts: its answer carries the text`);
      assert.equal(a.properties.text.pattern, '\\S', 'not blank');
    }
    const later = acts.find((r) => /opens a thread about kites/.test(r.body.messages[1].content));
    assert.ok(later, 'a later prompt shows the post read on the feed');
    assert.match(later!.body.messages[1].content, /On the feeds \(best ranked first\):\n- p1 on chat by /);
    const posts = trace
      .split('\n')
      .filter((l) => l.includes('"type":"action"'))
      .map((l) => JSON.parse(l))
      .filter((e) => e.post);
    assert.ok(posts.some((e) => /opens a thread about kites/.test(e.post.text)));
    const reply = posts.find((e) => e.post.reply_to);
    assert.ok(reply, 'a reply');
    assert.match(reply.post.text, new RegExp(`answers ${reply.post.reply_to}`));
    server.script = undefined;
  });
});

const FEED_SCENARIO = (url: string) => `kind: scenario
name: two posters
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
world: { rounds: 2, conversation: { turns: 2 } }
coaching: { enabled: false }
models:
  default: { provider: openai, base_url: "${url}", model: fake, api_key_env: FAKE_KEY, retries: 0 }
feeds:
  chat: { rank: { recency: 1 }, shows: 3 }
actions:
  post:
    description: Start a thread.
    post: chat
  reply:
    description: Reply to a post.
    args: { to: { type: post } }
    post: chat
    reply_to: to
round:
  - { phase: talk, order: sequential }
`;
