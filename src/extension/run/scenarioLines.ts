// Lines that start a scenario document (`kind: scenario` at the top level of a YAML document),
// where the Run CodeLens goes. A textual scan, so it works while the rest of the file is broken.

export function scenarioLines(text: string): number[] {
  const lines = text.split(/\r?\n/);
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^kind\s*:\s*["']?scenario["']?\s*(#.*)?$/.test(lines[i])) out.push(i);
  }
  return out;
}

/** The 0-based lines of every `kind: study` document: where Run Study is offered. */
export function studyLines(text: string): number[] {
  const lines = text.split(/\r?\n/);
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^kind\s*:\s*["']?study["']?\s*(#.*)?$/.test(lines[i])) out.push(i);
  }
  return out;
}
