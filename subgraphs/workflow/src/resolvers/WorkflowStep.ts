import { knownToExist, refId } from '@app/common';
import type { StepResultsResolvers, WorkflowStepResolvers } from '../__generated__/resolvers-types.js';
import type { StoredResults } from './models.js';
import { ResultKeys } from '../services/step-results.js';

const user = (id: string | null | undefined) => (id ? { id } : null);

export const WorkflowStep: WorkflowStepResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.stepById.load(ref.id),
  // The step was loaded through its workflow's lab check, so its workflow is visible too.
  workflow: (s, _, ctx) => knownToExist(ctx.loaders.workflowById.load(refId(s.workflow))),
  sample: (s) => ({ id: s.sampleId }),
  assignee: (s) => user(s.assigneeId),
  startedBy: (s) => user(s.startedById),
  completedBy: (s) => user(s.completedById),
  results: (s) => (s.results ? { __typename: ResultKeys[s.name].typename as StoredResults['__typename'], ...s.results } : null),
  qcChecks: (s) => s.qcChecks ?? [],
  signatures: (s, _, ctx) => ctx.loaders.signaturesByStepId.load(s.id),
};

/** Results carry their GraphQL type name, set from the step they belong to. */
export const StepResults: StepResultsResolvers = {
  __resolveType: (r) => r.__typename,
};
