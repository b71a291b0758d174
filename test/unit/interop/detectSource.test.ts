// Which simulator wrote a file — how Society: Import Personas… picks the reader without asking.
import assert from 'node:assert/strict';
import { detectImportSource } from '../../../src/core/interop';
import { fixture, tinyTroupeFixtures } from './fixtures';

describe('import source detection', () => {
  it('recognises the fixtures', () => {
    for (const f of tinyTroupeFixtures()) assert.equal(detectImportSource(f.file, f.text), 'tinytroupe', f.file);
    for (const name of ['reddit_profiles.json', 'twitter_profiles.csv']) {
      const f = fixture('oasis', name);
      assert.equal(detectImportSource(f.file, f.text), 'oasis', name);
    }
  });

  it('reads the shape when the name says nothing', () => {
    assert.equal(detectImportSource('a.json', '{"type": "TinyPerson", "persona": {"name": "A"}}'), 'tinytroupe');
    assert.equal(
      detectImportSource('a.json', '{"json_serializable_class_name": "TinyPerson", "_configuration": {}}'),
      'tinytroupe',
    );
    assert.equal(detectImportSource('a.json', '[{"realname": "A", "persona": "text", "mbti": "INTJ"}]'), 'oasis');
    assert.equal(detectImportSource('a.json', '{"hello": 1}'), undefined);
    assert.equal(detectImportSource('a.json', 'not json'), undefined);
    assert.equal(detectImportSource('a.json', '[]'), undefined);
    assert.equal(
      detectImportSource('a.json', '\ufeff[{"realname": "A", "username": "a"}]'),
      'oasis',
      'a byte-order mark',
    );
  });
});
