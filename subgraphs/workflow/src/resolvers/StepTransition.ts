import { knownToExist } from '@app/common';
import type { StepTransitionResolvers } from '../__generated__/resolvers-types.js';

export const StepTransition: StepTransitionResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.transitionById.load(ref.id),
  // The transition was loaded through its step's lab check, so its step is visible too.
  step: (t, _, ctx) => knownToExist(ctx.loaders.stepById.load(t.step.id)),
  from: (t) => t.fromStatus,
  to: (t) => t.toStatus,
  actor: (t) => (t.actorId ? { id: t.actorId } : null),
  signature: (t, _, ctx) => ctx.loaders.signatureByTransitionId.load(t.id),
};
