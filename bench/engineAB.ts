// The engine against an earlier commit, in one sitting (issue 60): both trees' engine child
// (bench/engineChild.ts, what `society run` does with its defaults) bundled as the CLI ships, then
// each size run side by side, alternating B, A, B, A…, so a busy machine slows both alike. Prints
// each pair, then medians and the ratio of wall, CPU and peak RSS, and whether the two traces are
// byte for byte the same (past the header, whose provenance names the build).
//   SOCIETY_BENCH_AB=<git ref> npm run bench            (sizes 10000x10,1000x50,100000x1; 3 pairs)
//   SOCIETY_BENCH_AB_SIZES=2000x10 SOCIETY_BENCH_AB_RUNS=5 …
// Without SOCIETY_BENCH_AB it prints how to run it: an A/B needs a ref to compare with.
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { heapArgs, heapPlan } from '../src/cli/run/heapRoom';
import { CHILD, KEEP_TRACE } from './engineChild';

interface Figures {
  ms: number;
  cpuMs: number;
  /** The engine's thread alone (bench/engineChild.ts; absent from a child older than it). */
  mainCpuMs?: number;
  lines: number;
  bytes: number;
  maxRssKb: number;
}

const DEFAULT_SIZES = '10000x10,1000x50,100000x1';

/**
 * The engine child of `dir`'s tree bundled into `outDir` (engine.js), with that tree's own esbuild,
 * and its trace thread beside it when the tree has one (trace/offThreadWriter.ts looks there).
 */
function bundle(dir: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  const entries: [string, string][] = [['bench/engineChild.ts', 'engine.js']];
  if (fs.existsSync(path.join(dir, 'src/core/trace/traceWorker.ts'))) {
    entries.push(['src/core/trace/traceWorker.ts', 'trace-worker.js']);
  }
  for (const [entry, name] of entries) {
    const outfile = path.join(outDir, name);
    execFileSync(
      process.execPath,
      [
        '-e',
        `require('esbuild').buildSync({entryPoints:[${JSON.stringify(entry)}],outfile:${JSON.stringify(outfile)},bundle:true,platform:'node',format:'cjs',target:'node20',external:['tsx/cjs','@duckdb/node-api'],logLevel:'warning'})`,
      ],
      { cwd: dir, stdio: 'inherit' },
    );
  }
  return path.join(outDir, 'engine.js');
}

/** sha256 of a trace past its header line (the header's provenance names the build). */
function bodyHash(file: string): string {
  const text = fs.readFileSync(file);
  const nl = text.indexOf(10);
  return crypto
    .createHash('sha256')
    .update(text.subarray(nl + 1))
    .digest('hex');
}

function once(script: string, size: string, keep?: string): Figures {
  const [agents, rounds] = size.split('x').map(Number);
  const r = spawnSync(process.execPath, [...heapArgs(heapPlan(agents, rounds)), script], {
    env: { ...process.env, [CHILD]: size, ...(keep ? { [KEEP_TRACE]: keep } : {}) },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`engine A/B ${size} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Figures;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function run(): Promise<void> {
  const ref = process.env.SOCIETY_BENCH_AB;
  if (!ref) {
    console.log(
      'engine A/B: skipped (SOCIETY_BENCH_AB=<git ref> npm run bench runs this tree against that commit, alternating, medians of 3)',
    );
    return;
  }
  const runs = Math.max(1, Number(process.env.SOCIETY_BENCH_AB_RUNS ?? 3));
  const sizes = (process.env.SOCIETY_BENCH_AB_SIZES ?? DEFAULT_SIZES).split(',');
  const here = path.resolve(__dirname, '..');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'society-bench-ab-'));
  const base = path.join(tmp, 'base');
  execFileSync('git', ['-C', here, 'worktree', 'add', '--detach', base, ref], { stdio: 'ignore' });
  try {
    fs.symlinkSync(path.join(here, 'node_modules'), path.join(base, 'node_modules'));
    const scripts = { before: bundle(base, path.join(tmp, 'before')), after: bundle(here, path.join(tmp, 'after')) };
    for (const size of sizes) {
      const got: Record<'before' | 'after', Figures[]> = { before: [], after: [] };
      const hashes: Partial<Record<'before' | 'after', string>> = {};
      for (let i = 0; i < runs; i++) {
        for (const side of ['before', 'after'] as const) {
          // The first pair keeps its traces, to compare them byte for byte.
          const keep = i === 0 ? path.join(tmp, `${side}.jsonl`) : undefined;
          const f = once(scripts[side], size, keep);
          if (keep) {
            hashes[side] = bodyHash(keep);
            fs.rmSync(keep, { force: true });
            fs.rmSync(keep.replace(/\.jsonl$/, '.index.json'), { force: true });
          }
          got[side].push(f);
          console.log(
            `  ${size} ${side === 'before' ? ref : 'this tree'}: ${(f.ms / 1000).toFixed(2)} s wall, CPU ${(f.cpuMs / 1000).toFixed(1)} s${f.mainCpuMs !== undefined ? ` (engine's thread ${(f.mainCpuMs / 1000).toFixed(1)} s)` : ''}, peak RSS ${(f.maxRssKb / 1024).toFixed(0)} MB`,
          );
        }
      }
      const m = (side: 'before' | 'after', k: 'ms' | 'cpuMs' | 'maxRssKb'): number =>
        median(got[side].map((f) => f[k]));
      const same = hashes.before === hashes.after ? 'the same trace' : 'TRACES DIFFER';
      console.log(
        `engine A/B ${size} (${ref} → this tree, medians of ${runs}): wall ${(m('before', 'ms') / 1000).toFixed(2)} → ${(m('after', 'ms') / 1000).toFixed(2)} s (×${(m('after', 'ms') / m('before', 'ms')).toFixed(2)}), ` +
          `CPU ${(m('before', 'cpuMs') / 1000).toFixed(1)} → ${(m('after', 'cpuMs') / 1000).toFixed(1)} s (×${(m('after', 'cpuMs') / m('before', 'cpuMs')).toFixed(2)}), ` +
          `peak RSS ${(m('before', 'maxRssKb') / 1024).toFixed(0)} → ${(m('after', 'maxRssKb') / 1024).toFixed(0)} MB; ${same} (${got.after[0].lines.toLocaleString('en')} lines)`,
      );
    }
  } finally {
    execFileSync('git', ['-C', here, 'worktree', 'remove', '--force', base], { stdio: 'ignore' });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
