import { setTimeout as sleep } from 'node:timers/promises';

/** One request of the load loop and how it ended. */
export interface Outcome {
  op: string;
  /** Answered: no error, or only a rule's refusal (a business answer, not a fault). */
  ok: boolean;
  /** Error codes (extensions.code) and messages when not ok. */
  codes: string[];
  messages: string[];
  ms: number;
  at: number;
  /** True when the answer carried data despite errors (partial result). */
  partial: boolean;
}

/** Codes that are the system answering correctly (a rule refused), not failing. */
const ANSWERS = new Set(['INVALID_TRANSITION', 'CONFLICT', 'BAD_USER_INPUT']);

export type Operation = { name: string; run: () => Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] }> };

export interface Load {
  outcomes: Outcome[];
  stop(): Promise<Outcome[]>;
}

/**
 * A bounded loop of operations: `workers` callers, each picking the next operation round-robin and
 * pausing `pauseMs` between requests, until stop() or `maxRequests`. Nothing it does throws.
 */
export function startLoad(ops: Operation[], { workers = 3, pauseMs = 40, maxRequests = 5_000 } = {}): Load {
  const outcomes: Outcome[] = [];
  let stopped = false;
  let next = 0;
  const worker = async () => {
    while (!stopped && outcomes.length < maxRequests) {
      const op = ops[next++ % ops.length]!;
      const at = Date.now();
      try {
        const res = await op.run();
        const errors = res.errors ?? [];
        outcomes.push({
          op: op.name, ok: errors.every((e) => ANSWERS.has(String(e.extensions?.code))), codes: errors.map((e) => String(e.extensions?.code ?? '')), messages: errors.map((e) => e.message),
          ms: Date.now() - at, at, partial: errors.length > 0 && res.data != null && Object.values(res.data as object).some((v) => v != null),
        });
      } catch (err) {
        outcomes.push({ op: op.name, ok: false, codes: ['NETWORK'], messages: [(err as Error).message], ms: Date.now() - at, at, partial: false });
      }
      await sleep(pauseMs);
    }
  };
  const running = Promise.all(Array.from({ length: workers }, worker));
  return {
    outcomes,
    async stop() {
      stopped = true;
      await running;
      return outcomes;
    },
  };
}

/** Requests made, failed and the window they fell in, for the report. */
export function summarize(outcomes: Outcome[], fault?: { from: number; to: number }) {
  const during = fault ? outcomes.filter((o) => o.at >= fault.from && o.at <= fault.to) : [];
  const after = fault ? outcomes.filter((o) => o.at > fault.to) : outcomes;
  return {
    requests: outcomes.length,
    failed: outcomes.filter((o) => !o.ok).length,
    duringFault: during.length,
    failedDuringFault: during.filter((o) => !o.ok).length,
    afterFault: after.length,
    failedAfterFault: after.filter((o) => !o.ok).length,
  };
}

/** Prints a one-line figure the report quotes (jest shows console output of the fault project). */
export function report(name: string, figures: Record<string, unknown>): void {
  console.log(`FAULT ${name}: ${JSON.stringify(figures)}`);
}
