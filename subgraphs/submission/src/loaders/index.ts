import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, labScope, labScopedByIdLoader, type Principal } from '@app/common';
import { IntakeJob, IntakeRow } from '../entities/index.js';

/** How many intake jobs `Submission.intake` lists (newest first); older ones are in `intakeJobs`. */
export const INTAKE_PER_SUBMISSION = 50;

/** Per-request DataLoaders; lab visibility is applied here so `__resolveReference` is covered too. */
export function createLoaders(em: EntityManager, principal: Principal) {
  const scope = labScope(principal);
  return {
    jobById: labScopedByIdLoader<IntakeJob>(em, IntakeJob, principal),
    rowById: labScopedByIdLoader<IntakeRow>(em, IntakeRow, principal, { populate: ['job'], labOf: (row) => row.job.labId }),
    jobsBySubmissionId: new DataLoader<string, IntakeJob[]>(async (ids) => {
      const valid = ids.filter(isUuid);
      const where = { submissionId: { $in: valid }, ...(scope === null ? {} : { labId: scope }) };
      const rows = valid.length ? await em.find(IntakeJob, where, { orderBy: { createdAt: 'desc', id: 'desc' } }) : [];
      return ids.map((id) => rows.filter((r) => r.submissionId === id).slice(0, INTAKE_PER_SUBMISSION));
    }),
  };
}
export type SubmissionLoaders = ReturnType<typeof createLoaders>;
