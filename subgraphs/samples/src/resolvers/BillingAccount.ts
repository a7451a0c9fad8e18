import type { SamplesContext } from '../context.js';

export const BillingAccount = {
  __resolveReference: (ref: { id: string }, ctx: SamplesContext) => ctx.loaders.billingAccountById.load(ref.id),
};
