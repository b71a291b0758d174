// The places persona ids, model names and includes live (format/schema/roles.ts), and the prefix test a
// walk uses to skip the rest: every path with a role must be reachable through prefixes that
// mayLeadTo accepts, or a reference would silently drop out of rename and completion.
import * as assert from 'node:assert/strict';
import { mayLeadTo, personaScope, valueRole, type ValueRole } from '../../../src/core/format/schema/roles';
import type { PathSegment } from '../../../src/core/format/syntax/parse';

const ROLED: ['persona' | 'scenario', PathSegment[], ValueRole][] = [
  ['persona', ['id'], 'persona-id'],
  ['persona', ['relationships', 2, 'with'], 'persona-ref'],
  ['persona', ['model'], 'model-ref'],
  ['scenario', ['personas', 0, 'id'], 'persona-id'],
  ['scenario', ['personas', 3, 'relationships', 0, 'with'], 'persona-ref'],
  ['scenario', ['personas', 1, 'model'], 'model-ref'],
  ['scenario', ['personas', 4, 'include'], 'include'],
  ['scenario', ['events', 1, 'add', 0, 'id'], 'persona-id'],
  ['scenario', ['events', 1, 'add', 2, 'relationships', 1, 'with'], 'persona-ref'],
  ['scenario', ['events', 0, 'remove', 3], 'persona-ref'],
  ['scenario', ['world', 'rooms', 0, 'members', 5], 'persona-ref'],
  ['scenario', ['coaching', 'model'], 'model-ref'],
  ['scenario', ['population', 2, 'model'], 'model-ref'],
  ['scenario', ['judges', 0, 'by', 1], 'model-ref'],
];

describe('value roles', () => {
  it('names the role of each place a persona id, model name or include is written', () => {
    for (const [kind, path, role] of ROLED) assert.equal(valueRole(kind, path), role, `${kind} ${path.join('.')}`);
  });

  it('gives no role to neighbouring places (wrong index type, wrong depth, other kinds)', () => {
    const none: [string | undefined, PathSegment[]][] = [
      ['scenario', ['personas', 'x', 'id']],
      ['scenario', ['personas', 0, 'id', 0]],
      ['scenario', ['personas', 0]],
      ['scenario', ['id']],
      ['scenario', ['events', 0, 'remove']],
      ['scenario', ['world', 'rooms', 0, 'members']],
      ['persona', ['relationships', 0, 'tie']],
      ['persona', ['traits', 'openness']],
      ['persona', ['personas', 0, 'id']],
      ['experiment', ['personas', 0, 'id']],
      [undefined, ['id']],
    ];
    for (const [kind, path] of none) {
      assert.equal(valueRole(kind as 'scenario', path), undefined, `${kind} ${path.join('.')}`);
    }
  });

  it('accepts every prefix of a place with the roles asked for, and skips places that hold none', () => {
    const ids: ValueRole[] = ['persona-id', 'persona-ref'];
    for (const [kind, path, role] of ROLED) {
      if (!ids.includes(role)) continue;
      for (let n = 0; n <= path.length; n++) {
        assert.ok(mayLeadTo(kind, path.slice(0, n), ids), `${kind} ${path.slice(0, n).join('.')}`);
      }
    }
    for (const path of [
      ['personas', 0, 'traits'],
      ['personas', 0, 'relationships', 0, 'tie'],
      ['models'],
      ['world', 'setting'],
      ['personas', 0, 'include'],
      ['coaching'],
    ]) {
      assert.equal(mayLeadTo('scenario', path, ids), false, path.join('.'));
    }
    assert.equal(mayLeadTo('scenario', ['coaching'], ['model-ref']), true);
    assert.equal(mayLeadTo('experiment' as 'scenario', [], ids), false);
  });

  it('finds the persona mapping a path is inside', () => {
    assert.deepEqual(personaScope('scenario', ['events', 2, 'add', 1, 'traits', 'openness']), {
      base: ['events', 2, 'add', 1],
      rest: ['traits', 'openness'],
    });
    assert.deepEqual(personaScope('scenario', ['personas', 0]), { base: ['personas', 0], rest: [] });
    assert.deepEqual(personaScope('persona', ['name']), { base: [], rest: ['name'] });
    assert.equal(personaScope('scenario', ['personas']), undefined);
    assert.equal(personaScope('scenario', ['events', 2, 'remove', 1]), undefined);
  });
});
