import { EventTypes, NotFoundError, canSeeLab, requireRead, type DomainEvent, type EventBus, type ExtractionProgressData, type Logger, type Principal } from '@app/common';
import { BusFeed } from './bus-feed.js';
import type { GatewayQueries } from './gateway-queries.js';
import { hydrationError } from './hydrate.js';
import { LatestOnly, PushIterator } from './push-iterator.js';
import type { SubscriptionContext } from './workflow-fields.js';

/** One progress report, shaped like the API's `ExtractionProgress`; `labId` kept for authorization. */
export type ExtractionProgressEvent = ExtractionProgressData & { labId: string | null };

const PROGRESS_TYPE = EventTypes.ExtractionProgress;
const TERMINAL = new Set(['NEEDS_REVIEW', 'ACCEPTED', 'REJECTED', 'FAILED']);
export const EXTRACTION_LIVE_GROUP = 'gateway-extraction-live';

/** The progress report an ai `ExtractionProgress` event carries, or null for anything else. */
function toExtractionProgress(event: DomainEvent): ExtractionProgressEvent | null {
  if (event.type !== PROGRESS_TYPE) return null;
  const d = event.data as Partial<ExtractionProgressData>;
  if (typeof d.jobId !== 'string') return null;
  return {
    jobId: d.jobId, status: String(d.status), stage: String(d.stage), page: Number(d.page ?? 0), pages: Number(d.pages ?? 0),
    progress: Number(d.progress ?? 0), message: d.message ?? null, labId: event.subject.labId ?? null,
  };
}

/** The ai subgraph's progress events, to each job's subscribers. */
export const extractionFeed = (bus: EventBus, logger: Logger) => new BusFeed<ExtractionProgressEvent>(bus, logger, {
  group: EXTRACTION_LIVE_GROUP, name: 'extraction', select: toExtractionProgress, keyOf: (p) => p.jobId, types: [PROGRESS_TYPE],
});

const SNAPSHOT = `query ExtractionSnapshot($id: ID!) { extractionJob(id: $id) { id status stage pagesDone pagesTotal progress error labId } }`;

interface Snapshot { id: string; status: string; stage: string; pagesDone: number; pagesTotal: number | null; progress: number; error: string | null; labId: string }

const readable = (principal: Principal, event: ExtractionProgressEvent) => canSeeLab(principal, event.labId);

/** `Subscription.extractionProgress`: authorized by reading the job as the subscriber, current state first. */
export function extractionSubscriptionResolvers(feed: BusFeed<ExtractionProgressEvent>, queries: GatewayQueries) {
  return {
    async subscribe(_: unknown, { jobId }: { jobId: string }, ctx: SubscriptionContext): Promise<AsyncIterableIterator<ExtractionProgressEvent>> {
      const { principal } = ctx.subscriber;
      requireRead(principal, 'samples:read');
      // Reports are state, not deltas: only the newest waits; the feed ends after a terminal one (NEEDS_REVIEW, FAILED…).
      const iterator = feed.pipe(jobId, new PushIterator<ExtractionProgressEvent>(new LatestOnly(), { isLast: (e) => TERMINAL.has(e.status) }), (e) => readable(principal, e));
      await iterator.seed(async () => {
        const { data, errors } = await queries.run(ctx.subscriber, SNAPSHOT, { id: jobId });
        const job = data?.extractionJob as Snapshot | null | undefined;
        if (job === null) throw new NotFoundError('ExtractionJob', jobId);
        if (job === undefined) throw hydrationError(errors);
        iterator.push({
          jobId, status: job.status, stage: job.stage, page: job.pagesDone, pages: job.pagesTotal ?? 0, progress: job.progress, message: job.error, labId: job.labId,
        });
      });
      return iterator.until(ctx.signal);
    },
    resolve: (event: ExtractionProgressEvent) => event,
  };
}
