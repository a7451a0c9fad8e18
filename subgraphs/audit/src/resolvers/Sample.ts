import type { AuditContext } from '../context.js';

type Page = { first?: number | null; after?: string | null };

export const Sample = {
  history: (sample: { id: string }, args: Page, ctx: AuditContext) => ctx.loaders.sampleHistory.load({ id: sample.id, ...args }),
};
