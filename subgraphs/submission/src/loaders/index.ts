import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canSeeLab, labScope, type Principal } from '@app/common';
import { IntakeJob, IntakeRow } from '../entities/index.js';
import { isUuid } from '../services/validation.js';

/** How many intake jobs `Submission.intake` lists (newest first); older ones are in `intakeJobs`. */
export const INTAKE_PER_SUBMISSION = 50;

/** Per-request DataLoaders; lab visibility is applied here so `__resolveReference` is covered too. */
export function createLoaders(em: EntityManager, principal: Principal) {
  const scope = labScope(principal);
  return {
    jobById: new DataLoader<string, IntakeJob | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await em.find(IntakeJob, { id: { $in: valid } }) : [];
      const byId = new Map(rows.filter((r) => canSeeLab(principal, r.labId)).map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    rowById: new DataLoader<string, IntakeRow | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await em.find(IntakeRow, { id: { $in: valid } }, { populate: ['job'] }) : [];
      const byId = new Map(rows.filter((r) => canSeeLab(principal, r.job.labId)).map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    jobsBySubmissionId: new DataLoader<string, IntakeJob[]>(async (ids) => {
      const valid = ids.filter(isUuid);
      const where = { submissionId: { $in: valid }, ...(scope === null ? {} : { labId: scope }) };
      const rows = valid.length ? await em.find(IntakeJob, where, { orderBy: { createdAt: 'desc', id: 'desc' } }) : [];
      return ids.map((id) => rows.filter((r) => r.submissionId === id).slice(0, INTAKE_PER_SUBMISSION));
    }),
  };
}
export type SubmissionLoaders = ReturnType<typeof createLoaders>;
