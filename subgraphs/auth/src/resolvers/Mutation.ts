import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  login: (_, a, ctx) => ctx.services.sessions.login(a.email, a.password),
  refreshSession: (_, a, ctx) => ctx.services.sessions.refresh(a.refreshToken),
  logout: (_, a, ctx) => ctx.services.sessions.logout(a.refreshToken),
  logoutEverywhere: (_, __, ctx) => ctx.services.sessions.logoutEverywhere(),
  changePassword: (_, a, ctx) => ctx.services.passwords.change(a.currentPassword, a.newPassword),
  requestPasswordReset: (_, a, ctx) => ctx.services.passwords.requestReset(a.userId),
  resetPassword: (_, a, ctx) => ctx.services.passwords.reset(a.token, a.newPassword),
  createUser: (_, a, ctx) => ctx.services.users.create(a.input),
  updateUser: (_, a, ctx) => ctx.services.users.update(a.id, a.input),
  deactivateUser: (_, a, ctx) => ctx.services.users.setActive(a.id, false),
  reactivateUser: (_, a, ctx) => ctx.services.users.setActive(a.id, true),
  createApiToken: (_, a, ctx) => ctx.services.apiTokens.create(a.input),
  revokeApiToken: (_, a, ctx) => ctx.services.apiTokens.revoke(a.id),
  signRecord: (_, a, ctx) => ctx.services.signatures.sign(a.input),
};
