import type { LegalHoldResolvers } from '../__generated__/resolvers-types.js';

export const LegalHold: LegalHoldResolvers = {
  from: (hold) => hold.fromTime,
  to: (hold) => hold.toTime,
};
