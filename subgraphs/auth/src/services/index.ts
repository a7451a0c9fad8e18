import type { BaseContext } from '@app/common';
import type { AuthDeps } from '../deps.js';
import type { AuthLoaders } from '../loaders/index.js';
import { ApiTokenService } from './api-token.service.js';
import { PasswordService } from './password.service.js';
import { SessionService } from './session.service.js';
import { SignatureService } from './signature.service.js';
import { UserService } from './user.service.js';

/** The rules of the auth domain, bound to one request's caller and entity manager. */
export function createServices(deps: AuthDeps, ctx: BaseContext, loaders: AuthLoaders) {
  const sessions = new SessionService(deps, ctx);
  return {
    sessions,
    passwords: new PasswordService(deps, ctx, sessions),
    users: new UserService(deps, ctx, loaders, sessions),
    apiTokens: new ApiTokenService(deps, ctx),
    signatures: new SignatureService(deps, ctx, sessions),
  };
}
export type AuthServices = ReturnType<typeof createServices>;
