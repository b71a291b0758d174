import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSociety, documentSymbols, foldingRanges, type DocumentSymbol } from '../../../src/core/format';
import { MAYA, SCENARIO } from './editorFixtures';

const names = (symbols: DocumentSymbol[]): string[] => symbols.map((s) => s.name);

describe('outline and folding', () => {
  it('a persona is one symbol named after it, with its keys inside', () => {
    const [maya] = documentSymbols(parseSociety(MAYA, 'maya.society'));
    assert.deepEqual([maya.name, maya.detail, maya.kind], ['Maya Chen', 'maya', 'persona']);
    assert.deepEqual(maya.selectionRange.start, { line: 1, character: 4 });
    assert.deepEqual(names(maya.children), [
      'kind',
      'id',
      'name',
      'age',
      'occupation',
      'motivations',
      'interests',
      'relationships',
    ]);
    assert.deepEqual(names(maya.children.find((c) => c.name === 'motivations')!.children), ['social', 'information']);
  });

  it('a scenario lists includes, inline personas, rooms and events by what they are', () => {
    const [s] = documentSymbols(parseSociety(SCENARIO, 's.society'));
    assert.deepEqual([s.name, s.kind], ['Small', 'scenario']);
    const personas = s.children.find((c) => c.name === 'personas')!;
    assert.deepEqual(
      personas.children.map((c) => [c.name, c.kind]),
      [
        ['include personas/*.society', 'include'],
        ['Sam', 'persona'],
      ],
    );
    const events = s.children.find((c) => c.name === 'events')!;
    assert.deepEqual(
      events.children.map((c) => [c.name, c.detail]),
      [['round 3', 'remove']],
    );
    const rooms = s.children.find((c) => c.name === 'world')!.children.find((c) => c.name === 'rooms')!;
    assert.deepEqual(names(rooms.children), ['lobby']);
  });

  it('several documents in one file: one symbol each', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../../examples/forum/people.society'), 'utf8');
    const symbols = documentSymbols(parseSociety(text, 'people.society'));
    assert.equal(symbols.length, 8);
    assert.ok(symbols.every((s) => s.kind === 'persona'));
    assert.equal(symbols[0].name, 'Ana Silva');
  });

  it('folds blocks under their key, list items, documents and comment blocks', () => {
    const text =
      '# one\n# two\nkind: scenario\nname: x\nworld:\n  rounds: 3\n  rooms:\n    - name: a\n      topic: t\nbio: >\n  long\n  text\n---\nkind: persona\n';
    const folds = foldingRanges(parseSociety(text, 'x.society')).map(
      (f) => `${f.startLine}-${f.endLine}${f.kind ? ` ${f.kind}` : ''}`,
    );
    assert.deepEqual(folds, ['0-1 comment', '2-11', '4-8', '6-8', '7-8', '9-11', '12-13']);
  });

  it('regions', () => {
    const text = 'kind: persona\n# region facts\nid: a\nname: A\n# endregion\n';
    assert.deepEqual(foldingRanges(parseSociety(text, 'x.society')), [{ startLine: 1, endLine: 4, kind: 'region' }]);
  });
});
