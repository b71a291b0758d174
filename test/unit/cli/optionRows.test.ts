// Each command's options are declared once, as its help rows (src/cli/optionRows.ts): the parser
// follows the rows, so what the usage line names is accepted and what the help lists is parsed.
import assert from 'node:assert/strict';
import { commands } from '../../../src/cli/commands';
import { parseConfig } from '../../../src/cli/optionRows';
import { parseCommandArgs } from '../../../src/cli/options';

describe("a command's options, declared once as its help rows", () => {
  it('accepts every option each usage line names, and every option its help lists', () => {
    for (const c of commands) {
      const parsed = Object.keys(parseConfig(c.options));
      for (const m of c.usage.matchAll(/--([a-z][a-z-]*)/g)) {
        assert.ok(parsed.includes(m[1]!), `${c.name}: --${m[1]} is in the usage but not parsed`);
      }
      const listed = c.options.filter(([f]) => f.startsWith('-')).length;
      assert.equal(parsed.length, listed, `${c.name}: ${parsed.join(', ')}`);
    }
  });

  it('reads a value, a switch, a short form, a default and a repeated option from the rows', () => {
    const rows = [
      ['<file>', 'the file'],
      ['--rounds N', 'rounds'],
      ['--json', 'as JSON'],
      ['-q, --quiet', 'quiet'],
      ['--format F', 'format', { default: 'table' }],
      ['--tie A->B=X', 'a tie', { multiple: true }],
    ] as const;
    const p = parseCommandArgs(
      'x',
      'x <file>',
      ['f', '--rounds', '3', '-q', '--tie', 'a->b=1', '--tie', 'b->a=0'],
      rows,
    );
    assert.deepEqual(p?.positionals, ['f']);
    assert.equal(p?.values.rounds, '3');
    assert.equal(p?.values.quiet, true);
    assert.equal(p?.values.json, undefined);
    assert.equal(p?.values.format, 'table');
    assert.deepEqual(p?.values.tie, ['a->b=1', 'b->a=0']);
  });

  it('refuses an option the rows do not list, and a row it cannot read', () => {
    assert.equal(parseCommandArgs('x', 'x', ['--roundz', '3'], [['--rounds N', 'rounds']] as const), undefined);
    assert.throws(() => parseConfig([['--Bad flag', 'x']]), /help row '--Bad flag'/);
  });
});
