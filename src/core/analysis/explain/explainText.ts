// An explanation as text for a terminal or the Debug Console: one line per move (round, delta,
// value after it, trace line, what happened), the events that explain it indented under it, and
// the sum that checks it.
import type { Explanation, Move } from './explainTypes';
import { maxOf } from '../../stats/extremes';

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
    const owner = x.names[s.slice(0, dot)];
    return owner ? `${owner}'s ${s.slice(dot + 1)} (${s})` : s;
  };
  const head = Object.entries(x.values).map(([s, v]) => `${label(s)} is ${v.toFixed(3)}`);
  const moves = x.rounds.flatMap((r) => r.moves);
  // Columns as wide as their widest number (a stock of 120 tonnes, a trace of a million lines).
  const dw = Math.max(5, maxOf(moves.map((m) => signed(m.delta).length)));
  const vw = Math.max(5, maxOf(moves.map((m) => m.value.toFixed(3).length)));
  const lw = Math.max(4, maxOf(x.rounds.flatMap((r) => [...r.moves, ...r.context].map((i) => String(i.line).length))));
  const under = (line: number, text: string): string => `${' '.repeat(5 + dw + vw + 6)}${pad(line, lw)}    ${text}`;
  const out = [
    `Why ${head.join(' and ')} at the end of round ${x.round}:`,
    '',
    `round  ${pad('delta', dw)}  ${pad('value', vw)}  ${pad('line', lw)}  what`,
  ];
  for (const r of x.rounds) {
    for (const m of r.moves) {
      const which = both && m.tie ? `[${m.tie}] ` : '';
      out.push(
        `${pad(r.round, 5)}  ${pad(signed(m.delta), dw)}  ${pad(m.value.toFixed(3), vw)}  ${pad(m.line, lw)}  ${which}${m.text}`,
      );
      if (m.because) out.push(under(m.because.line, `because ${m.because.text}`));
    }
    for (const c of r.context) {
      if (!r.moves.some((m: Move) => m.because === c)) out.push(under(c.line, `${c.kind}: ${c.text}`));
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
