import { requireRead } from '@app/common';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  file: (_, { id }, ctx) => {
    requireRead(ctx.principal, 'files:read');
    return ctx.loaders.fileById.load(id);
  },
};
