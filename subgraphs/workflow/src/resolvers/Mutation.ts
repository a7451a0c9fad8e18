import type { WorkflowContext } from '../context.js';
import type { AssignInput, CompleteInput, ReasonInput, ResultsInput, StartInput } from '../services/step.service.js';

type Ctx = WorkflowContext;

export const Mutation = {
  startStep: (_: unknown, args: StartInput, ctx: Ctx) => ctx.services.steps.start(args),
  recordStepResults: (_: unknown, args: ResultsInput, ctx: Ctx) => ctx.services.steps.recordResults(args),
  completeStep: (_: unknown, args: CompleteInput, ctx: Ctx) => ctx.services.steps.complete(args),
  failStep: (_: unknown, args: ReasonInput, ctx: Ctx) => ctx.services.steps.fail(args),
  skipStep: (_: unknown, args: ReasonInput, ctx: Ctx) => ctx.services.steps.skip(args),
  reopenStep: (_: unknown, args: ReasonInput, ctx: Ctx) => ctx.services.steps.reopen(args),
  overrideStep: (_: unknown, args: ReasonInput, ctx: Ctx) => ctx.services.steps.override(args),
  assignStep: (_: unknown, args: AssignInput, ctx: Ctx) => ctx.services.steps.assign(args),
  startSteps: (_: unknown, { inputs }: { inputs: StartInput[] }, ctx: Ctx) => ctx.services.bulk.startSteps(inputs),
  completeSteps: (_: unknown, { inputs }: { inputs: CompleteInput[] }, ctx: Ctx) => ctx.services.bulk.completeSteps(inputs),
};
