import { consumeOnce, EventTypes, isDomainEvent, type BackgroundTask, type BusSubscription, type DomainEvent, type ExtractionAcceptedData } from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AcceptedExtraction, type AcceptedSampleRow } from '../entities/index.js';
import type { SubmissionDeps } from '../deps.js';

export const EXTRACTIONS_GROUP = 'submission-extractions';

/** Keeps what an accepted extraction says, so `createIntakeFromExtraction` can read it (idempotent by event id and job id). */
export async function recordAcceptedExtraction(em: EntityManager, event: DomainEvent): Promise<void> {
  const data = (event.data ?? {}) as Partial<ExtractionAcceptedData>;
  await em.upsert(AcceptedExtraction, {
    id: event.subject.id, labId: event.subject.labId ?? null, submissionId: event.subject.submissionId ?? null,
    form: typeof data.form === 'string' ? data.form.slice(0, 20) : null,
    fields: data.fields && typeof data.fields === 'object' ? data.fields : {},
    samples: Array.isArray(data.samples) ? (data.samples as AcceptedSampleRow[]) : [],
    acceptedBy: event.actor.userId ?? null, acceptedAt: new Date(event.occurredAt),
  });
}

/** Consumes the ai subgraph's ExtractionAccepted events (group `submission-extractions`), once each. */
export class AcceptedExtractionConsumer implements BackgroundTask {
  readonly name = 'submission-extraction-consumer';
  private subscription: BusSubscription | null = null;

  constructor(private readonly deps: SubmissionDeps) {}

  async start(): Promise<void> {
    this.subscription = await this.deps.bus.subscribe({
      group: EXTRACTIONS_GROUP,
      handler: async ({ event }) => {
        if (!event || !isDomainEvent(event) || event.type !== EventTypes.ExtractionAccepted) return;
        await consumeOnce(this.deps.orm, this.deps.schema, EXTRACTIONS_GROUP, event, (em) => recordAcceptedExtraction(em, event));
      },
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }
}
