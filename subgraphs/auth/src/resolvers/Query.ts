import { ApiScopes, requireAuthenticated } from '@app/common';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  me: (_, __, ctx) => (ctx.principal.userId ? ctx.loaders.userById.load(ctx.principal.userId) : null),
  user: (_, { id }, ctx) => {
    requireAuthenticated(ctx.principal);
    return ctx.loaders.userById.load(id);
  },
  users: (_, args, ctx) => ctx.services.users.list(args.filter ?? {}, args.first, args.after),
  apiTokens: (_, args, ctx) => ctx.services.apiTokens.list(!!args.allUsers, args.first, args.after),
  apiScopes: () => [...ApiScopes],
};
