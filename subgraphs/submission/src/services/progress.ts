import { EventTypes, createEvent, eventOrigin, type BaseContext, type DomainEvent, type IntakeProgressData } from '@app/common';
import type { IntakeJob } from '../entities/index.js';
import { SOURCE, type SubmissionDeps } from '../deps.js';
import { jobCounts } from './job-events.js';

/** At most one progress event per job per interval (plus one at every phase change), so audit and the bus are not flooded. */
const INTERVAL_MS = 1_000;

/**
 * Publishes `IntakeProgress` straight to the bus (not the outbox: a lost progress tick is harmless,
 * the state changes themselves are outbox events). The gateway serves them as `intakeProgress(jobId)`.
 */
export class ProgressReporter {
  private readonly last = new Map<string, { at: number; phase: string }>();

  constructor(private readonly deps: SubmissionDeps, private readonly origin: Pick<BaseContext, 'principal' | 'client' | 'correlationId'>) {}

  report(job: IntakeJob, phase: string, processed: number, total: number | null): void {
    const now = Date.now();
    const previous = this.last.get(job.id);
    if (previous && previous.phase === phase && now - previous.at < INTERVAL_MS) return;
    this.last.set(job.id, { at: now, phase });
    const event = createEvent(eventOrigin(this.origin, SOURCE), {
      type: EventTypes.IntakeProgress,
      subject: { type: 'IntakeJob', id: job.id, submissionId: job.submissionId, labId: job.labId },
      data: { jobId: job.id, phase, processed, total, ...jobCounts(job) } satisfies IntakeProgressData,
    }, this.deps.now()) as DomainEvent;
    this.deps.bus.publish(event).catch((err: unknown) => this.deps.logger.warn({ err, jobId: job.id }, 'intake progress not published'));
  }
}
