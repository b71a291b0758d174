// The format's table of platform verbs (src/core/format/model/verbs.ts) agrees with the schema
// that validates and documents them: every verb is an action key of the type its value needs, and
// a verb that qualifies another needs one the table has.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VERB_KEYS, declaredVerbs, verbSpec, verbTarget } from '../../../src/core/format/model/verbs';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../schemas/society.schema.json'), 'utf8'));
const actionKeys = schema.$defs.action.properties as Record<string, { type?: string }>;

describe('the platform verbs table', () => {
  it('names action keys of the schema, typed as what each verb names', () => {
    for (const key of VERB_KEYS) {
      assert.ok(actionKeys[key], `schemas/society.schema.json $defs.action has no '${key}'`);
      assert.equal(actionKeys[key].type, verbTarget(key) === 'deltas' ? 'object' : 'string', key);
    }
  });

  it('has every verb another one needs', () => {
    for (const key of VERB_KEYS) {
      const needs = verbSpec(key)?.needs;
      if (needs) assert.ok(VERB_KEYS.includes(needs.verb) && needs.verb !== key, key);
    }
  });

  it("gives an action's verbs in the table's order, typed by what they name", () => {
    const declared = declaredVerbs({ ties: { who: 0.1 }, like: 'p', post: 'forum' });
    assert.deepEqual(declared, [
      { key: 'post', names: 'feed', value: 'forum' },
      { key: 'like', names: 'post', value: 'p' },
      { key: 'ties', names: 'deltas', value: { who: 0.1 } },
    ]);
    assert.equal(verbTarget('description'), undefined);
  });
});
