// A key given twice: the value holds the last copy, the earlier one is ignored. QA: errors inside
// the ignored copy appeared only once the other copy was removed. Now every copy carries SOC002
// saying which one counts, the ignored copies are schema-checked at their own ranges (so removing
// either copy brings no new error), and a quick fix removes a copy.
import * as assert from 'node:assert/strict';
import {
  SocietyWorkspace,
  NodeFileSystem,
  OverlayFileSystem,
  codeActions,
  parseSociety,
  type Diagnostic,
} from '../../../src/core/format';
import { validateDocument } from '../../../src/core/format/schema/validate';
import { applyEdits } from './editorFixtures';

const file = '/virtual/copies.society';
function diagnostics(text: string): Diagnostic[] {
  const parsed = parseSociety(text, file);
  return [...parsed.diagnostics, ...parsed.documents.flatMap((d) => validateDocument(parsed, d))];
}
const at = (d: Diagnostic): string => `${d.range.start.line + 1}:${d.range.start.character + 1}`;
const problems = (text: string): string[] =>
  diagnostics(text)
    .map((d) => `${at(d)} ${d.code} ${d.message}`)
    .sort();
/** Everything but SOC002, by where and what. */
const others = (text: string): string[] => problems(text).filter((p) => !p.includes(' SOC002 '));

