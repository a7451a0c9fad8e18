import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  createProject: (_, { input }, ctx) => ctx.services.projects.create(input),
  updateProject: (_, a, ctx) => ctx.services.projects.update(a.id, a.input),
  createSubmission: (_, { input }, ctx) => ctx.services.submissions.create(input),
  updateSubmission: (_, a, ctx) => ctx.services.submissions.update(a.id, a.input),
  markSubmissionReceived: (_, a, ctx) => ctx.services.submissions.markReceived(a.id, a.receivedAt),
  addSamples: (_, a, ctx) => ctx.services.samples.addSamples(a.submissionId, a.samples),
  updateSample: (_, a, ctx) => ctx.services.samples.update(a.id, a.input, a.expectedVersion),
  assignSample: (_, a, ctx) => ctx.services.samples.assign(a.id, a.assigneeId ?? null),
  setSamplePriority: (_, a, ctx) => ctx.services.samples.setPriority(a.id, a.priority),
  archiveSample: (_, a, ctx) => ctx.services.samples.archive(a.id, a.reason ?? null),
  bulkUpdateSamples: (_, a, ctx) => ctx.services.samples.bulkUpdate(a.ids, a.patch),
  createBillingAccount: (_, { input }, ctx) => ctx.services.billing.create(input),
  updateBillingAccount: (_, a, ctx) => ctx.services.billing.update(a.id, a.input),
  deactivateBillingAccount: (_, a, ctx) => ctx.services.billing.deactivate(a.id),
  exportSamples: (_, a, ctx) => ctx.services.exports.start('SAMPLES', a.format, a.filter ?? null, a.fields ?? null),
  exportSubmissions: (_, a, ctx) => ctx.services.exports.start('SUBMISSIONS', a.format, a.filter ?? null, a.fields ?? null),
  exportProjects: (_, a, ctx) => ctx.services.exports.start('PROJECTS', a.format, a.filter ?? null, a.fields ?? null),
};
