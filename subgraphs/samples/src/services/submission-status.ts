import { qualified } from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Submission } from '../entities/index.js';
import type { SubmissionStatus } from '../entities/enums.js';

/** What a submission's samples look like; withdrawn (archived) samples do not count. */
export interface SampleTally {
  active: number;
  started: number;
  done: number;
}

/**
 * A submission's status once it has left the customer's hands follows its samples: all done →
 * COMPLETED; any started or done → IN_PROGRESS; none started → RECEIVED (or still SUBMITTED).
 * DRAFT and CANCELLED are decisions people make, so samples never change them.
 */
export function deriveSubmissionStatus(current: SubmissionStatus, tally: SampleTally): SubmissionStatus {
  if (current === 'DRAFT' || current === 'CANCELLED') return current;
  if (tally.active > 0 && tally.done === tally.active) return 'COMPLETED';
  if (tally.started > 0 || tally.done > 0) return 'IN_PROGRESS';
  return current === 'SUBMITTED' ? 'SUBMITTED' : 'RECEIVED';
}

export async function tallySamples(em: EntityManager, schema: string, submissionId: string): Promise<SampleTally> {
  const rows = await em.getConnection().execute<{ active: number; started: number; done: number }[]>(
    `select count(*)::int as active,
            count(*) filter (where status <> 'SUBMITTED')::int as started,
            count(*) filter (where completed_at is not null)::int as done
       from ${qualified(schema, 'sample')} where submission_id = ? and archived_at is null`,
    [submissionId], 'all', em.getTransactionContext(),
  );
  return rows[0] ?? { active: 0, started: 0, done: 0 };
}

/** The highest sample number in a submission (0 for none); new samples count on from it. */
export async function lastSampleNumber(em: EntityManager, schema: string, submissionId: string): Promise<number> {
  const rows = await em.getConnection().execute<{ last: number | null }[]>(
    `select max(number)::int as last from ${qualified(schema, 'sample')} where submission_id = ?`, [submissionId], 'all', em.getTransactionContext(),
  );
  return rows[0]?.last ?? 0;
}

export const submissionSnapshot = (s: Submission) => ({
  status: s.status, priority: s.priority, externalQuoteId: s.externalQuoteId ?? null, billingAccountId: s.billingAccount?.id ?? null,
  specialInstructions: s.specialInstructions ?? null, dataDeliveryPreferences: s.dataDeliveryPreferences ?? null,
  submittedAt: s.submittedAt?.toISOString() ?? null, receivedAt: s.receivedAt?.toISOString() ?? null,
  completedAt: s.completedAt?.toISOString() ?? null, sampleCount: s.sampleCount, completedCount: s.completedCount,
});

/** Recomputes counts and derived status inside the caller's transaction; the caller emits the event. */
export async function refreshSubmission(em: EntityManager, schema: string, submission: Submission, now: Date): Promise<void> {
  const tally = await tallySamples(em, schema, submission.id);
  submission.sampleCount = tally.active;
  submission.completedCount = tally.done;
  const status = deriveSubmissionStatus(submission.status, tally);
  if (status !== submission.status) {
    submission.status = status;
    submission.completedAt = status === 'COMPLETED' ? now : null;
  }
}

/**
 * The same result as refreshSubmission after `added` new samples (all SUBMITTED, none done), without
 * recounting: a 100,000-sample import added 500 at a time recounted the whole submission per call.
 * A completed submission with new work is in progress again; nothing else changes.
 */
export function addToSubmission(submission: Submission, added: number): void {
  submission.sampleCount += added;
  const status = deriveSubmissionStatus(submission.status, {
    active: submission.sampleCount,
    started: submission.status === 'IN_PROGRESS' || submission.status === 'COMPLETED' ? 1 : 0,
    done: submission.completedCount,
  });
  if (status !== submission.status) {
    submission.status = status;
    submission.completedAt = null;
  }
}
