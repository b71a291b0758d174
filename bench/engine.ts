// Engine benchmark: 1,000 agents × 50 rounds and 10,000 agents × 10 rounds on the offline
// rule-based model, doing what `society run` does with its defaults (bench/engineChild.ts).
// Each size runs in a child process so its peak RSS is its own. Target: 10k × 10 < 10 s, < 1 GB.
// The child is bundled by esbuild as `society run` ships (dist/cli.js), not run through tsx,
// whose transform keeps function names with a helper call per closure created (≈ 5 % of a run).
// Each run prints where its time went (SOCIETY_BENCH_PHASES: each phase, the commits inside them,
// the trace writer and the collector's pauses; bench/engineChild.ts).
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkpointInterval } from '../src/core/engine';
import { CHILD } from './engineChild';

/**
 * The child bundled as the CLI is (esbuild.mjs): the engine code it runs is the shipped one, with
 * the trace's thread (trace-worker.js) beside it, where the bundle looks for it.
 */
export function bundledChild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-bench-child-'));
  const out = path.join(dir, 'engine.js');
  const entries = [
    [path.join(__dirname, 'engineChild.ts'), out],
    [path.join(__dirname, '../src/core/trace/traceWorker.ts'), path.join(dir, 'trace-worker.js')],
  ];
  for (const [entry, outfile] of entries) {
    buildSync({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['tsx/cjs', '@duckdb/node-api'],
      logLevel: 'warning',
    });
  }
  return out;
}

export async function run(): Promise<void> {
  const script = bundledChild();
  for (const [agents, rounds, targetMs] of [
    [1000, 50, undefined],
    [10000, 10, 10_000],
  ] as const) {
    const r = spawnSync(process.execPath, [script], {
      env: { ...process.env, [CHILD]: `${agents}x${rounds}`, SOCIETY_BENCH_PHASES: '1' },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`engine bench ${agents}x${rounds} failed: ${r.stderr}`);
    const phases = /^phases of .*$/m.exec(r.stderr)?.[0];
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      ms: number;
      cpuMs: number;
      mainCpuMs?: number;
      threads?: number;
      lines: number;
      bytes: number;
      checkpoints: number;
      checkpointMs: number;
      summaryMs: number;
      maxRssKb: number;
      pageFaults: number;
    };
    const rate = (agents * rounds) / (m.ms / 1000);
    const rssMb = m.maxRssKb / 1024;
    const verdict =
      targetMs === undefined
        ? ''
        : `  (target < ${targetMs / 1000} s and < 1024 MB: ${m.ms < targetMs && rssMb < 1024 ? 'met' : 'MISSED'})`;
    // CPU time (all threads, GC helpers included) is printed too: on a shared machine it moves far less than wall time.
    // So are page faults: this project's VMs take ≈ 11 µs to fault in a page, so memory first touched costs time.
    console.log(
      `engine: ${agents.toLocaleString('en')} agents × ${rounds} rounds (offline model, coaching on, trace to file): ${(m.ms / 1000).toFixed(2)} s (CPU ${(m.cpuMs / 1000).toFixed(1)} s${m.mainCpuMs !== undefined ? `, the engine's thread ${(m.mainCpuMs / 1000).toFixed(1)} s` : ''}; ${m.threads ?? 1} engine thread${m.threads === 1 ? '' : 's'}), ` +
        `${rate.toFixed(0)} agent-rounds/s, peak RSS ${rssMb.toFixed(0)} MB (${(m.pageFaults / 1000).toFixed(0)}k page faults), trace ${m.lines.toLocaleString('en')} lines / ${(m.bytes / 1e6).toFixed(0)} MB, ` +
        `${m.checkpoints} checkpoints (every ${checkpointInterval(agents)} rounds + final) ${(m.checkpointMs / 1000).toFixed(1)} s, closing summary ${(m.summaryMs / 1000).toFixed(1)} s${verdict}`,
    );
    // Commits, trace and collector pauses are inside the phases' times; the rest of a phase is its units.
    if (phases) console.log(`  where the time went: ${phases}`);
  }
  fs.rmSync(path.dirname(script), { recursive: true, force: true });
}
