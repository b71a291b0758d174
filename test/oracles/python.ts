// The oracle's Python (the environment scripts/oracles.mjs makes, whose path only that script
// works out) and one call of test/oracles/oracle.py: a batch of cases in, their values out.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** A value the oracle computed, its non-finite numbers (sent as strings) back as numbers. */
export type OracleValue = number | string | boolean | null | OracleValue[];

export interface OracleResult {
  values: Record<string, OracleValue>;
  /** Why a value is null: the library raised (its exception, as text). */
  raised: Record<string, string>;
}

export interface OracleCase {
  id: string;
  kind: 'network' | 'welch' | 'one_sample' | 'paired' | 'ks' | 'holm' | 'hedges';
  [field: string]: unknown;
}

/** The environment's python, as `node scripts/oracles.mjs --where` prints it. */
export function oraclePython(): string {
  try {
    return execFileSync(process.execPath, [path.join(root, 'scripts', 'oracles.mjs'), '--where'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? '';
    throw new Error(`the oracle environment is missing (npm run test:oracles makes it): ${stderr.trim()}`, {
      cause: err,
    });
  }
}

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function revive(value: unknown): OracleValue {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value === 'string' && value in NON_FINITE) return NON_FINITE[value];
  return value as OracleValue;
}

/** Every case answered by one oracle.py process; a case the oracle could not take fails loudly. */
export function askOracle(cases: readonly OracleCase[]): Map<string, OracleResult> {
  const out = execFileSync(oraclePython(), [path.join(__dirname, 'oracle.py')], {
    input: JSON.stringify({ cases }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answer = JSON.parse(out) as {
    results: { id: string; values?: Record<string, unknown>; raised?: Record<string, string>; error?: string }[];
  };
  const results = new Map<string, OracleResult>();
  for (const r of answer.results) {
    if (r.error !== undefined) throw new Error(`oracle.py could not take case ${r.id}: ${r.error}`);
    const values = Object.fromEntries(Object.entries(r.values ?? {}).map(([k, v]) => [k, revive(v)]));
    results.set(r.id, { values, raised: r.raised ?? {} });
  }
  for (const c of cases) if (!results.has(c.id)) throw new Error(`oracle.py gave no answer for case ${c.id}`);
  return results;
}
