import {
  consumeOnce, createEvent, diffFields, EventTypes, isDomainEvent, recordDeadLetter, recordEvents, SYSTEM, type BackgroundTask, type BusSubscription,
  type DomainEvent, type SampleStatusChangedData, type SubmissionEventData,
} from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Sample, Submission } from '../entities/index.js';
import { SampleStatuses, type SampleStatus } from '../entities/enums.js';
import { SOURCE, type SamplesDeps } from '../deps.js';
import { refreshSubmission, submissionSnapshot } from './submission-status.js';
import { LockMode } from '@mikro-orm/core';

export const CONSUMER_GROUP = 'samples';
const DONE: SampleStatus[] = ['COMPLETED', 'DISTRIBUTED'];

/**
 * Applies a workflow status to a sample and re-derives its submission, inside `em`'s transaction.
 * Events older than the last applied one are ignored, so out-of-order delivery cannot roll a sample back.
 */
export async function applySampleStatus(deps: SamplesDeps, em: EntityManager, sampleId: string, status: SampleStatus, at: Date, cause?: DomainEvent): Promise<boolean> {
  const sample = await em.findOne(Sample, sampleId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!sample) return false;
  if (sample.statusChangedAt && sample.statusChangedAt > at) return false;
  sample.statusChangedAt = at;
  if (sample.status === status) {
    await em.flush();
    return false;
  }
  sample.status = status;
  if (DONE.includes(status) && !sample.completedAt) sample.completedAt = at;
  if (!DONE.includes(status) && status !== 'ARCHIVED') sample.completedAt = null;
  await em.flush();
  const submission = await em.findOneOrFail(Submission, sample.submission.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const before = submissionSnapshot(submission);
  await refreshSubmission(em, deps.schema, submission, at);
  await em.flush();
  const diff = diffFields(before, submissionSnapshot(submission));
  if (diff) {
    await recordEvents(em, deps.schema, [createEvent({ source: SOURCE, principal: SYSTEM, correlationId: cause?.correlationId ?? null }, {
      type: EventTypes.SubmissionUpdated, subject: { type: 'Submission', id: submission.id, submissionId: submission.id, labId: submission.labId },
      data: { number: submission.number, projectId: submission.project.id, status: submission.status, cause: cause?.id ?? null } satisfies SubmissionEventData, ...diff,
    }, deps.now()) as DomainEvent]);
  }
  return true;
}

/** Consumes the workflow's SampleStatusChanged events (group `samples`), once each. */
export class SampleStatusConsumer implements BackgroundTask {
  readonly name = 'samples-status-consumer';
  private subscription: BusSubscription | null = null;

  constructor(private readonly deps: SamplesDeps) {}

  async start(): Promise<void> {
    this.subscription = await this.deps.bus.subscribe({
      group: CONSUMER_GROUP,
      types: [EventTypes.SampleStatusChanged],
      handler: async (delivery) => {
        const { event, raw } = delivery;
        if (!event || !isDomainEvent(event)) {
          await recordDeadLetter(this.deps.orm.em.fork(), this.deps.schema, { group: CONSUMER_GROUP, raw, reason: delivery.event ? 'not a domain event envelope' : (delivery as { error: string }).error });
          return;
        }
        if (event.type !== EventTypes.SampleStatusChanged) return;
        const status = String((event.data as Partial<SampleStatusChangedData>).status ?? '').toUpperCase() as SampleStatus;
        const sampleId = event.subject.sampleId ?? event.subject.id;
        if (!SampleStatuses.includes(status)) {
          await recordDeadLetter(this.deps.orm.em.fork(), this.deps.schema, { group: CONSUMER_GROUP, raw, reason: `unknown sample status "${status}"`, eventId: event.id, eventType: event.type });
          return;
        }
        await consumeOnce(this.deps.orm, this.deps.schema, CONSUMER_GROUP, event, (em) =>
          applySampleStatus(this.deps, em, sampleId, status, new Date(event.occurredAt), event).then(() => undefined));
      },
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }
}
