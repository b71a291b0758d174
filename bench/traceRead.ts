// Reading a large trace back (issue 35, "a trace that scales"): the engine child writes a
// 100,000-agent × 1-round trace (≈ 490 MB, 1.8 M lines) with its per-round index, then the bundled
// CLI (dist/cli.js, as shipped) runs `report --static`, `export` (each format, and dynamic),
// `metrics` and `metrics --round 0` on it, each in its own process so its peak RSS is its own.
// Figures: wall time and peak RSS; the bound to check is memory that does not grow with the
// trace's events (the tie network and the report's tables are held, messages and memories are not).
// SOCIETY_BENCH_TRACE_SIZE=AxR changes the size (e.g. 20000x5).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundledChild } from './engine';
import { CHILD, KEEP_TRACE } from './engineChild';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');

/** Runs the CLI with `args`; wall time and the process's peak RSS (from a preload that reports it at exit). */
function timed(args: string[], preload: string, rssFile: string): { ms: number; rssMb: number; status: number | null } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, CLI, ...args], {
    env: { ...process.env, SOCIETY_BENCH_RSS: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`society ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, rssMb: Number(fs.readFileSync(rssFile, 'utf8')) / 1024, status: r.status };
}

export async function run(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error('trace read bench: dist/cli.js is missing (npm run build)');
  const [agents, rounds] = (process.env.SOCIETY_BENCH_TRACE_SIZE ?? '100000x1').split('x').map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-bench-trace-'));
  const script = bundledChild();
  try {
    const trace = path.join(dir, 'trace.jsonl');
    const made = spawnSync(process.execPath, [script], {
      env: { ...process.env, [CHILD]: `${agents}x${rounds}`, [KEEP_TRACE]: trace },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (made.status !== 0) throw new Error(`trace read bench: writing the trace failed: ${made.stderr}`);
    const { size } = fs.statSync(trace);
    const preload = path.join(dir, 'rss.js'),
      rssFile = path.join(dir, 'rss');
    fs.writeFileSync(
      preload,
      "process.on('exit', () => require('fs').writeFileSync(process.env.SOCIETY_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n",
    );
    const label = `trace read: ${agents.toLocaleString('en')} agents × ${rounds} round${rounds === 1 ? '' : 's'} (${(size / 1e6).toFixed(0)} MB)`;
    const out = path.join(dir, 'out');
    for (const [name, args] of [
      ['report --static', ['report', trace, '--static', '--out', path.join(dir, 'report')]],
      ['export --format csv', ['export', trace, '--format', 'csv', '--out', `${out}.csv`]],
      ['export --format graphml', ['export', trace, '--format', 'graphml', '--out', `${out}.graphml`]],
      ['export --format gexf', ['export', trace, '--format', 'gexf', '--out', `${out}.gexf`]],
      ['export --dynamic', ['export', trace, '--dynamic', '--out', `${out}-dynamic.gexf`]],
      ['metrics', ['metrics', trace]],
      ['metrics --round 0 (seeks with the index)', ['metrics', trace, '--round', '0']],
    ] as const) {
      const m = timed([...args], preload, rssFile);
      console.log(`${label}: society ${name}: ${(m.ms / 1000).toFixed(2)} s, peak RSS ${m.rssMb.toFixed(0)} MB`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
  }
}
