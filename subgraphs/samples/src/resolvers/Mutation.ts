import type { SamplesContext } from '../context.js';
import type { ExportFormat } from '../entities/enums.js';
import type { BillingAccountInput } from '../services/billing.service.js';
import type { CreateProjectInput, UpdateProjectInput } from '../services/project.service.js';
import type { SampleFields } from '../services/sample-rules.js';
import type { BulkSamplePatch, SampleInput } from '../services/sample.service.js';
import type { CreateSubmissionInput, UpdateSubmissionInput } from '../services/submission.service.js';
import type { Priority } from '../entities/enums.js';

type Ctx = SamplesContext;
type ExportArgs = { format: ExportFormat; filter?: Record<string, unknown> | null; fields?: string[] | null };

export const Mutation = {
  createProject: (_: unknown, { input }: { input: CreateProjectInput }, ctx: Ctx) => ctx.services.projects.create(input),
  updateProject: (_: unknown, a: { id: string; input: UpdateProjectInput }, ctx: Ctx) => ctx.services.projects.update(a.id, a.input),
  createSubmission: (_: unknown, { input }: { input: CreateSubmissionInput }, ctx: Ctx) => ctx.services.submissions.create(input),
  updateSubmission: (_: unknown, a: { id: string; input: UpdateSubmissionInput }, ctx: Ctx) => ctx.services.submissions.update(a.id, a.input),
  markSubmissionReceived: (_: unknown, a: { id: string; receivedAt?: Date | null }, ctx: Ctx) => ctx.services.submissions.markReceived(a.id, a.receivedAt),
  addSamples: (_: unknown, a: { submissionId: string; samples: SampleInput[] }, ctx: Ctx) => ctx.services.samples.addSamples(a.submissionId, a.samples),
  updateSample: (_: unknown, a: { id: string; input: SampleFields; expectedVersion: number }, ctx: Ctx) => ctx.services.samples.update(a.id, a.input, a.expectedVersion),
  assignSample: (_: unknown, a: { id: string; assigneeId?: string | null }, ctx: Ctx) => ctx.services.samples.assign(a.id, a.assigneeId ?? null),
  setSamplePriority: (_: unknown, a: { id: string; priority: Priority }, ctx: Ctx) => ctx.services.samples.setPriority(a.id, a.priority),
  archiveSample: (_: unknown, a: { id: string; reason?: string | null }, ctx: Ctx) => ctx.services.samples.archive(a.id, a.reason ?? null),
  bulkUpdateSamples: (_: unknown, a: { ids: string[]; patch: BulkSamplePatch }, ctx: Ctx) => ctx.services.samples.bulkUpdate(a.ids, a.patch),
  createBillingAccount: (_: unknown, { input }: { input: BillingAccountInput }, ctx: Ctx) => ctx.services.billing.create(input),
  updateBillingAccount: (_: unknown, a: { id: string; input: BillingAccountInput }, ctx: Ctx) => ctx.services.billing.update(a.id, a.input),
  deactivateBillingAccount: (_: unknown, a: { id: string }, ctx: Ctx) => ctx.services.billing.deactivate(a.id),
  exportSamples: (_: unknown, a: ExportArgs, ctx: Ctx) => ctx.services.exports.start('SAMPLES', a.format, a.filter ?? null, a.fields ?? null),
  exportSubmissions: (_: unknown, a: ExportArgs, ctx: Ctx) => ctx.services.exports.start('SUBMISSIONS', a.format, a.filter ?? null, a.fields ?? null),
  exportProjects: (_: unknown, a: ExportArgs, ctx: Ctx) => ctx.services.exports.start('PROJECTS', a.format, a.filter ?? null, a.fields ?? null),
};
