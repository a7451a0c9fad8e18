import { knownToExist } from '@app/common';
import type { StepSignatureResolvers } from '../__generated__/resolvers-types.js';

export const StepSignature: StepSignatureResolvers = {
  signer: (s) => ({ id: s.signerId }),
  // The signature was loaded through its step, which passed the lab check, so its transition is visible too.
  transition: (s, _, ctx) => knownToExist(ctx.loaders.transitionById.load(s.transition.id)),
};
