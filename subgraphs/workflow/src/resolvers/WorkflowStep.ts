import type { WorkflowContext } from '../context.js';
import type { WorkflowStep as StepEntity } from '../entities/index.js';
import { ResultKeys } from '../services/step-results.js';

const user = (id: string | null | undefined) => (id ? { __typename: 'User', id } : null);

export const WorkflowStep = {
  __resolveReference: (ref: { id: string }, ctx: WorkflowContext) => ctx.loaders.stepById.load(ref.id),
  workflow: (s: StepEntity, _: unknown, ctx: WorkflowContext) => ctx.loaders.workflowById.load(s.workflow.id),
  sample: (s: StepEntity) => ({ __typename: 'Sample', id: s.sampleId }),
  assignee: (s: StepEntity) => user(s.assigneeId),
  startedBy: (s: StepEntity) => user(s.startedById),
  completedBy: (s: StepEntity) => user(s.completedById),
  results: (s: StepEntity) => (s.results ? { __typename: ResultKeys[s.name].typename, ...s.results } : null),
  qcChecks: (s: StepEntity) => s.qcChecks ?? [],
};

/** Results carry their GraphQL type name, set from the step they belong to. */
export const StepResults = {
  __resolveType: (r: { __typename: string }) => r.__typename,
};
