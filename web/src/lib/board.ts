// How the board arranges cards: most urgent first, overdue flagged, counts per column.

export const PRIORITY_ORDER = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;
export type PriorityName = (typeof PRIORITY_ORDER)[number];

export interface BoardCard {
  sampleId: string;
  name: string;
  priority: PriorityName;
  overdue: boolean;
  dueAt: string | null;
  waitingSince: string;
  stepStatus: string;
}

export function compareCards(a: BoardCard, b: BoardCard): number {
  const byPriority = PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority);
  if (byPriority) return byPriority;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return Date.parse(a.waitingSince) - Date.parse(b.waitingSince);
}

export interface ColumnSummary { total: number; overdue: number; byPriority: Record<PriorityName, number> }

/** Counts over the cards loaded; `total` is the server's count of the whole column. */
export function summarize(cards: BoardCard[], total: number): ColumnSummary {
  const byPriority = { URGENT: 0, HIGH: 0, NORMAL: 0, LOW: 0 };
  let overdue = 0;
  for (const c of cards) {
    byPriority[c.priority] += 1;
    if (c.overdue) overdue += 1;
  }
  return { total, overdue, byPriority };
}

/** Coalesces bursts of live events into one refresh after `delayMs` of quiet, at most `maxWaitMs` late. */
export function coalesce(run: () => void, delayMs: number, maxWaitMs: number, timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | null = null;
  return (now = Date.now()) => {
    firstAt ??= now;
    if (timer !== undefined) timers.clearTimeout(timer);
    const wait = Math.max(0, Math.min(delayMs, firstAt + maxWaitMs - now));
    timer = timers.setTimeout(() => { timer = undefined; firstAt = null; run(); }, wait);
  };
}
