/** Latency summary in milliseconds, rounded to 0.1 ms. */
export interface LatencyStats { n: number; p50: number; p90: number; p99: number; max: number; mean: number }

const round = (n: number) => Math.round(n * 10) / 10;

export function latencyStats(ms: number[]): LatencyStats {
  const s = [...ms].sort((a, b) => a - b);
  const pct = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN);
  return { n: s.length, p50: round(pct(50)), p90: round(pct(90)), p99: round(pct(99)), max: round(s.at(-1) ?? NaN), mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)) };
}

export const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
