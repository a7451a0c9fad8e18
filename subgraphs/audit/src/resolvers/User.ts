import type { AuditContext } from '../context.js';

type Page = { first?: number | null; after?: string | null };

export const User = {
  activity: (user: { id: string }, args: Page, ctx: AuditContext) => ctx.loaders.userActivity.load({ id: user.id, ...args }),
};
