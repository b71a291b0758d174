// Engine at scale (issue 35): 10,000, 100,000 and 1,000,000 agents × 1 round on the offline model,
// as `society run` runs them (bench/engineChild.ts: trace to a file, checkpoints, closing summary),
// each child started with the heap `society run` would relaunch itself with (cli/run/heapRoom.ts).
// Printed: wall and CPU time, peak RSS (target at a million: < 8 GB), and the cost per
// agent-round at each size (target: flat, not growing with the population).
// By default 10,000 and 100,000; the million (8–17 minutes on 2 cores, ≈ 9 GB) runs with
// SOCIETY_BENCH_SCALE=10000,100000,1000000 (any list of sizes), and the bench says so.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { heapArgs, heapPlan } from '../src/cli/run/heapRoom';
import { bundledChild } from './engine';
import { CHILD } from './engineChild';

interface Figures {
  ms: number;
  cpuMs: number;
  mainCpuMs?: number;
  threads?: number;
  lines: number;
  bytes: number;
  checkpointMs: number;
  summaryMs: number;
  maxRssKb: number;
}

const GOAL_RSS_GB = 8;

export async function run(): Promise<void> {
  const sizes = (process.env.SOCIETY_BENCH_SCALE ?? '10000,100000').split(',').map(Number);
  const script = bundledChild();
  let base: { agents: number; cpuUs: number } | undefined;
  try {
    for (const agents of sizes) {
      const flags = heapArgs(heapPlan(agents, 1));
      const r = spawnSync(process.execPath, [...flags, script], {
        env: { ...process.env, [CHILD]: `${agents}x1` },
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (r.status !== 0) throw new Error(`engine scale bench ${agents}x1 failed: ${r.stderr}`);
      const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as Figures;
      const rssGb = m.maxRssKb / 1024 / 1024;
      // Per agent-round: the round and its trace, without the checkpoints and the closing summary.
      const engineMs = m.ms - m.checkpointMs - m.summaryMs;
      const cpuUs = (m.cpuMs * 1000) / agents;
      base ??= { agents, cpuUs };
      const growth =
        agents === base.agents
          ? ''
          : `, ${(cpuUs / base.cpuUs).toFixed(2)}× the CPU per agent of ${base.agents.toLocaleString('en')}`;
      const goal =
        agents >= 1_000_000 ? ` (target < ${GOAL_RSS_GB} GB: ${rssGb < GOAL_RSS_GB ? 'met' : 'MISSED'})` : '';
      console.log(
        `engine at scale: ${agents.toLocaleString('en')} agents × 1 round${flags.length ? ` (${flags.join(' ')})` : ''}: ` +
          `${(m.ms / 1000).toFixed(1)} s (CPU ${(m.cpuMs / 1000).toFixed(1)} s${m.mainCpuMs !== undefined ? `, the engine's thread ${(m.mainCpuMs / 1000).toFixed(1)} s` : ''}; round ${(engineMs / 1000).toFixed(1)} s, ` +
          `checkpoints ${(m.checkpointMs / 1000).toFixed(1)} s, summary ${(m.summaryMs / 1000).toFixed(1)} s), ` +
          `peak RSS ${rssGb.toFixed(2)} GB${goal}, trace ${m.lines.toLocaleString('en')} lines / ${(m.bytes / 1e9).toFixed(2)} GB, ` +
          `${((engineMs * 1000) / agents).toFixed(0)} µs wall per agent-round (the round alone), ${cpuUs.toFixed(0)} µs CPU per agent (whole run)${growth}`,
      );
    }
  } finally {
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
  }
  if (!sizes.includes(1_000_000)) {
    console.log(
      'engine at scale: 1,000,000 agents × 1 round not run (8–17 minutes, ≈ 9 GB): SOCIETY_BENCH_SCALE=10000,100000,1000000 npm run bench',
    );
  }
}
