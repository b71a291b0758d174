// The regular expressions in language-configuration.json are compiled by VS Code as JavaScript
// RegExps; check the ones that matter for editing .society files.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface OnEnterRule {
  beforeText: string;
  action: { indent: string; appendText?: string };
}
const config = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'language-configuration.json'), 'utf8')) as {
  comments: { lineComment: string };
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules: OnEnterRule[];
  folding: { offSide: boolean };
};

describe('language-configuration.json', () => {
  it('uses # line comments and indentation folding', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.equal(config.folding.offSide, true);
  });

  it('keeps persona ids with _ and - as one word', () => {
    const word = new RegExp(config.wordPattern, 'g');
    const words = (text: string) => text.match(word) ?? [];
    assert.deepEqual(words('with: maya_chen'), ['with', 'maya_chen']);
    assert.deepEqual(words('remove: [maya-chen, tom]'), ['remove', 'maya-chen', 'tom']);
    assert.deepEqual(words('- id: aroha'), ['id', 'aroha']);
    assert.deepEqual(words('tie: 0.35'), ['tie', '0.35']);
    assert.deepEqual(words('{{partner.name}}'), ['partner', 'name']);
  });

  it('indents after a key that opens a block', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    for (const line of [
      'traits:',
      '  memories:  # seed memories',
      'bio: |',
      '  speak: >-',
      '- with:',
      '  -',
      'interests: [',
      'traits: {',
      'base: &defaults',
    ]) {
      assert.ok(increase.test(line), `should indent after ${JSON.stringify(line)}`);
    }
    for (const line of [
      'name: Maya Chen',
      'tie: 0.6',
      'interests: [a, b]',
      '# note:',
      '  - maya',
      'note: "ends with a colon:" # x y',
    ]) {
      assert.ok(!increase.test(line), `should not indent after ${JSON.stringify(line)}`);
    }
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(decrease.test('  }'));
    assert.ok(decrease.test('],'));
    assert.ok(!decrease.test('  name: x'));
  });

  it('continues a mapping inside a sequence item at the key column', () => {
    const rule = (line: string) => config.onEnterRules.find((r) => new RegExp(r.beforeText).test(line))?.action;
    assert.deepEqual(rule('  - with: tom'), { indent: 'none', appendText: '  ' });
    assert.deepEqual(rule('  - text: |'), { indent: 'indent', appendText: '  ' });
    assert.deepEqual(rule('  - add:'), { indent: 'indent', appendText: '  ' });
    assert.equal(rule('  - maya'), undefined);
    assert.equal(rule('name: Maya'), undefined);
  });
});
