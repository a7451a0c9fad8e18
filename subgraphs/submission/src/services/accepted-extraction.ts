import type { DomainEvent, ExtractionAcceptedData } from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AcceptedExtraction, type AcceptedSampleRow } from '../entities/index.js';

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
