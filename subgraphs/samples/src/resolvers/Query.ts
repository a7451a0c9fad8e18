import { NotFoundError, requireRead } from '@app/common';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { SamplesContext } from '../context.js';
import { sampleListRelations } from './sample-relations.js';

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

export const Query: QueryResolvers = {
  project: (_, { id }, ctx) => visible(ctx, 'Project', id, (k) => ctx.loaders.projectById.load(k)),
  submission: (_, { id }, ctx) => visible(ctx, 'Submission', id, (k) => ctx.loaders.submissionById.load(k)),
  sample: (_, { id }, ctx) => visible(ctx, 'Sample', id, (k) => ctx.loaders.sampleById.load(k)),
  billingAccount: (_, { id }, ctx) => visible(ctx, 'BillingAccount', id, (k) => ctx.loaders.billingAccountById.load(k)),
  samples: (_, a, ctx, info) => ctx.services.sampleQueries.list(a.filter ?? {}, a.orderBy, a, sampleListRelations(info)),
  submissions: (_, a, ctx) => ctx.services.submissions.list(a.filter ?? {}, a.orderBy, a),
  projects: (_, a, ctx) => ctx.services.projects.list(a.filter ?? {}, a.orderBy, a),
  sampleQueue: (_, a, ctx, info) => ctx.services.sampleQueries.queue(a, sampleListRelations(info)),
  sampleStats: (_, a, ctx) => ctx.services.sampleQueries.stats(a.filter ?? {}),
  billingAccounts: (_, a, ctx) => ctx.services.billing.list(a.filter ?? {}, a),
  exportJob: (_, { id }, ctx) => ctx.services.exports.get(id),
  validateSampleDrafts: (_, a, ctx) => ctx.services.sampleDrafts.validate(a, a.samples),
};
