import type { SamplesContext } from '../context.js';
import type { CreateProjectInput } from '../services/project.service.js';
import type { SampleInput } from '../services/sample.service.js';
import type { CreateSubmissionInput } from '../services/submission.service.js';

export const Mutation = {
  createProject: (_: unknown, { input }: { input: CreateProjectInput }, ctx: SamplesContext) => ctx.services.projects.create(input),
  createSubmission: (_: unknown, { input }: { input: CreateSubmissionInput }, ctx: SamplesContext) => ctx.services.submissions.create(input),
  addSamples: (_: unknown, args: { submissionId: string; samples: SampleInput[] }, ctx: SamplesContext) => ctx.services.samples.addSamples(args.submissionId, args.samples),
};
