// The local provider against llama.cpp's own speed on the same machine, model file, threads and
// batch (issue 86): prompt evaluation and generation, tokens a second. llama.cpp's figure is its
// own `llama-bench`, built from the llama.cpp source node-llama-cpp ships (llama/gitRelease.bundle,
// from the npm registry) against the very libraries the provider loads (its prebuilt bins), into
// the cache outside the repository; nothing of it is committed. The provider's figure is the
// friends cut (4 agents × 1 round, one sequence, one thread) as the model stage runs it: the time
// to each call's first answer token over the prompt tokens it evaluated (not reused), and the rest
// of the call over the answer tokens — grammar-constrained and sampled, where llama-bench decodes
// freely. llama-bench runs at the provider's mean sizes (prompt tokens evaluated, answer tokens).
// Pairs alternate (the provider, then llama-bench) so a busier minute falls on both sides.
// Skipped, saying why, without the model, the runtime, the bundle or a C++ compiler.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closeLocalEngines, localEngine } from '../src/core/llm/local/localEngine';
import { runSettings, societyCache } from '../src/core/llm/local/settings';
import { findRuntime } from '../src/core/llm/local/runtime';
import { SMOLLM2, cutExample, friendsCut, localModel, runLocal } from '../test/support/localModelRun';

const PAIRS = Number(process.env.LLAMA_BENCH_PAIRS ?? 3);

/** Where node-llama-cpp keeps the llama.cpp it was built from and the libraries it loads. */
function shipped(runtime: string): { bundle: string; bins: string; tag: string } | string {
  const pkg = path.resolve(path.dirname(runtime), '..');
  const bundle = path.join(pkg, 'llama', 'gitRelease.bundle');
  const bins = path.join(
    pkg,
    '..',
    '@node-llama-cpp',
    `${process.platform}-${process.arch}`,
    'bins',
    `${process.platform}-${process.arch}`,
  );
  if (!fs.existsSync(bundle)) return `no llama.cpp source bundle at ${bundle}`;
  if (!fs.existsSync(path.join(bins, 'libllama-common.so'))) return `no prebuilt llama libraries at ${bins}`;
  const info = JSON.parse(fs.readFileSync(path.join(pkg, 'llama', 'llama.cpp.info.json'), 'utf8')) as { tag: string };
  return { bundle, bins, tag: info.tag };
}

/** llama-bench built once per release into the cache, linked to the shipped libraries. */
function llamaBench(s: { bundle: string; bins: string; tag: string }): string {
  const dir = path.join(societyCache(), `llama-bench-${s.tag}`);
  const exe = path.join(dir, 'llama-bench');
  if (fs.existsSync(exe)) return exe;
  const src = path.join(dir, 'src');
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync('git', ['-c', 'advice.detachedHead=false', 'clone', '--quiet', s.bundle, src], { stdio: 'inherit' });
  const tool = path.join(src, 'tools', 'llama-bench');
  console.log(`llamaCpp: building llama-bench ${s.tag} into ${dir} (about a minute)`);
  execFileSync(
    'g++',
    [
      ...['-O2', '-DNDEBUG', '-std=c++17', '-pthread'],
      ...['include', 'ggml/include', 'common', 'vendor', 'tools/llama-bench'].map((d) => `-I${path.join(src, d)}`),
      path.join(tool, 'llama-bench.cpp'),
      path.join(tool, 'main.cpp'),
      '-o',
      exe,
      `-L${s.bins}`,
      ...['libllama-common.so', `libllama.${s.tag}.so`, `libggml.${s.tag}.so`, 'libggml-base.so'].map((l) => `-l:${l}`),
      `-Wl,-rpath,${s.bins}`,
    ],
    { stdio: 'inherit' },
  );
  fs.rmSync(src, { recursive: true, force: true });
  return exe;
}

interface Speeds {
  prompt: number;
  answer: number;
}

