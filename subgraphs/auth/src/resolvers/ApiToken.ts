import type { AuthContext } from '../context.js';
import type { ApiToken as ApiTokenEntity } from '../entities/index.js';

export const ApiToken = {
  owner: (token: ApiTokenEntity, _: unknown, ctx: AuthContext) => ctx.loaders.userById.load(token.userId),
  scopes: (token: ApiTokenEntity) => [...token.scopes],
};
