// The Kubernetes and CI-matrix recipes (examples/cluster/) are not run here (no cluster, no
// GitHub runners), so their parts are checked against each other and against the CLI: the
// number of parts agrees everywhere, part numbers cover 1..n, and every option they pass to
// `society experiment` is one it takes. The Slurm recipe runs for real in test/cluster/slurm.sh.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { experimentCommand } from '../../../src/cli/commands/experiment';

const repo = path.resolve(__dirname, '../../..');
const recipe = (file: string) => parse(fs.readFileSync(path.join(repo, 'examples/cluster', file), 'utf8'));
/** The `--options` a command line passes (after `experiment`). */
const optionsOf = (command: string) => [...command.matchAll(/(?<![\w-])--[a-z-]+/g)].map((m) => m[0]);
const known = new Set(optionsOf(experimentCommand.usage));

describe('cluster recipes', () => {
  it('the Kubernetes Indexed Job runs part index+1 of completions, as many at once, with options the CLI takes', () => {
    const job = recipe('kubernetes/indexed-job.yaml');
    assert.equal(job.kind, 'Job');
    assert.equal(job.spec.completionMode, 'Indexed');
    const container = job.spec.template.spec.containers[0];
    const command = container.args.join(' ');
    const parts = Number(/--shard "\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\/(\d+)"/.exec(command)?.[1]);
    assert.equal(parts, job.spec.completions, 'the n of --shard i/n is the number of completions');
    assert.equal(job.spec.parallelism, job.spec.completions);
    assert.match(command, /--out "\/runs\/shard-\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)"/);
    const mount = container.volumeMounts[0];
    assert.equal(mount.mountPath, '/runs', 'the parts write to the shared volume');
    assert.ok(job.spec.template.spec.volumes.some((v: { name: string }) => v.name === mount.name));
    for (const option of optionsOf(command)) assert.ok(known.has(option), `${option} is an experiment option`);
  });

  it('the CI matrix runs parts 1..n and merges every uploaded shard', () => {
    const workflow = recipe('github-actions/experiment.yml');
    const parts: number[] = workflow.jobs.part.strategy.matrix.part;
    const run = workflow.jobs.part.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    const n = Number(/--shard \$\{\{ matrix\.part \}\}\/(\d+)/.exec(run)?.[1]);
    assert.deepEqual(
      parts,
      Array.from({ length: n }, (_, i) => i + 1),
    );
    for (const option of optionsOf(run.slice(run.indexOf(' experiment ')))) {
      assert.ok(known.has(option), `${option} is an experiment option`);
    }
    assert.deepEqual(workflow.jobs.merge.needs, 'part');
    const merge = workflow.jobs.merge.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    assert.match(merge, /experiment merge shards\/shard-\* --out merged/);
  });
});
