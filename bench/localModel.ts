// A real small model in-process (SmolLM2-135M-Instruct through node-llama-cpp, the model stage's
// model): the friends loop cut to 4 agents × 1 round, run with one sequence with and without
// prompt-prefix reuse, and with two and four sequences. Per setting: calls and tokens per second,
// the prompt tokens a sequence served, the time per call, and wall ÷ the model's own bound (the
// worker's summed call time over the calls it can run at once: what the engine adds around it).
// Also the mean prompt tokens per decision kind. Skipped when the model or runtime is missing
// (`node scripts/local-model.mjs` fetches both). The answers are the same in every setting: the
// traces are compared.
import * as fs from 'node:fs';
import type { LocalSettings } from '../src/core/format/model/model';
import { closeLocalEngines, localEngine } from '../src/core/llm/local/localEngine';
import { runSettings } from '../src/core/llm/local/settings';
import { findRuntime } from '../src/core/llm/local/runtime';
import { SMOLLM2, cutExample, friendsCut, localModel, runLocal } from '../test/support/localModelRun';

const SETTINGS: { label: string; local: LocalSettings }[] = [
  { label: '1 sequence, no reuse', local: { sequences: 1, reuse_prefix: false } },
  { label: '1 sequence', local: { sequences: 1 } },
  { label: '2 sequences', local: { sequences: 2 } },
  { label: '4 sequences (2 in flight)', local: { sequences: 4 } },
];

export async function run(): Promise<void> {
  if (!fs.existsSync(SMOLLM2) || !findRuntime()) {
    console.log('localModel: skipped (no model or runtime: node scripts/local-model.mjs)');
    return;
  }
  console.log('\nlocalModel: friends, 4 agents × 1 round, SmolLM2-135M-Instruct Q4_1, 1 thread a sequence');
  console.log('| setting | wall s | calls/s | prompt tok/s | answer tok/s | reused | s/call | wall ÷ bound |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  let first: string | undefined;
  const byKind = new Map<string, { n: number; tokens: number }>();
  for (const { label, local } of SETTINGS) {
    const model = localModel(local);
    const s = await cutExample('friends/friends.society', 4, 1, model, friendsCut);
    // The model loads before the clock starts (the run's client finds this same engine).
    await localEngine({ file: SMOLLM2, runtime: findRuntime()!, ...runSettings(model), purpose: 'chat' }).loaded;
    const r = await runLocal(s);
    await closeLocalEngines();
    // The header names the settings (its scenario hash too); the events must be the same bytes.
    const events = r.trace.slice(r.trace.indexOf('\n') + 1);
    const same = first === undefined || first === events ? '' : ' (events differ!)';
    if (process.env.LOCAL_BENCH_TRACES) {
      fs.writeFileSync(`${process.env.LOCAL_BENCH_TRACES}/${label.replace(/\W+/g, '-')}.jsonl`, r.trace);
    }
    first ??= events;
    const f = r.figures;
    const inFlight = Math.min(model.concurrency ?? 1, local.sequences ?? 1);
    const bound = f.ms / 1000 / inFlight;
    console.log(
      `| ${label}${same} | ${r.seconds.toFixed(1)} | ${(f.calls / r.seconds).toFixed(2)} | ` +
        `${(f.promptTokens / r.seconds).toFixed(0)} | ${(f.answerTokens / r.seconds).toFixed(1)} | ` +
        `${((100 * f.reusedTokens) / Math.max(1, f.promptTokens)).toFixed(0)}% | ${(f.ms / 1000 / f.calls).toFixed(2)} | ` +
        `${(r.seconds / bound).toFixed(2)} |`,
    );
    for (const c of r.calls) {
      const k = byKind.get(c.kind) ?? { n: 0, tokens: 0 };
      k.n += c.calls;
      k.tokens += c.usage.input_tokens ?? 0;
      byKind.set(c.kind, k);
    }
  }
  console.log(
    'mean prompt tokens per decision kind: ' +
      [...byKind].map(([kind, k]) => `${kind} ${(k.tokens / k.n).toFixed(0)}`).join(', '),
  );
}
