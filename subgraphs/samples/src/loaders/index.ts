import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canSeeLab, isUuid, type Principal } from '@app/common';
import { BillingAccount, Project, Sample, Submission } from '../entities/index.js';

/** Loads rows by id in one query, returns them in key order, and hides what the caller may not see. */
function byIdVisible<T extends { id: string; labId: string }>(em: EntityManager, entity: unknown, principal: Principal) {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? ((await em.find(entity as never, { id: { $in: [...valid] } } as never)) as T[]) : [];
    const byId = new Map(rows.filter((r) => canSeeLab(principal, r.labId)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Per-request DataLoaders: every relation and every entity reference costs one query per batch. */
export function createLoaders(em: EntityManager, principal: Principal) {
  return {
    projectById: byIdVisible<Project>(em, Project, principal),
    submissionById: byIdVisible<Submission>(em, Submission, principal),
    sampleById: byIdVisible<Sample>(em, Sample, principal),
    billingAccountById: byIdVisible<BillingAccount>(em, BillingAccount, principal),
    samplesBySubmissionId: new DataLoader<string, Sample[]>(async (ids) => {
      const rows = await em.find(Sample, { submission: { $in: [...ids] }, archivedAt: null }, { orderBy: { number: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.submission.id === id));
    }),
  };
}
export type SamplesLoaders = ReturnType<typeof createLoaders>;
