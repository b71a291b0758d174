// What made a run (issue 58: 6): the product's version and Node's, in the trace header's
// `provenance` block; each model's provider, model name and base URL are the header's `models`
// (never a key: engine/society/header.ts publicModelSettings). Two claim verdicts flipped between
// versions on unchanged files and nothing said why; now `compare` and experiment reports say when
// runs differ in these. The block is about the build, not the run: fingerprints, a resume's and a
// branch's header checks and a branch's byte-for-byte comparison leave it out (withoutProvenance),
// so a version bump neither moves a pinned trace nor refuses to resume or branch an older run.
import { name, version } from '../../../package.json';
import type { ModelSettings, TraceHeader } from './events';

export interface Provenance {
  /** `society-studio 0.6.0` */
  product: string;
  /** Node's version, as `process.version` gives it. */
  node: string;
}

export function currentProvenance(): Provenance {
  return { product: `${name} ${version}`, node: process.version };
}

/** The header (or its JSON object) without its provenance: what makes two runs the same run. */
export function withoutProvenance<T extends object>(h: T): Omit<T, 'provenance'> {
  const { provenance: _p, ...rest } = h as T & { provenance?: unknown };
  return rest;
}

/** A header line's text without its provenance (a line that is not a JSON object is as it was). */
export function headerLineWithoutProvenance(line: string): string {
  try {
    const h = JSON.parse(line) as unknown;
    return h && typeof h === 'object' && !Array.isArray(h) ? JSON.stringify(withoutProvenance(h)) : line;
  } catch {
    return line;
  }
}

type Header = Pick<TraceHeader, 'models'> & { provenance?: Provenance };

/**
 * How the runs of `headers` (labelled) differ in what made them: product version, Node version,
 * each model's provider, model name and base URL. One sentence per difference; none when alike.
 */
export function provenanceDifferences(headers: readonly { label: string; header: Header }[]): string[] {
  if (headers.length < 2) return [];
  const out: string[] = [];
  const differ = (what: string, value: (h: Header) => string | undefined): void => {
    const values = headers.map((r) => value(r.header) ?? 'not recorded');
    if (new Set(values).size > 1) {
      out.push(`${what} differs: ${headers.map((r, i) => `${r.label} ${values[i]}`).join(', ')}`);
    }
  };
  differ('product version', (h) => h.provenance?.product);
  differ('Node version', (h) => h.provenance?.node);
  const keys = [...new Set(headers.flatMap((r) => Object.keys(r.header.models ?? {})))].sort();
  for (const key of keys) {
    differ(`model ${key}`, (h) => {
      const m: ModelSettings | undefined = Object.hasOwn(h.models ?? {}, key) ? h.models[key] : undefined;
      return m ? [m.provider, m.model ?? '(default model)', m.base_url ?? '(default URL)'].join(' ') : 'absent';
    });
  }
  return out;
}
