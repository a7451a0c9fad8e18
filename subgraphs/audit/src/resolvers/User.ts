import type { UserResolvers } from '../__generated__/resolvers-types.js';

export const User: UserResolvers = {
  activity: (user, args, ctx) => ctx.loaders.userActivity.load({ id: user.id, ...args }),
};
