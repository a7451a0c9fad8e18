import { randomUUID } from 'node:crypto';
import { EventTypes, consumeOnce, type BackgroundTask, type BusSubscription } from '@app/common';
import { ExtractionJob } from '../entities/index.js';
import type { AiDeps } from '../deps.js';
import type { Assistant } from '../services/assist/assistant.js';
import { recordFileEvent } from '../services/files/known-files.js';
import { PdfReaderPool } from '../services/pdf/reader-pool.js';
import { failJob, JobRunner } from './job-runner.js';
import { JobLeases } from './leases.js';

export const WORKER_GROUP = 'ai-extraction';

/**
 * Runs PDF jobs off the request path. Woken by ExtractionJobQueued from the bus and by a poll
 * (which also finds jobs whose worker died: their lease ran out). Each job is claimed in the
 * database first, so two workers never run one job at the same time, and a claim past
 * AI_JOB_MAX_ATTEMPTS ends the job FAILED instead of crashing the worker again.
 */
export class ExtractionWorker implements BackgroundTask {
  readonly name = 'ai-extraction-worker';
  readonly owner = `ai-worker-${randomUUID()}`;
  private readonly leases: JobLeases;
  private readonly runner: JobRunner;
  /** The reader threads PDFs are parsed in (one per concurrent job, kept warm). */
  readonly reader: PdfReaderPool;
  private readonly running = new Set<Promise<void>>();
  private subscription: BusSubscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(private readonly deps: AiDeps, assistant: Assistant) {
    this.leases = new JobLeases(deps.orm, deps.schema, deps.config.AI_JOB_LEASE_MS);
    this.reader = new PdfReaderPool({ maxIdle: deps.config.AI_WORKER_CONCURRENCY, logger: deps.logger });
    this.runner = new JobRunner(deps, this.leases, assistant, this.owner, this.reader);
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.subscription = await this.deps.bus.subscribe({
      group: WORKER_GROUP,
      types: [EventTypes.FileUploaded, EventTypes.FileDeleted, EventTypes.ExtractionJobQueued],
      handler: async ({ event }) => {
        if (!event) return;
        if (event.type === EventTypes.FileUploaded || event.type === EventTypes.FileDeleted) {
          await consumeOnce(this.deps.orm, this.deps.schema, WORKER_GROUP, event, (em) => recordFileEvent(em, event));
        } else if (event.type === EventTypes.ExtractionJobQueued) this.kick();
      },
    });
    this.timer = setInterval(() => this.kick(), this.deps.config.AI_WORKER_POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.subscription?.close();
    this.subscription = null;
    await this.idle();
    await this.reader.close();
  }

  /** Resolves when nothing is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** Starts claiming jobs while there is capacity; never throws (the bus must not redeliver for it). */
  kick(): void {
    if (this.stopped || this.running.size >= this.deps.config.AI_WORKER_CONCURRENCY) return;
    const slot: Promise<void> = this.next()
      // A slot that found work looks again at once, so a busy queue drains without waiting for the poll.
      .then((claimed) => { if (claimed) setImmediate(() => this.kick()); })
      .catch((err: unknown) => this.deps.logger.error({ err }, 'extraction worker loop failed'))
      .finally(() => this.running.delete(slot));
    this.running.add(slot);
  }

  /** Claims and runs one job; false when there was none. */
  private async next(): Promise<boolean> {
    const claim = await this.leases.claim(this.owner, this.deps.now());
    if (!claim) return false;
    if (claim.attempts > this.deps.config.AI_JOB_MAX_ATTEMPTS) {
      const job = await this.deps.orm.em.fork().findOneOrFail(ExtractionJob, claim.id);
      await failJob(this.deps, this.deps.orm.em.fork(), job, `Gave up after ${claim.attempts - 1} attempts: the worker stopped while reading this file`, this.owner);
      return true;
    }
    await this.runner.run(claim.id);
    return true;
  }
}
