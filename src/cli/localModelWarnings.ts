// `society check`'s look at local models (issue 86): a context past what the model file was
// trained on, or a KV cache the machine cannot hold, as SOC156 warnings at the model config. The
// editor's checks never read model files (they may be gigabytes, elsewhere); the CLI does, for the
// files it checked that name a local model.
import * as fs from 'node:fs';
import { loadScenarioFile, type Diagnostic } from '../core/format';
import { checkModelFile, modelPath } from '../core/llm/local/modelFile';
import { contextFit } from '../core/llm/local/contextFit';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export async function localModelWarnings(files: readonly string[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!/provider:\s*['"]?local\b/.test(text)) continue;
    const first = await loadScenarioFile(file);
    for (const name of first.scenarios) {
      const { scenario } = name === first.scenario?.name ? first : await loadScenarioFile(file, { scenario: name });
      for (const cfg of Object.values(scenario?.models ?? {})) {
        if (cfg?.provider !== 'local') continue;
        let fit: ReturnType<typeof contextFit>;
        try {
          fit = contextFit(cfg, checkModelFile(modelPath(cfg)));
        } catch {
          continue; // a missing or damaged file is said when a run or estimate loads it
        }
        for (const message of [...fit.errors, ...fit.warnings]) {
          // A model config shared by the file's scenarios is said once.
          const at = cfg.source?.range ?? START;
          if (out.some((d) => d.message === message && d.range.start.line === at.start.line)) continue;
          out.push({
            code: 'SOC156',
            severity: 'warning',
            message,
            file: cfg.source?.file ?? file,
            range: cfg.source?.range ?? START,
          });
        }
      }
    }
  }
  return out;
}
