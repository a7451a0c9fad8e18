import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { labScopedByIdLoader, labScopedRowLoader, type Principal } from '@app/common';
import { BillingAccount, Project, Sample, Submission } from '../entities/index.js';
import type { ProjectRow, SampleRow, SubmissionRow } from '../resolvers/models.js';
import { sampleJoins, type SampleRelations } from '../services/sample-relations.js';

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
    /** Read-only sample rows with the `relations` the query reads joined in (entity references: one statement per batch). */
    sampleRowById: loaderPerRelations((relations) => labScopedRowLoader<SampleRow>(em, Sample, principal, sampleJoins(principal, relations))),
    samplesBySubmissionId: new DataLoader<string, Sample[]>(async (ids) => {
      const rows = await em.find(Sample, { submission: { $in: [...ids] }, archivedAt: null }, { orderBy: { number: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.submission.id === id));
    }),
  };
}
/** One loader per combination of relations, so each batch is one statement with the same joins. */
function loaderPerRelations<L>(create: (relations: SampleRelations) => L): (relations: SampleRelations) => L {
  const loaders = new Map<string, L>();
  return (relations) => {
    const key = `${relations.submission ? 's' : ''}${relations.project ? 'p' : ''}`;
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = create(relations)));
    return loader;
  };
}

export type SamplesLoaders = ReturnType<typeof createLoaders>;
