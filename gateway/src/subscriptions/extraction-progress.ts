import { NotFoundError, canSeeLab, requireRead, type BusSubscription, type EventBus, type Logger, type Principal } from '@app/common';
import type { GatewayQueries } from './gateway-queries.js';
import { hydrationError } from './hydrate.js';
import type { SubscriptionContext } from './workflow-fields.js';

/** One progress report, shaped like the API's `ExtractionProgress`; `labId` kept for authorization. */
export interface ExtractionProgressEvent {
  jobId: string;
  status: string;
  stage: string;
  page: number;
  pages: number;
  progress: number;
  message: string | null;
  labId: string | null;
}

const PROGRESS_TYPE = 'ExtractionProgress';
const TERMINAL = new Set(['NEEDS_REVIEW', 'ACCEPTED', 'REJECTED', 'FAILED']);
export const EXTRACTION_LIVE_GROUP = 'gateway-extraction-live';

type Listener = (event: ExtractionProgressEvent) => void;

/** The gateway process's view of the ai subgraph's progress events: one ephemeral subscription, fanned out per job. */
export class ExtractionProgressHub {
  private readonly byJob = new Map<string, Set<Listener>>();
  private subscription: BusSubscription | null = null;

  constructor(private readonly bus: EventBus, private readonly logger: Logger) {}

  async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      group: EXTRACTION_LIVE_GROUP, ephemeral: true,
      handler: async ({ event }) => {
        if (event?.type !== PROGRESS_TYPE) return;
        const d = event.data as Partial<ExtractionProgressEvent>;
        if (typeof d.jobId !== 'string') return;
        const progress: ExtractionProgressEvent = {
          jobId: d.jobId, status: String(d.status), stage: String(d.stage), page: Number(d.page ?? 0), pages: Number(d.pages ?? 0),
          progress: Number(d.progress ?? 0), message: d.message ?? null, labId: event.subject.labId ?? null,
        };
        for (const listener of this.byJob.get(d.jobId) ?? []) {
          try { listener(progress); } catch (err) { this.logger.warn({ err, jobId: d.jobId }, 'extraction listener failed'); }
        }
      },
    });
  }

  async stop(): Promise<void> {
    this.byJob.clear();
    await this.subscription?.close();
    this.subscription = null;
  }

  listen(jobId: string, listener: Listener): () => void {
    let set = this.byJob.get(jobId);
    if (!set) this.byJob.set(jobId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byJob.delete(jobId);
    };
  }
}

/**
 * Keeps only the newest report while the client is busy (reports are state, not deltas) and
 * ends after delivering a terminal one (NEEDS_REVIEW, FAILED…). Hand-written so `return()` never waits.
 */
class ProgressIterator implements AsyncIterableIterator<ExtractionProgressEvent> {
  private pending: ExtractionProgressEvent | null = null;
  private waiting: ((r: IteratorResult<ExtractionProgressEvent>) => void) | null = null;
  private closed = false;
  private ending = false;

  constructor(private readonly onClose: () => void) {}

  push(event: ExtractionProgressEvent): void {
    if (this.closed || this.ending) return;
    if (TERMINAL.has(event.status)) this.ending = true;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: event, done: false });
    } else this.pending = event;
  }

  next(): Promise<IteratorResult<ExtractionProgressEvent>> {
    if (this.pending) {
      const value = this.pending;
      this.pending = null;
      return Promise.resolve({ value, done: false });
    }
    if (this.closed || this.ending) return this.return();
    return new Promise((resolve) => { this.waiting = resolve; });
  }

  return(): Promise<IteratorResult<ExtractionProgressEvent>> {
    if (!this.closed) {
      this.closed = true;
      this.onClose();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

const SNAPSHOT = `query ExtractionSnapshot($id: ID!) { extractionJob(id: $id) { id status stage pagesDone pagesTotal progress error labId } }`;

interface Snapshot { id: string; status: string; stage: string; pagesDone: number; pagesTotal: number | null; progress: number; error: string | null; labId: string }

const readable = (principal: Principal, event: ExtractionProgressEvent) => canSeeLab(principal, event.labId);

/** `Subscription.extractionProgress`: authorized by reading the job as the subscriber, current state first. */
export function extractionSubscriptionResolvers(hub: ExtractionProgressHub, queries: GatewayQueries) {
  return {
    async subscribe(_: unknown, { jobId }: { jobId: string }, ctx: SubscriptionContext): Promise<AsyncIterableIterator<ExtractionProgressEvent>> {
      const { principal } = ctx.subscriber;
      requireRead(principal, 'samples:read');
      const iterator = new ProgressIterator(() => unlisten());
      const unlisten = hub.listen(jobId, (event) => { if (readable(principal, event)) iterator.push(event); });
      try {
        const { data, errors } = await queries.run(ctx.subscriber, SNAPSHOT, { id: jobId });
        const job = data?.extractionJob as Snapshot | null | undefined;
        if (job === null) throw new NotFoundError('ExtractionJob', jobId);
        if (job === undefined) throw hydrationError(errors);
        iterator.push({
          jobId, status: job.status, stage: job.stage, page: job.pagesDone, pages: job.pagesTotal ?? 0, progress: job.progress, message: job.error, labId: job.labId,
        });
      } catch (err) {
        await iterator.return();
        throw err;
      }
      if (ctx.signal.aborted) await iterator.return();
      else ctx.signal.addEventListener('abort', () => void iterator.return(), { once: true });
      return iterator;
    },
    resolve: (event: ExtractionProgressEvent) => event,
  };
}
