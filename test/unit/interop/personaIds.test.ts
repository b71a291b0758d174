// Persona ids from foreign names: schema-valid slugs, unique within an import.
import assert from 'node:assert/strict';
import { PersonaIdAllocator, slugId } from '../../../src/core/interop/personaIds';

const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

describe('persona ids', () => {
  it('slugifies names and handles into the schema pattern', () => {
    assert.equal(slugId('Clément Delangue'), 'clement_delangue');
    assert.equal(slugId('GPU_Overlord'), 'gpu_overlord');
    assert.equal(slugId('  Jensen  Huang!! '), 'jensen_huang');
    assert.equal(slugId('42 is the answer'), 'p_42_is_the_answer');
    assert.equal(slugId('<&"\'>'), '');
    assert.equal(slugId('日本語'), '');
    assert.ok(slugId('a'.repeat(100)).length <= 40);
  });

  it('makes every id unique and falls back to later hints and then to "persona"', () => {
    const ids = new PersonaIdAllocator();
    assert.equal(ids.allocate('Maya Chen'), 'maya_chen');
    assert.equal(ids.allocate('maya-chen'), 'maya_chen_2');
    assert.equal(ids.allocate('MAYA CHEN'), 'maya_chen_3');
    assert.equal(ids.allocate('<&>', 'Bob Smith'), 'bob_smith');
    assert.equal(ids.allocate('<&>', '山田'), 'persona');
    assert.equal(ids.allocate(''), 'persona_2');
    assert.equal(ids.allocate('Constructor'), 'constructor_2');
  });

  it('always matches the schema pattern', () => {
    const ids = new PersonaIdAllocator();
    for (const hint of ['', '9', '_x_', 'Ünïcödé', '\u0000\u0007', '-dash', 'a'.repeat(60), 'a'.repeat(60)]) {
      assert.match(ids.allocate(hint), ID_PATTERN, JSON.stringify(hint));
    }
  });
});
