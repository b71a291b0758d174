// `--seeds`: integers and inclusive ranges (QA: `--seeds 1-3` was answered "must be an integer"),
// each bad entry named, and no seed twice.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { integerListOption, MAX_LIST_LENGTH } from '../../../src/cli/integerList';
import { MIN_SEED } from '../../../src/core/random/rng';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const society = (args: string[]) =>
  spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
const seeds = (value: string) => integerListOption('seeds', value, MIN_SEED);

describe('--seeds lists', () => {
  it('takes integers and inclusive ranges, in the order given', () => {
    assert.equal(integerListOption('seeds', undefined, 0), undefined);
    assert.deepEqual(seeds('1, 2,3'), [1, 2, 3]);
    assert.deepEqual(seeds('1-3'), [1, 2, 3]);
    assert.deepEqual(seeds('1,2,5-7'), [1, 2, 5, 6, 7]);
    assert.deepEqual(seeds('10-12,1'), [10, 11, 12, 1]);
    assert.deepEqual(seeds('4-4'), [4]);
    assert.deepEqual(seeds('1–3'), [1, 2, 3], 'an en dash, as prose writes 1–5');
    // Seeds may be negative (as --seed and experiment.seeds): so may a range's ends.
    assert.deepEqual(seeds('-1'), [-1]);
    assert.deepEqual(seeds('-3--1,0-1'), [-3, -2, -1, 0, 1]);
  });

  it('names the bad entry, and the whole list when it has several', () => {
    const refused: [string, string][] = [
      ['1,,2', "--seeds takes integers and ranges of them, as in 1,2,5-7; got '' in '1,,2'"],
      ['1,', "--seeds takes integers and ranges of them, as in 1,2,5-7; got '' in '1,'"],
      ['1.5', "--seeds takes integers and ranges of them, as in 1,2,5-7; got '1.5'"],
      ['1,2-x', "--seeds takes integers and ranges of them, as in 1,2,5-7; got '2-x' in '1,2-x'"],
      ['1-', "--seeds takes integers and ranges of them, as in 1,2,5-7; got '1-'"],
      ['1-2-3', "--seeds takes integers and ranges of them, as in 1,2,5-7; got '1-2-3'"],
      ['1e3', "--seeds takes integers and ranges of them, as in 1,2,5-7; got '1e3'"],
      ['3-1', "--seeds: the range '3-1' runs backwards, so it holds no integer; write 1-3"],
      ['1,7-5', "--seeds: the range '7-5' in '1,7-5' runs backwards, so it holds no integer; write 5-7"],
      ['1,1', '--seeds lists 1 twice: repeated seeds are not independent runs'],
      ['1-3,2', "--seeds lists 2 twice (in '1-3' and '2'): repeated seeds are not independent runs"],
      [
        '99999999999999999999',
        "--seeds takes integers ≥ -2147483648 and ≤ 9007199254740991; got '99999999999999999999'",
      ],
      [
        '1,-2147483649-0',
        "--seeds takes integers ≥ -2147483648 and ≤ 9007199254740991; got '-2147483649-0' in '1,-2147483649-0'",
      ],
      [`1-${MAX_LIST_LENGTH + 1}`, `--seeds holds at most ${MAX_LIST_LENGTH} integers; got '1-${MAX_LIST_LENGTH + 1}'`],
    ];
    for (const [value, message] of refused) assert.throws(() => seeds(value), { message }, value);
    assert.throws(() => integerListOption('seeds', '0-2', 1), { message: "--seeds takes integers ≥ 1; got '0-2'" });
  });

  it('society experiment --seeds 1-2 runs seeds 1 and 2; a backwards range is refused before any work, exit 2', function () {
    const out = path.join(scratchDir('society-seeds-'), 'exp');
    const ran = society([
      'experiment',
      'examples/friends/friends.society',
      '--seeds',
      '1-2',
      '--rounds',
      '1',
      '--no-traces',
      '--quiet',
      '--out',
      out,
    ]);
    assert.equal(ran.status, 0, ran.stderr);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, 'experiment.json'), 'utf8')).seeds, [1, 2]);
    const backwards = society(['experiment', 'examples/friends/friends.society', '--seeds', '3-1']);
    assert.equal(backwards.status, 2);
    // Said by the command, with its usage, as every command's option errors are (command.ts).
    assert.match(
      backwards.stderr,
      /^society experiment: --seeds: the range '3-1' runs backwards, so it holds no integer; write 1-3\nUsage: society experiment </,
    );
  });
});