describe('the copies of a duplicated key', () => {
  it('each carry SOC002 saying which one counts, pointing at the others', () => {
    const text = 'kind: persona\nid: p\nname: P\nage: 30\nage: 40\n';
    const dups = diagnostics(text).filter((d) => d.code === 'SOC002');
    assert.deepEqual(
      dups.map((d) => `${at(d)} ${d.message}`),
      [
        "4:1 Duplicate key 'age': this one is ignored, as the key is given again on line 5 (a key may appear only once in a mapping; the last one counts)",
        "5:1 Duplicate key 'age': a key may appear only once in a mapping (the last one counts, so the one on line 4 is ignored)",
      ],
    );
    assert.deepEqual(
      dups.map((d) => d.related?.map((r) => `${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`)),
      [['5:1 this one counts'], ['4:1 ignored']],
    );
  });

  it('name every ignored copy of a key given three times, and copies on one line by place', () => {
    assert.deepEqual(
      problems('kind: persona\nid: p\nname: A\nname: B\nname: C\n').filter((p) => p.startsWith('5:')),
      [
        "5:1 SOC002 Duplicate key 'name': a key may appear only once in a mapping (the last one counts, so the ones on lines 3 and 4 are ignored)",
      ],
    );
    assert.deepEqual(problems('kind: persona\nid: p\nname: P\ntraits: { openness: 0.1, openness: 0.2 }\n'), [
      "4:11 SOC002 Duplicate key 'openness': this one is ignored, as the key is given again later on this line (a key may appear only once in a mapping; the last one counts)",
      "4:26 SOC002 Duplicate key 'openness': a key may appear only once in a mapping (the last one counts, so the one earlier on this line is ignored)",
    ]);
  });

  it('are all schema-checked, at their own ranges, deep in a scenario and in flow mappings', () => {
    const text = [
      'kind: scenario',
      'name: S',
      'personas:',
      '  - id: maya',
      '    name: Maya',
      '    traits: { openness: 2, neuroticism: 0.5 }', // ignored, and wrong
      '    traits: { agreeablenes: 0.5 }', // counts, with a typo
      '    age: old',
      '    age: 30',
      '    age: -1', // given three times: two ignored copies
    ].join('\n');
    assert.deepEqual(others(text), [
      "10:10 SOC013 'age' of persona 'maya' must be >= 0, found -1",
      "6:25 SOC013 'traits.openness' of persona 'maya' must be <= 1, found 2",
      "7:15 SOC011 Unknown property 'agreeablenes' in 'traits' of persona 'maya'. Did you mean 'agreeableness'?",
      "8:10 SOC012 'age' of persona 'maya' must be an integer, found 'old'",
    ]);
  });

  it('leave no error to appear when either copy is removed (the QA case)', () => {
    const lines = [
      'kind: persona',
      'id: p',
      'name: P',
      'traits: { openness: 3 }',
      'memories: [{ importance: 5 }]',
      'traits: { openness: 0.5 }',
      'memories:',
      '  - { text: hi, importance: 11 }',
    ];
    const before = others(lines.join('\n'));
    const without = (drop: number[]): string[] => others(lines.filter((_, i) => !drop.includes(i)).join('\n'));
    const keptFirst = without([5, 6, 7]); // the copies that counted are removed: the ignored ones now count
    assert.deepEqual(keptFirst, [
      "4:21 SOC013 'traits.openness' must be <= 1, found 3",
      "5:14 SOC010 Missing required property 'text' in 'memories[0]'",
    ]);
    assert.ok(
      keptFirst.every((p) => before.includes(p)),
      `already shown: ${before.join(' | ')}`,
    );
    const keptLast = without([3, 4]).map((p) => p.replace(/^(\d+)/, (l) => String(Number(l) + 2))); // lines below move up two
    assert.ok(
      keptLast.length === 1 && keptLast.every((p) => before.includes(p)),
      `${keptLast.join(' | ')} not in ${before.join(' | ')}`,
    );
  });

  it('keep the checks beyond the schema on the copy that counts, and the file from running', async () => {
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    overlay.set(
      '/virtual/s.society',
      'kind: scenario\nname: S\npersonas: [{ id: ana, name: Ana }]\npersonas: [{ id: bo, name: Bo }]\nevents: [{ at: 1, remove: [bo, ana] }]\n',
    );
    const r = await new SocietyWorkspace(overlay, '/virtual').resolveScenario('/virtual/s.society');
    assert.equal(r.scenario, undefined);
    assert.deepEqual(
      r.personas.map((p) => (p.raw as { id: string }).id),
      ['bo'],
      'only the personas that count are in the society',
    );
    assert.deepEqual(
      r.diagnostics.map((d) => `${at(d)} ${d.code} ${d.message}`),
      [
        "3:1 SOC002 Duplicate key 'personas': this one is ignored, as the key is given again on line 4 (a key may appear only once in a mapping; the last one counts)",
        "4:1 SOC002 Duplicate key 'personas': a key may appear only once in a mapping (the last one counts, so the one on line 3 is ignored)",
        "5:32 SOC021 Unknown persona id 'ana' in remove event",
      ],
    );
  });

  it('can each be removed by a quick fix, block and flow alike', () => {
    const ws = new SocietyWorkspace(new NodeFileSystem(), '/');
    const remove = (text: string, line: number): string => {
      const analysis = ws.analyzeText(file, text);
      const d = analysis.diagnostics.find((x) => x.code === 'SOC002' && x.range.start.line === line - 1)!;
      const actions = codeActions(analysis, [d], d.range);
      assert.deepEqual(
        actions.map((a) => a.title),
        [`Remove this copy of ${/'[^']+'/.exec(d.message)![0]}`],
      );
      return applyEdits(text, actions[0].edit.get(file)!);
    };
    const block = 'kind: persona\nid: p\nname: P\ntraits:\n  openness: 2\nage: 3\ntraits:\n  openness: 0.5\n';
    assert.equal(remove(block, 4), 'kind: persona\nid: p\nname: P\nage: 3\ntraits:\n  openness: 0.5\n');
    assert.equal(remove(block, 7), 'kind: persona\nid: p\nname: P\ntraits:\n  openness: 2\nage: 3\n');
    assert.equal(
      remove('kind: persona\nid: p\nname: P\ntraits: { openness: 2, openness: 0.5 }\n', 4),
      'kind: persona\nid: p\nname: P\ntraits: { openness: 0.5 }\n',
    );
  });

  it('give no structural fix that would edit the other copy from inside an ignored one', () => {
    const ws = new SocietyWorkspace(new NodeFileSystem(), '/');
    const analysis = ws.analyzeText(
      file,
      'kind: persona\nid: p\nname: P\ntraits: { charm: 1 }\ntraits: { openness: 0.5 }\n',
    );
    const unknown = analysis.diagnostics.find((d) => d.code === 'SOC011')!;
    assert.equal(at(unknown), '4:11');
    assert.equal(unknown.path, undefined);
    assert.deepEqual(codeActions(analysis, [unknown], unknown.range), []);
  });
});
