import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { UnusableEventError, type DomainEvent, type IntakeRowsCommittedData } from '@app/common';
import { ExtractionJob, ExtractionSampleLink } from '../entities/index.js';

/** What an `IntakeRowsCommitted` must carry to be used (an older or foreign producer may send less). */
const rowsCommitted = z.object({
  extractionJobId: z.uuid(),
  rows: z.array(z.object({ rowNumber: z.number().int(), sampleId: z.uuid(), sampleNumber: z.string().max(50).nullable() })).max(10_000),
}) satisfies z.ZodType<Pick<IntakeRowsCommittedData, 'extractionJobId' | 'rows'>>;

/**
 * Links the samples an intake made from an accepted PDF job's rows to that job (idempotent: a
 * redelivered batch writes the same links). A job of another lab, or one this subgraph does not
 * have, is not linked.
 */
export async function recordSampleLinks(em: EntityManager, event: DomainEvent): Promise<void> {
  const parsed = rowsCommitted.safeParse(event.data);
  if (!parsed.success) throw new UnusableEventError(`IntakeRowsCommitted without usable rows: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const { extractionJobId, rows } = parsed.data;
  const job = await em.findOne(ExtractionJob, extractionJobId);
  if (!job || job.sourceKind !== 'PDF' || (event.subject.labId && event.subject.labId !== job.labId)) return;
  if (!rows.length) return;
  await em.upsertMany(ExtractionSampleLink, rows.map((row) => ({
    sampleId: row.sampleId, jobId: job.id, sampleNumber: row.sampleNumber, intakeJobId: event.subject.id, linkedAt: new Date(event.occurredAt),
  })));
}
