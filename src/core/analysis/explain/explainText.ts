// An explanation as text for a terminal or the Debug Console: one line per move (round, delta,
// value after it, trace line, what happened), the events that explain it indented under it, and
// the sum that checks it.
import type { Explanation, Move } from './explainTypes';

const signed = (x: number): string => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);
const pad = (s: string | number, n: number): string => String(s).padStart(n);

export function explanationText(x: Explanation): string {
  const both = Object.keys(x.values).length > 1;
  const label = (s: string): string => {
    const dot = s.indexOf('.');
    if (s.includes('→')) {
      return s
        .split('→')
        .map((id) => nameOf(x, id))
        .join(' → ');
    }
    return dot > 0 ? `${nameOf(x, s.slice(0, dot))}.${s.slice(dot + 1)}` : s;
  };
  const head = Object.entries(x.values).map(([s, v]) => `${label(s)} is ${v.toFixed(3)}`);
  const out = [`Why ${head.join(' and ')} at the end of round ${x.round}:`, '', 'round    delta   value    line  what'];
  for (const r of x.rounds) {
    for (const m of r.moves) {
      out.push(
        `${pad(r.round, 5)}  ${pad(signed(m.delta), 7)}  ${m.value.toFixed(3)}  ${pad(m.line, 6)}  ${both && m.tie ? `[${label(m.tie)}] ` : ''}${m.text}`,
      );
      if (m.because) out.push(`${' '.repeat(23)}${pad(m.because.line, 6)}    because ${m.because.text}`);
    }
    for (const c of r.context) {
      if (r.moves.some((m: Move) => m.because === c)) continue;
      out.push(`${' '.repeat(23)}${pad(c.line, 6)}    ${c.kind}: ${c.text}`);
    }
  }
  if (!x.rounds.length) out.push('  (nothing in the trace moved it)');
  out.push('');
  for (const [s, v] of Object.entries(x.values)) {
    const sum = x.rounds
      .flatMap((r) => r.moves)
      .filter((m) => !m.tie || m.tie === s)
      .reduce((a, m) => a + m.delta, 0);
    out.push(`${label(s)}: the changes add up to ${sum.toFixed(3)}, its value ${v.toFixed(3)}.`);
  }
  return out.join('\n');
}

function nameOf(x: Explanation, id: string): string {
  const n = x.names[id];
  return n && n !== id ? `${n} (${id})` : id;
}
