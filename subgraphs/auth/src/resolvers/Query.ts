import { ApiScopes, requireAuthenticated } from '@app/common';
import type { AuthContext } from '../context.js';
import type { UserFilter } from '../services/user.service.js';

type Page = { first?: number | null; after?: string | null };

export const Query = {
  me: (_: unknown, __: unknown, ctx: AuthContext) => (ctx.principal.userId ? ctx.loaders.userById.load(ctx.principal.userId) : null),
  user: (_: unknown, { id }: { id: string }, ctx: AuthContext) => {
    requireAuthenticated(ctx.principal);
    return ctx.loaders.userById.load(id);
  },
  users: (_: unknown, args: Page & { filter?: UserFilter | null }, ctx: AuthContext) => ctx.services.users.list(args.filter ?? {}, args.first, args.after),
  apiTokens: (_: unknown, args: Page & { allUsers?: boolean | null }, ctx: AuthContext) => ctx.services.apiTokens.list(!!args.allUsers, args.first, args.after),
  apiScopes: () => [...ApiScopes],
};
