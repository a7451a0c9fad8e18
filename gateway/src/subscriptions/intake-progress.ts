import { EventTypes, NotFoundError, canSeeLab, requireRead, type DomainEvent, type EventBus, type IntakeProgressData, type Logger } from '@app/common';
import { BusFeed } from './bus-feed.js';
import type { GatewayQueries } from './gateway-queries.js';
import { LatestOnly, PushIterator } from './push-iterator.js';
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
const INTAKE_TYPES = new Set<string>([EventTypes.IntakeProgress, EventTypes.IntakeJobValidated, EventTypes.IntakeJobFailed, EventTypes.IntakeCommitStarted, EventTypes.IntakeCommitFinished, EventTypes.IntakeRowsExcluded, EventTypes.IntakeRowsIncluded, EventTypes.IntakeRowUpdated]);
export const INTAKE_LIVE_GROUP = 'gateway-intake';

const SNAPSHOT = `query IntakeSnapshot($id: ID!) { intakeJob(id: $id) { id status labId rowCount errorCount excludedCount committedCount failedCount } }`;

function toProgress(event: DomainEvent): IntakeProgressEvent | null {
  if (!INTAKE_TYPES.has(event.type) || event.subject?.type !== 'IntakeJob') return null;
  // The job's counters are in `after` (intake job events) or `data` (IntakeProgress).
  const c = { ...(event.after ?? {}), ...(event.data ?? {}) } as Partial<Record<keyof IntakeProgressData, unknown>>;
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  if (typeof c.status !== 'string') return null;
  return {
    jobId: event.subject.id, status: c.status, processed: n(c.processed ?? (c.status === 'PARSING' ? c.rowCount : c.committedCount)),
    total: typeof c.total === 'number' ? c.total : null, rowCount: n(c.rowCount), errorCount: n(c.errorCount), excludedCount: n(c.excludedCount),
    committedCount: n(c.committedCount), failedCount: n(c.failedCount), occurredAt: event.occurredAt, labId: (event.subject.labId as string | undefined) ?? null,
  };
}

/** The submission subgraph's intake job events as progress, to each job's subscribers. */
export const intakeFeed = (bus: EventBus, logger: Logger) => new BusFeed<IntakeProgressEvent>(bus, logger, {
  group: INTAKE_LIVE_GROUP, name: 'intake', select: toProgress, keyOf: (p) => p.jobId, types: [...INTAKE_TYPES],
});

/** `Subscription.intakeProgress`: authorized by reading the job as the subscriber (null: missing or another lab's), current state first. */
export function intakeSubscriptionResolvers(feed: BusFeed<IntakeProgressEvent>, queries: GatewayQueries) {
  return {
    async subscribe(_: unknown, { jobId }: { jobId: string }, ctx: SubscriptionContext): Promise<AsyncIterableIterator<IntakeProgressEvent>> {
      const { principal } = ctx.subscriber;
      requireRead(principal, 'samples:read');
      // Progress is a state, not a log: a slow client gets only the newest.
      const iterator = feed.pipe(jobId, new PushIterator<IntakeProgressEvent>(new LatestOnly()), (e) => canSeeLab(principal, e.labId));
      await iterator.seed(async () => {
        const { data } = await queries.run(ctx.subscriber, SNAPSHOT, { id: jobId });
        const job = data?.intakeJob as (Omit<IntakeProgressEvent, 'jobId' | 'processed' | 'total' | 'occurredAt'> & { id: string }) | null | undefined;
        if (!job) throw new NotFoundError('IntakeJob', jobId);
        iterator.push({ ...job, jobId, processed: job.status === 'PARSING' ? job.rowCount : job.committedCount, total: null, occurredAt: new Date().toISOString() });
      });
      return iterator.until(ctx.signal);
    },
    resolve: (event: IntakeProgressEvent) => event,
  };
}
