// Issue 41, defect 4: every JSON schema we send is one a strict structured-output endpoint accepts
// (src/core/llm/strictSchema.ts), and whatever an endpoint answers within it passes our
// validation. The rule set is checked against each rule it encodes; then every example scenario
// runs against a fake endpoint that answers each request with a random instance of the request's
// own schema (test/support/schemaInstance.ts), and every schema it was sent is checked.
import * as assert from 'node:assert/strict';
import { strictViolations, STRICT_LIMITS } from '../../../src/core/llm/strictSchema';
import { responseSchema } from '../../../src/core/llm/parse/schemas';
import { ModelRegistry } from '../../../src/core/llm/registry';
import type { Scenario } from '../../../src/core/format/model/model';
import type { ErrorEvent } from '../../../src/core/trace/events';
import { readTrace } from '../../../src/core/trace/reader';
import { requests, allowKeysOf } from '../../support/llmFixtures';
import { schemaAnswers, startFakeOpenAI, type FakeOpenAI } from '../../support/fakeOpenAI';
import { example, traceOf } from '../engine/traceHelpers';

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
  ...extra,
});

describe('strict structured-output schemas: the rules (issue 41: 4)', () => {
  it('accepts a schema within the documented subset', () => {
    const s = obj({
      a: { type: 'string', enum: ['x', 'y'] },
      b: { type: ['string', 'null'], maxLength: 10 },
      c: { anyOf: [obj({ k: { type: 'string', enum: ['k'] } }), obj({})] },
      d: { type: 'array', items: { type: 'integer' }, maxItems: 3 },
      e: { type: 'number', minimum: 0, maximum: 1 },
      f: { type: 'string', pattern: '\\S' },
    });
    assert.deepEqual(strictViolations(s), []);
  });

  const broken: [string, unknown, RegExp][] = [
    ['a root anyOf', { anyOf: [obj({})] }, /root must be a single object/],
    ['a root that is not an object', { type: 'array', items: { type: 'string' } }, /root must be a single object/],
    ['extra keys allowed', { ...obj({ a: { type: 'string' } }), additionalProperties: true }, /additionalProperties/],
    ['an optional property', { ...obj({ a: { type: 'string' } }), required: [] }, /"a" must be required/],
    ['oneOf', obj({ a: { oneOf: [{ type: 'string' }] } }), /"oneOf" is not supported/],
    ['allOf', obj({ a: { allOf: [{ type: 'string' }], type: 'string' } }), /"allOf" is not supported/],
    ['a default', obj({ a: { type: 'string', default: 'x' } }), /"default" is not supported/],
    ['an untyped value', obj({ a: { description: 'anything' } }), /no type/],
    ['an array without items', obj({ a: { type: 'array' } }), /"items"/],
    ['an enum value of another type', obj({ a: { type: 'string', enum: ['x', 3] } }), /not of type string/],
    ['an unknown format', obj({ a: { type: 'string', format: 'uri' } }), /format "uri"/],
    ['lookaround', obj({ a: { type: 'string', pattern: '(?=x)' } }), /lookaround/],
    ['an empty anyOf', obj({ a: { anyOf: [] } }), /at least one/],
  ];
  for (const [what, schema, problem] of broken) {
    it(`rejects ${what}`, () => assert.match(strictViolations(schema).join('\n'), problem));
  }

  it('holds the size limits', () => {
    let deep: Record<string, unknown> = obj({ x: { type: 'string' } });
    for (let i = 0; i < STRICT_LIMITS.depth; i++) deep = obj({ inner: deep });
    assert.match(strictViolations(deep).join('\n'), /nested 6 objects deep/);
    const wide = obj(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}`, { type: 'string' }])));
    assert.match(strictViolations(wide).join('\n'), /101 object properties/);
    const values = Array.from({ length: 501 }, (_, i) => `v${i}`);
    assert.match(strictViolations(obj({ e: { type: 'string', enum: values } })).join('\n'), /501 enum values/);
  });

  for (const req of [
    requests.choose(),
    requests.speak(),
    requests.evaluate(),
    requests.advise(),
    { ...requests.advise(), warm: [] },
    requests.reflect(),
    requests.interview(),
  ]) {
    it(`${req.kind}: the schema sent is strict-valid`, () => {
      assert.deepEqual(strictViolations(responseSchema(req, true)), []);
    });
  }
});

/**
 * The scenario with every model an OpenAI-compatible endpoint at `url`, failing decisions skipped,
 * and agents reflecting at every chance (so reflections are asked for in a short run).
 */
function againstServer(s: Scenario, url: string, rounds: number): Scenario {
  const models = Object.fromEntries(
    Object.entries(s.models).map(([name, m]) => [
      name,
      { ...m, provider: 'openai' as const, base_url: url, model: 'fake', retries: 0, on_error: 'skip' as const },
    ]),
  );
  return { ...s, models, world: { ...s.world, rounds }, memory: { ...s.memory, reflect_at: 1 } };
}

describe('every schema the examples send is strict-valid, and every answer within it is taken (issue 41: 4)', function () {
  let server: FakeOpenAI;
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(() => server.close());
  afterEach(() => server.reset());

  const EXAMPLES: [string, string[]][] = [
    ['friends/friends.society', ['choose_partner', 'speak', 'evaluate', 'advise', 'reflect']],
    ['commons/commons.society', ['act']],
    ['donor-game/donor-game.society', ['act', 'advise']],
    ['forum/forum.society', ['act']],
    ['expert-team/expert-team.society', ['act']],
  ];
  for (const [file, kinds] of EXAMPLES) {
    it(file, async () => {
      const scenario = againstServer(await example(file), server.url, 3);
      const answers = schemaAnswers(7);
      server.script = answers.script;
      const registry = new ModelRegistry(scenario, { secrets: () => 'sk-test', allowKeys: allowKeysOf(scenario) });
      const trace = await traceOf(scenario, { modelFactory: registry.factory, calls: registry.calls });

      const sent = server.chatRequests().map((r) => r.body.response_format?.json_schema);
      assert.ok(sent.length > 0 && sent.every(Boolean), 'every request sent a schema');
      for (const kind of kinds) {
        assert.ok(
          sent.some((f) => f.name === kind),
          `${kind} decisions were made`,
        );
      }
      for (const f of sent) assert.deepEqual(strictViolations(f.schema), [], `${f.name}: ${JSON.stringify(f.schema)}`);

      const { events } = readTrace(trace);
      const refused = events.filter((e): e is ErrorEvent => e.type === 'error' && e.reason === 'unparseable');
      assert.deepEqual(
        refused.map((e) => e.message),
        [],
        'no answer that follows the schema is refused',
      );
      assert.equal(answers.answered, sent.length, 'no re-asks');
    });
  }
});
