// Lines that start a scenario document (`kind: scenario` at the top level of a YAML document),
// where the Run CodeLens goes, and a study's (`kind: study`), where Run Study goes. A textual scan,
// so it works while the rest of the file is broken.

/** The 0-based lines of every top-level `kind: <kind>`. */
function kindLines(text: string, kind: 'scenario' | 'study'): number[] {
  const pattern = new RegExp(`^kind\\s*:\\s*["']?${kind}["']?\\s*(#.*)?$`);
  const out: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (pattern.test(line)) out.push(i);
  });
  return out;
}

export const scenarioLines = (text: string): number[] => kindLines(text, 'scenario');

/** Where Run Study is offered. */
export const studyLines = (text: string): number[] => kindLines(text, 'study');