/** llama-bench's tokens a second for a prompt of `p` and an answer of `n` tokens, on one thread. */
function benchSpeeds(exe: string, bins: string, p: number, n: number, batch: number): Speeds {
  // Its CPU backend is a library it loads from the working folder (the one the provider loads).
  const r = spawnSync(
    exe,
    ['-m', SMOLLM2, '-t', '1', '-b', String(batch), '-p', String(p), '-n', String(n), '-r', '3', '-o', 'json'],
    { cwd: bins, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`llama-bench failed: ${r.stderr}`);
  const rows = JSON.parse(r.stdout) as { n_prompt: number; n_gen: number; avg_ts: number }[];
  const of = (f: (x: { n_prompt: number; n_gen: number }) => boolean) => rows.find(f)?.avg_ts ?? NaN;
  return { prompt: of((x) => x.n_prompt > 0), answer: of((x) => x.n_gen > 0) };
}

/** The provider's speeds over the friends cut, and its mean sizes a call. */
async function providerSpeeds(): Promise<Speeds & { p: number; n: number }> {
  const model = localModel({ sequences: 1 });
  const s = await cutExample('friends/friends.society', 4, 1, model, friendsCut);
  await localEngine({ file: SMOLLM2, runtime: findRuntime()!, ...runSettings(model), purpose: 'chat' }).loaded;
  const r = await runLocal(s);
  await closeLocalEngines();
  const f = r.figures;
  const evaluated = f.promptTokens - f.reusedTokens;
  return {
    prompt: evaluated / (f.promptMs / 1000),
    answer: f.answerTokens / ((f.ms - f.promptMs) / 1000),
    p: Math.round(evaluated / f.calls),
    n: Math.round(f.answerTokens / f.calls),
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function run(): Promise<void> {
  const runtime = findRuntime();
  const found = runtime ? shipped(runtime) : 'no node-llama-cpp';
  const compiler = spawnSync('g++', ['--version']).status === 0;
  if (!fs.existsSync(SMOLLM2) || typeof found === 'string' || !compiler) {
    const why = !fs.existsSync(SMOLLM2) ? 'no model (node scripts/local-model.mjs)' : !compiler ? 'no g++' : found;
    console.log(`llamaCpp: skipped (${why})`);
    return;
  }
  const exe = llamaBench(found);
  const batch = runSettings(localModel()).batchSize;
  console.log(
    `\nllamaCpp: SmolLM2-135M-Instruct Q4_1, 1 thread, batch ${batch}: the provider ÷ llama-bench ${found.tag}`,
  );
  console.log(
    '| pair | provider prompt t/s | llama.cpp prompt t/s | ratio | provider answer t/s | llama.cpp answer t/s | ratio |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const ratios = { prompt: [] as number[], answer: [] as number[] };
  let sizes: { p: number; n: number } | undefined;
  for (let i = 1; i <= PAIRS; i++) {
    // The first pair's llama-bench runs at the provider's sizes once they are known.
    const ours = await providerSpeeds();
    sizes ??= { p: ours.p, n: ours.n };
    const theirs = benchSpeeds(exe, found.bins, sizes.p, sizes.n, batch);
    ratios.prompt.push(ours.prompt / theirs.prompt);
    ratios.answer.push(ours.answer / theirs.answer);
    console.log(
      `| ${i} | ${ours.prompt.toFixed(0)} | ${theirs.prompt.toFixed(0)} | ${(ours.prompt / theirs.prompt).toFixed(2)} | ` +
        `${ours.answer.toFixed(1)} | ${theirs.answer.toFixed(1)} | ${(ours.answer / theirs.answer).toFixed(2)} |`,
    );
  }
  console.log(
    `sizes a call: ${sizes!.p} prompt tokens evaluated, ${sizes!.n} answer tokens; median ratio prompt ` +
      `${median(ratios.prompt).toFixed(2)}, answer ${median(ratios.answer).toFixed(2)} (goal ≥ 0.9)`,
  );
}
