// Where docs/diagnostics.md explains each code: the line of its table row, so an editor can link a
// problem's code to its explanation (VS Code's Diagnostic.code target).

/** Each code's 1-based line in the diagnostics reference (its first table row `| SOCnnn | … |`). */
export function diagnosticDocLines(markdown: string): Map<string, number> {
  const lines = new Map<string, number>();
  markdown.split('\n').forEach((text, i) => {
    const code = /^\|\s*(SOC\d{3})\s*\|/.exec(text)?.[1];
    if (code && !lines.has(code)) lines.set(code, i + 1);
  });
  return lines;
}
