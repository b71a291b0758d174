// Properties over generated agents: whatever a TinyTroupe persona or an OASIS profile holds, every
// text in it ends up in the persona or is named by a warning, and the written file passes the
// schema checks and reads back to the same persona.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace } from '../../../src/core/format';
import { importPersonas } from '../../../src/core/interop';
import { assertAccountedFor } from './accounting';

const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
const leaf = fc.oneof(
  text,
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('any'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'title', 'name', 'description'), tie('any'), { maxKeys: 3 }),
  ),
})).any;

const TINYTROUPE_KEYS = [
  'age',
  'gender',
  'nationality',
  'residence',
  'country_of_residence',
  'current_location',
  'education',
  'long_term_goals',
  'occupation',
  'occupation_description',
  'style',
  'personality',
  'personality_traits',
  'preferences',
  'professional_interests',
  'skills',
  'beliefs',
  'behaviors',
  'routines',
  'health',
  'relationships',
  'other_facts',
  'current_emotions',
  'made_up_key',
];
const OASIS_KEYS = [
  'name',
  'username',
  'bio',
  'persona',
  'age',
  'gender',
  'mbti',
  'country',
  'profession',
  'interested_topics',
  'previous_tweets',
  'following_agentid_list',
  'user_char',
  'description',
  'karma',
];

function fields(keys: string[]) {
  return fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 });
}

/** The same checks as `society check`, on the text in memory; returns error and warning lines. */
async function checkWritten(text: string): Promise<string[]> {
  const files = new OverlayFileSystem(new NodeFileSystem());
  const file = '/generated/personas/gen.society';
  files.set(file, text);
  const { diagnostics } = await new SocietyWorkspace(files, '/generated').check([file]);
  return diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.message}`);
}

describe('import properties', function () {
  it('TinyTroupe: nothing is dropped silently, and the file is valid and reads back', async () => {
    await fc.assert(
      fc.asyncProperty(text, fields(TINYTROUPE_KEYS), async (name, persona) => {
        const source = { name, ...persona };
        const result = importPersonas('tinytroupe', [
          { file: 'gen.agent.json', text: JSON.stringify({ type: 'TinyPerson', persona: source }) },
        ]);
        assert.equal(result.personas.length, 1);
        assertAccountedFor(result, result.personas[0], source, ['name', 'personality.big_five']);
        assert.deepEqual(parse(result.files[0].text), JSON.parse(JSON.stringify(result.personas[0])));
        assert.deepEqual(await checkWritten(result.files[0].text), []);
      }),
      { numRuns: 500 },
    );
  });

  it('OASIS: nothing is dropped silently, and the file is valid and reads back', async () => {
    await fc.assert(
      fc.asyncProperty(text, fields(OASIS_KEYS), async (realname, profile) => {
        const source = { realname, ...profile };
        const result = importPersonas('oasis', [{ file: 'gen.json', text: JSON.stringify([source]) }]);
        assert.equal(result.personas.length, 1);
        // The follow list is about other agents (reported when it names none).
        assertAccountedFor(result, result.personas[0], source, ['realname', 'following_agentid_list', 'mbti']);
        assert.deepEqual(parse(result.files[0].text), JSON.parse(JSON.stringify(result.personas[0])));
        assert.deepEqual(await checkWritten(result.files[0].text), []);
      }),
      { numRuns: 500 },
    );
  });
});
