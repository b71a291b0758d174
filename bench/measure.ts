// Timing helpers shared by the benchmarks: warm up, repeat, report the median and the spread.
export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export async function measure(runs: number, fn: () => unknown | Promise<unknown>): Promise<Timing> {
  await fn(); // warm-up: JIT, caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], runs };
}

export function report(label: string, t: Timing, targetMs?: number, note?: string): void {
  const verdict =
    targetMs === undefined
      ? ''
      : t.median <= targetMs
        ? `  (target < ${targetMs} ms: met)`
        : `  (target < ${targetMs} ms: MISSED)`;
  console.log(
    `${label}: median ${t.median.toFixed(1)} ms [min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)}, n=${t.runs}]${verdict}${note ? `  — ${note}` : ''}`,
  );
}
