import { NotFoundError, canSeeLab, requireRead, type BusSubscription, type DomainEvent, type EventBus, type Logger } from '@app/common';
import type { GatewayQueries } from './gateway-queries.js';
import type { SubscriptionContext } from './workflow-fields.js';

/** What `intakeProgress` delivers (the API's IntakeProgress). */
export interface IntakeProgressEvent {
  jobId: string;
  status: string;
  processed: number;
  total: number | null;
  rowCount: number;
  errorCount: number;
  excludedCount: number;
  committedCount: number;
  failedCount: number;
  occurredAt: string;
  labId: string | null;
}

/** Intake event types that carry the job's counters (`after`) or progress (`data`). */
const INTAKE_TYPES = new Set(['IntakeProgress', 'IntakeJobValidated', 'IntakeJobFailed', 'IntakeCommitStarted', 'IntakeCommitFinished', 'IntakeRowsExcluded', 'IntakeRowsIncluded', 'IntakeRowUpdated']);
export const INTAKE_LIVE_GROUP = 'gateway-intake';

const SNAPSHOT = `query IntakeSnapshot($id: ID!) { intakeJob(id: $id) { id status labId rowCount errorCount excludedCount committedCount failedCount } }`;

function toProgress(event: DomainEvent): IntakeProgressEvent | null {
  if (!INTAKE_TYPES.has(event.type) || event.subject?.type !== 'IntakeJob') return null;
  const c = { ...(event.after ?? {}), ...(event.data ?? {}) } as Record<string, unknown>;
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  if (typeof c.status !== 'string') return null;
  return {
    jobId: event.subject.id, status: c.status, processed: n(c.processed ?? (c.status === 'PARSING' ? c.rowCount : c.committedCount)),
    total: typeof c.total === 'number' ? c.total : null, rowCount: n(c.rowCount), errorCount: n(c.errorCount), excludedCount: n(c.excludedCount),
    committedCount: n(c.committedCount), failedCount: n(c.failedCount), occurredAt: event.occurredAt, labId: (event.subject.labId as string | undefined) ?? null,
  };
}

/** Keeps only the newest progress for a slow client: progress is a state, not a log. */
class LatestOnly implements AsyncIterableIterator<IntakeProgressEvent> {
  private pending: IntakeProgressEvent | null = null;
  private waiter: ((r: IteratorResult<IntakeProgressEvent>) => void) | null = null;
  private closed = false;
  constructor(private readonly onClose: () => void) {}
  push(event: IntakeProgressEvent): void {
    if (this.closed) return;
    if (this.waiter) { this.waiter({ value: event, done: false }); this.waiter = null; } else this.pending = event;
  }
  next(): Promise<IteratorResult<IntakeProgressEvent>> {
    if (this.pending) { const value = this.pending; this.pending = null; return Promise.resolve({ value, done: false }); }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => { this.waiter = resolve; });
  }
  return(): Promise<IteratorResult<IntakeProgressEvent>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.waiter?.({ value: undefined, done: true });
    this.onClose();
  }
  [Symbol.asyncIterator]() { return this; }
}

/** `Subscription.intakeProgress`: one ephemeral bus subscription per gateway, fanned out by job. */
export class IntakeProgressFeed {
  private readonly byJob = new Map<string, Set<(e: IntakeProgressEvent) => void>>();
  private subscription: BusSubscription | null = null;

  constructor(private readonly bus: EventBus, private readonly queries: GatewayQueries, private readonly logger: Logger) {}

  async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      group: INTAKE_LIVE_GROUP, ephemeral: true,
      handler: async (d) => {
        const event = d.event ? toProgress(d.event) : null;
        for (const listener of (event && this.byJob.get(event.jobId)) || []) {
          try { listener(event!); } catch (err) { this.logger.warn({ err }, 'intake progress listener failed'); }
        }
      },
    });
  }

  async stop(): Promise<void> {
    this.byJob.clear();
    await this.subscription?.close();
    this.subscription = null;
  }

  /** Authorized by reading the job as the subscriber (null: missing or another lab's), current state first. */
  subscribe = async (_: unknown, { jobId }: { jobId: string }, ctx: SubscriptionContext): Promise<AsyncIterableIterator<IntakeProgressEvent>> => {
    const { principal } = ctx.subscriber;
    requireRead(principal, 'samples:read');
    const listeners = this.byJob.get(jobId) ?? new Set();
    this.byJob.set(jobId, listeners);
    const listener = (e: IntakeProgressEvent) => { if (canSeeLab(principal, e.labId)) buffer.push(e); };
    const buffer = new LatestOnly(() => {
      listeners.delete(listener);
      if (listeners.size === 0) this.byJob.delete(jobId);
    });
    listeners.add(listener);
    try {
      const { data } = await this.queries.run(ctx.subscriber, SNAPSHOT, { id: jobId });
      const job = data?.intakeJob as (Omit<IntakeProgressEvent, 'jobId' | 'processed' | 'total' | 'occurredAt'> & { id: string }) | null | undefined;
      if (!job) throw new NotFoundError('IntakeJob', jobId);
      buffer.push({ ...job, jobId, processed: job.status === 'PARSING' ? job.rowCount : job.committedCount, total: null, occurredAt: new Date().toISOString() });
    } catch (err) {
      buffer.close();
      throw err;
    }
    if (ctx.signal.aborted) buffer.close();
    else ctx.signal.addEventListener('abort', () => buffer.close(), { once: true });
    return buffer;
  };
}
