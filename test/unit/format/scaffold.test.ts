import * as assert from 'node:assert/strict';
import { loadScenarioFile, scaffoldSociety } from '../../../src/core/format';
import { tempTree } from './editorFixtures';
import * as path from 'node:path';

describe('New Society scaffold', () => {
  it('is a valid, runnable scenario with personas that know each other', async () => {
    const files = scaffoldSociety('Book club');
    assert.deepEqual(
      files.map((f) => f.path),
      [
        'book-club.society',
        'personas/maya.society',
        'personas/leo.society',
        'personas/sam.society',
        'personas/ines.society',
      ],
    );
    const root = tempTree(Object.fromEntries(files.map((f) => [f.path, f.text])));
    const { scenario, diagnostics } = await loadScenarioFile(path.join(root, 'book-club.society'), { root });
    assert.deepEqual(diagnostics, []);
    assert.equal(scenario?.name, 'Book club');
    assert.equal(scenario?.personas.length, 4);
    assert.deepEqual(
      scenario?.personas.find((p) => p.id === 'leo')?.relationships.map((r) => r.with),
      ['sam'],
    );
  });

  it('quotes a name YAML would misread', async () => {
    const [s] = scaffoldSociety('Friends: a study #1');
    assert.match(s.text, /^name: "Friends: a study #1"$/m);
  });
});
