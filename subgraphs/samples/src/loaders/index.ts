import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { labScopedByIdLoader, labScopedRowLoader, type Principal } from '@app/common';
import { BillingAccount, Project, Sample, Submission } from '../entities/index.js';
import type { ProjectRow, SubmissionRow } from '../resolvers/models.js';

/** Per-request DataLoaders: every relation and every entity reference costs one query per batch. */
export function createLoaders(em: EntityManager, principal: Principal) {
  return {
    projectById: labScopedByIdLoader<Project>(em, Project, principal),
    submissionById: labScopedByIdLoader<Submission>(em, Submission, principal),
    sampleById: labScopedByIdLoader<Sample>(em, Sample, principal),
    billingAccountById: labScopedByIdLoader<BillingAccount>(em, BillingAccount, principal),
    /** Read-only rows for a listed sample's submission and project (no hydration); services use the entity loaders above. */
    submissionRowById: labScopedRowLoader<SubmissionRow>(em, Submission, principal),
    projectRowById: labScopedRowLoader<ProjectRow>(em, Project, principal),
    samplesBySubmissionId: new DataLoader<string, Sample[]>(async (ids) => {
      const rows = await em.find(Sample, { submission: { $in: [...ids] }, archivedAt: null }, { orderBy: { number: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.submission.id === id));
    }),
  };
}
export type SamplesLoaders = ReturnType<typeof createLoaders>;
