import type { AuditContext } from '../context.js';

type Page = { first?: number | null; after?: string | null };

export const Submission = {
  history: (submission: { id: string }, args: Page, ctx: AuditContext) => ctx.loaders.submissionHistory.load({ id: submission.id, ...args }),
};
