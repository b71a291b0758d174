import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';
import { commands } from '../../../src/cli/commands';
import { asksForHelp, commandHelp, overview } from '../../../src/cli/help';

const repo = path.resolve(__dirname, '../../..');
const society = (args: string[]) =>
  spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), ...args], { cwd: repo, encoding: 'utf8' });

describe('society help', () => {
  it('documents every option each command names in its usage line', () => {
    for (const c of commands) {
      const flags = [...c.usage.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
      assert.ok(flags.length > 0, c.name);
      for (const flag of flags) {
        assert.ok(
          c.options.some(([f]) => f.split(/[ ,]/).includes(flag)),
          `${c.name}: ${flag} is in the usage but not in the options`,
        );
      }
      const help = commandHelp(c);
      assert.ok(help.startsWith(`Usage: society ${c.usage}\n\n${c.summary}.`), c.name);
    }
  });

  it('lists the commands one line each, at most 100 columns wide', () => {
    const text = overview(commands, '1.2.3');
    for (const c of commands) {
      assert.match(text, new RegExp(`^  ${c.name} +${c.summary.replace(/[()?.*+]/g, '\\$&')}$`, 'm'));
    }
    for (const line of text.split('\n')) assert.ok(line.length <= 100, `too wide: ${line}`);
  });

  it('takes --help or -h anywhere before --', () => {
    assert.equal(asksForHelp(['x.society', '--help']), true);
    assert.equal(asksForHelp(['-h']), true);
    assert.equal(asksForHelp(['--', '--help']), false);
    assert.equal(asksForHelp(['--rounds', '3']), false);
  });

  it('answers `society <command> --help` and `society help <command>` for every command, exit 0', function () {
    for (const c of commands.filter((x) => ['run', 'check', 'experiment', 'report'].includes(x.name))) {
      for (const args of [
        [c.name, '--help'],
        ['help', c.name],
      ]) {
        const r = society(args);
        assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stdout.trimEnd(), commandHelp(c));
      }
    }
  });

  it('rejects an unknown option with the problem and the usage, exit 2', () => {
    const r = society(['run', 'examples/friends/friends.society', '--roundz', '3']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^society run: Unknown option '--roundz'/);
    assert.match(r.stderr, /Usage: society run <scenario>/);
  });

  it('says why when a command that takes one file gets none or several (a shell glob), exit 2', function () {
    for (const name of ['run', 'estimate', 'experiment', 'report', 'metrics', 'export']) {
      const none = society([name]);
      assert.equal(none.status, 2, name);
      assert.match(
        none.stderr,
        new RegExp(`^society ${name}: missing the [a-z ]+ file\\nUsage: society ${name} `),
        name,
      );
      const two = society([name, 'examples/forum/forum.society', 'examples/forum/people.society']);
      assert.equal(two.status, 2, name);
      assert.match(
        two.stderr,
        new RegExp(
          `^society ${name}: takes one [a-z ]+ file, got 2: examples/forum/forum.society examples/forum/people.society\\n`,
        ),
        name,
      );
    }
  });

  it('reads --rounds and reports scenario errors the same way in run and estimate', function () {
    for (const name of ['run', 'estimate']) {
      const r = society([name, 'examples/friends/friends.society', '--rounds', 'ten']);
      assert.equal(r.status, 2, name);
      // A value an option cannot take is a usage error, said as every other one: the command, why, the usage.
      assert.match(
        r.stderr,
        new RegExp(`^society ${name}: --rounds must be an integer ≥ 1, got 'ten'\\nUsage: society ${name} `),
        name,
      );
      // "toString" is a property of every object, not a model of the scenario.
      const model = society([name, 'examples/friends/friends.society', '--model', 'toString', '--rounds', '1']);
      assert.equal(model.status, 2, name);
      assert.match(model.stderr, /unknown model 'toString' \(scenario models: default\)/, name);
      const bad = society([name, 'examples/forum/people.society']);
      assert.equal(bad.status, 1, name);
      // A persona file is fine in itself (`society check` passes it): QA said "see society check" sent users nowhere.
      assert.match(
        bad.stderr,
        new RegExp(
          `^examples/forum/people\\.society:\\d+:\\d+: error .*\\nsociety ${name}: examples/forum/people\\.society holds no scenario \\(\`kind: scenario\`\\) to run; a persona file runs as part of a scenario that includes it\\n$`,
        ),
        name,
      );
      const broken = scratchDir('society-broken-');
      fs.writeFileSync(
        path.join(broken, 's.society'),
        'kind: scenario\nname: Broken\npersonas: [{ id: a, name: A }]\nworld: { rounds: zero }\n',
      );
      const errors = society([name, path.join(broken, 's.society')]);
      assert.equal(errors.status, 1, name);
      assert.match(
        errors.stderr,
        new RegExp(`society ${name}: the scenario has errors \\(see \`society check\`\\)\\n$`),
        name,
      );
    }
  });

  it('says in a sentence when the output folder cannot be made, before doing any work, exit 1', () => {
    const dir = scratchDir('society-out-');
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const runs: [string, string[]][] = [
      ['run', ['examples/friends/friends.society', '--rounds', '1', '--out', blocker]],
      ['experiment', ['examples/friends/friends.society', '--out', path.join(blocker, 'x')]],
      ['report', ['test/fixtures/traces/no-such.jsonl', '--out', blocker]],
    ];
    for (const [name, args] of runs) {
      const r = society([name, ...args]);
      assert.equal(r.status, 1, `${name}: ${r.stderr}`);
      assert.match(
        r.stderr,
        new RegExp(`^society ${name}: cannot create the output folder .*a-file.*: a file is in the way\\n$`),
        name,
      );
    }
  });
});
