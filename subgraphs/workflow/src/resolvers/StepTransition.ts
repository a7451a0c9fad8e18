import type { WorkflowContext } from '../context.js';
import type { StepTransition as TransitionEntity } from '../entities/index.js';

export const StepTransition = {
  __resolveReference: (ref: { id: string }, ctx: WorkflowContext) => ctx.loaders.transitionById.load(ref.id),
  step: (t: TransitionEntity, _: unknown, ctx: WorkflowContext) => ctx.loaders.stepById.load(t.step.id),
  from: (t: TransitionEntity) => t.fromStatus,
  to: (t: TransitionEntity) => t.toStatus,
  actor: (t: TransitionEntity) => (t.actorId ? { __typename: 'User', id: t.actorId } : null),
};
