import { knownToExist } from '@app/common';
import type { ApiTokenResolvers } from '../__generated__/resolvers-types.js';

export const ApiToken: ApiTokenResolvers = {
  /** Tokens are listed to their owner or to an admin, both signed in, so the owner loads. */
  owner: (token, _, ctx) => knownToExist(ctx.loaders.userRowById.load(token.userId)),
  scopes: (token) => [...token.scopes],
};
