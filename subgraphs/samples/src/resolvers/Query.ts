import { NotFoundError, requireRead, type PageArgs } from '@app/common';
import type { SamplesContext } from '../context.js';
import type { BillingAccountFilter } from '../services/billing.service.js';
import type { SampleInput } from '../services/sample-rules.js';
import type { Order, ProjectFilter, ProjectOrderField, SampleFilter, SampleOrderField, SubmissionFilter, SubmissionOrderField } from '../services/filters.js';

type ById = { id: string };
type ListArgs<F, O extends string> = PageArgs & { filter?: F | null; orderBy?: Order<O> | null };

/**
 * Reads one record the caller may see. Missing and not-visible answer the same NOT_FOUND, so a
 * submitter learns nothing about another lab's records.
 */
async function visible<T>(ctx: SamplesContext, entity: string, id: string, load: (id: string) => Promise<T | null>): Promise<T> {
  requireRead(ctx.principal, 'samples:read');
  const row = await load(id);
  if (!row) throw new NotFoundError(entity, id);
  return row;
}

export const Query = {
  project: (_: unknown, { id }: ById, ctx: SamplesContext) => visible(ctx, 'Project', id, (k) => ctx.loaders.projectById.load(k)),
  submission: (_: unknown, { id }: ById, ctx: SamplesContext) => visible(ctx, 'Submission', id, (k) => ctx.loaders.submissionById.load(k)),
  sample: (_: unknown, { id }: ById, ctx: SamplesContext) => visible(ctx, 'Sample', id, (k) => ctx.loaders.sampleById.load(k)),
  billingAccount: (_: unknown, { id }: ById, ctx: SamplesContext) => visible(ctx, 'BillingAccount', id, (k) => ctx.loaders.billingAccountById.load(k)),
  samples: (_: unknown, a: ListArgs<SampleFilter, SampleOrderField>, ctx: SamplesContext) => ctx.services.sampleQueries.list(a.filter ?? {}, a.orderBy, a),
  submissions: (_: unknown, a: ListArgs<SubmissionFilter, SubmissionOrderField>, ctx: SamplesContext) => ctx.services.submissions.list(a.filter ?? {}, a.orderBy, a),
  projects: (_: unknown, a: ListArgs<ProjectFilter, ProjectOrderField>, ctx: SamplesContext) => ctx.services.projects.list(a.filter ?? {}, a.orderBy, a),
  sampleQueue: (_: unknown, a: PageArgs, ctx: SamplesContext) => ctx.services.sampleQueries.queue(a),
  sampleStats: (_: unknown, a: { filter?: SampleFilter | null }, ctx: SamplesContext) => ctx.services.sampleQueries.stats(a.filter ?? {}),
  billingAccounts: (_: unknown, a: PageArgs & { filter?: BillingAccountFilter | null }, ctx: SamplesContext) => ctx.services.billing.list(a.filter ?? {}, a),
  exportJob: (_: unknown, { id }: ById, ctx: SamplesContext) => ctx.services.exports.get(id),
  validateSampleDrafts: (_: unknown, a: { submissionId?: string | null; projectId?: string | null; samples: SampleInput[] }, ctx: SamplesContext) =>
    ctx.services.sampleDrafts.validate(a, a.samples),
};
