import type { BillingAccountResolvers } from '../__generated__/resolvers-types.js';

export const BillingAccount: BillingAccountResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.billingAccountById.load(ref.id),
};
