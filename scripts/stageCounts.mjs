// How many tests a stage ran, read from its own closing lines (test-stages.mjs's table).
// Colour codes, which a runner may print even into a pipe.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

const last = (text, re) => {
  let found;
  for (const m of text.matchAll(re)) found = m;
  return found ? Number(found[1]) : undefined;
};

/** `kind`: 'mocha' (its summary), 'grammar' (files checked), 'cluster' (one test), 'none'. */
export function countsOf(kind, output, code) {
  const text = output.replace(ANSI, '');
  if (kind === 'mocha') {
    const passed = last(text, /^\s*(\d+) passing\b/gm);
    const failed = last(text, /^\s*(\d+) failing\b/gm) ?? (passed === undefined ? undefined : 0);
    const pending = last(text, /^\s*(\d+) pending\b/gm) ?? (passed === undefined ? undefined : 0);
    return { passed, failed: failed ?? (code === 0 ? 0 : 1), pending };
  }
  if (kind === 'grammar') {
    const files = [...text.matchAll(/^# .*\((\d+) files\)$/gm)].reduce((s, m) => s + Number(m[1]), 0);
    return code === 0 ? { passed: files, failed: 0 } : { passed: undefined, failed: 1 };
  }
  if (kind === 'cluster') return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  return {};
}
