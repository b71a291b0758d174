// The CLI's option parsing: integers in decimal digits only, within what a double holds exactly
// (seed lists: integerList.test.ts).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { integerOption, parseCommandArgs, wroteFiles } from '../../../src/cli/options';
import { counted } from '../../../src/core/text/counted';

describe('CLI options', () => {
  it('takes integers written in decimal digits, at or above the minimum', () => {
    assert.equal(integerOption('rounds', undefined, 1), undefined);
    assert.equal(integerOption('rounds', '12', 1), 12);
    assert.equal(integerOption('seed', '-5', -(2 ** 31)), -5);
    assert.equal(integerOption('seed', '9007199254740991', -(2 ** 31)), Number.MAX_SAFE_INTEGER);
    for (const bad of ['', ' ', '1e3', '0x10', '1.5', '3 ', 'ten', '9007199254740993', '99999999999999999999']) {
      assert.throws(
        () => integerOption('seed', bad, -(2 ** 31)),
        new RegExp(`^UsageError: --seed must be an integer ≥ -2147483648 and ≤ 9007199254740991, got '${bad}'$`),
        bad,
      );
    }
    assert.throws(() => integerOption('rounds', '0', 1), /^UsageError: --rounds must be an integer ≥ 1, got '0'$/);
  });

  it('takes a negative number as an option\'s value, as seeds may be (QA: `--seed -1` was "ambiguous")', () => {
    const opts = [
      ['--seed S', 'the seed'],
      ['-q, --quiet', 'quiet'],
    ] as const;
    assert.equal(parseCommandArgs('run', 'run <scenario>', ['s.society', '--seed', '-1'], opts)?.values.seed, '-1');
    assert.equal(
      parseCommandArgs('run', 'run <scenario>', ['--seed', '-2147483648', 's.society'], opts)?.values.seed,
      '-2147483648',
    );
    assert.deepEqual(
      parseCommandArgs('run', 'run <scenario>', ['--', '--seed', '-1'], opts)?.positionals,
      ['--seed', '-1'],
      'after -- everything is a positional',
    );
  });

  it('counts with the noun in the right number', () => {
    assert.equal(counted(1, 'round'), '1 round');
    assert.equal(counted(0, 'round'), '0 rounds');
    assert.equal(counted(2, 'seed memory', 'seed memories'), '2 seed memories');
  });

  it('says which file a command cannot write, in a sentence (report as export: QA D8)', () => {
    const said: string[] = [];
    const error = console.error;
    console.error = (line: string) => said.push(line);
    try {
      const denied = Object.assign(new Error("EACCES: permission denied, open '/ro/report.html'"), {
        code: 'EACCES',
        path: '/ro/report.html',
      });
      assert.equal(
        wroteFiles('report', () => {
          throw denied;
        }),
        false,
      );
      // A write that fails without naming its file (a full disk) is said with the file the command names.
      const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      assert.equal(
        wroteFiles(
          'export',
          () => {
            throw full;
          },
          '/full/t.gexf',
        ),
        false,
      );
      assert.equal(
        wroteFiles('export', () => undefined, '/ok'),
        true,
      );
      const shown = (p: string) => path.relative(process.cwd(), p); // paths as the user would type them from here
      assert.deepEqual(said, [
        `society report: cannot write ${shown('/ro/report.html')}: permission denied`,
        `society export: cannot write ${shown('/full/t.gexf')}: no space left on the device`,
      ]);
      // Not a file problem: not dressed up as one.
      assert.throws(
        () =>
          wroteFiles('report', () => {
            throw new TypeError('bug');
          }),
        TypeError,
      );
    } finally {
      console.error = error;
    }
  });
});
