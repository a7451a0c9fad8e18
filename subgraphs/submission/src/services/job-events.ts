import type { EntityManager } from '@mikro-orm/postgresql';
import { emitEvent, eventOrigin, qualified, type BaseContext, type EventType, type IntakeJobCounts, type IntakeJobEventData } from '@app/common';
import { IntakeJob } from '../entities/index.js';
import { SOURCE, type SubmissionDeps } from '../deps.js';
import { LockMode } from '@mikro-orm/core';

/** The job's counters, as events and progress report them. */
export const jobCounts = (job: IntakeJob) => ({
  status: job.status, rowCount: job.rowCount, errorCount: job.errorCount, excludedCount: job.excludedCount,
  committedCount: job.committedCount, failedCount: job.failedCount,
});

/** Writes one intake event to the outbox in the caller's transaction (audit records who imported what). */
export function emitJobEvent(
  em: EntityManager, deps: SubmissionDeps, ctx: Pick<BaseContext, 'principal' | 'client' | 'correlationId'>, type: EventType, job: IntakeJob,
  data: Record<string, unknown>, before: Record<string, unknown> | null = null,
) {
  return emitEvent(em, deps.schema, eventOrigin(ctx, SOURCE), {
    type,
    subject: { type: 'IntakeJob', id: job.id, submissionId: job.submissionId, labId: job.labId },
    data: { kind: job.kind, filename: job.filename, ...data } satisfies IntakeJobEventData,
    before, after: jobCounts(job) satisfies IntakeJobCounts,
  });
}

/** Locks the job and sets its counters from its rows (inside the caller's transaction). */
export async function recountJob(em: EntityManager, schema: string, jobId: string): Promise<IntakeJob> {
  const job = await em.findOneOrFail(IntakeJob, jobId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  const counts = await em.getConnection().execute<{ status: string; n: string }[]>(
    `select status, count(*) as n from ${qualified(schema, 'intake_row')} where job_id = ? group by status`, [jobId], 'all', em.getTransactionContext(),
  );
  const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  Object.assign(job, { errorCount: n('INVALID'), excludedCount: n('EXCLUDED'), committedCount: n('COMMITTED'), failedCount: n('FAILED') });
  await em.flush();
  return job;
}
