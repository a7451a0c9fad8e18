// Throughput (samples finished) and turnaround (submission to completion) per ISO week.

export interface FinishedSample { submittedAt: string; completedAt: string | null }

export interface WeekPoint {
  /** Monday 00:00 UTC of the week. */
  weekStart: string;
  completed: number;
  /** Median days from submission to completion of the samples finished that week; null when none. */
  medianTurnaroundDays: number | null;
}

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week holding `time`. */
export function weekStart(time: number): number {
  const day = new Date(time);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return midnight - sinceMonday * DAY_MS;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `weeks` consecutive weeks ending with the one holding `now`; weeks with nothing finished are kept as zero. */
export function weeklySeries(samples: FinishedSample[], weeks: number, now: number): WeekPoint[] {
  const last = weekStart(now);
  const first = last - (weeks - 1) * 7 * DAY_MS;
  const buckets = new Map<number, number[]>();
  for (let w = first; w <= last; w += 7 * DAY_MS) buckets.set(w, []);
  for (const s of samples) {
    if (!s.completedAt) continue;
    const done = Date.parse(s.completedAt);
    const bucket = buckets.get(weekStart(done));
    if (bucket) bucket.push((done - Date.parse(s.submittedAt)) / DAY_MS);
  }
  return [...buckets].map(([w, days]) => ({
    weekStart: new Date(w).toISOString(),
    completed: days.length,
    medianTurnaroundDays: days.length ? Math.round(median(days)! * 10) / 10 : null,
  }));
}
