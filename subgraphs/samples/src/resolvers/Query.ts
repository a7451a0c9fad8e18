import { requireRead, type PageArgs } from '@app/common';
import type { SamplesContext } from '../context.js';
import type { BillingAccountFilter } from '../services/billing.service.js';
import type { Order, ProjectFilter, ProjectOrderField, SampleFilter, SampleOrderField, SubmissionFilter, SubmissionOrderField } from '../services/filters.js';

type ById = { id: string };
type ListArgs<F, O extends string> = PageArgs & { filter?: F | null; orderBy?: Order<O> | null };

export const Query = {
  project: (_: unknown, { id }: ById, ctx: SamplesContext) => { requireRead(ctx.principal, 'samples:read'); return ctx.loaders.projectById.load(id); },
  submission: (_: unknown, { id }: ById, ctx: SamplesContext) => { requireRead(ctx.principal, 'samples:read'); return ctx.loaders.submissionById.load(id); },
  sample: (_: unknown, { id }: ById, ctx: SamplesContext) => { requireRead(ctx.principal, 'samples:read'); return ctx.loaders.sampleById.load(id); },
  billingAccount: (_: unknown, { id }: ById, ctx: SamplesContext) => { requireRead(ctx.principal, 'samples:read'); return ctx.loaders.billingAccountById.load(id); },
  samples: (_: unknown, a: ListArgs<SampleFilter, SampleOrderField>, ctx: SamplesContext) => ctx.services.sampleQueries.list(a.filter ?? {}, a.orderBy, a),
  submissions: (_: unknown, a: ListArgs<SubmissionFilter, SubmissionOrderField>, ctx: SamplesContext) => ctx.services.submissions.list(a.filter ?? {}, a.orderBy, a),
  projects: (_: unknown, a: ListArgs<ProjectFilter, ProjectOrderField>, ctx: SamplesContext) => ctx.services.projects.list(a.filter ?? {}, a.orderBy, a),
  sampleQueue: (_: unknown, a: PageArgs, ctx: SamplesContext) => ctx.services.sampleQueries.queue(a),
  sampleStats: (_: unknown, a: { filter?: SampleFilter | null }, ctx: SamplesContext) => ctx.services.sampleQueries.stats(a.filter ?? {}),
  billingAccounts: (_: unknown, a: PageArgs & { filter?: BillingAccountFilter | null }, ctx: SamplesContext) => ctx.services.billing.list(a.filter ?? {}, a),
  exportJob: (_: unknown, { id }: ById, ctx: SamplesContext) => ctx.services.exports.get(id),
};
