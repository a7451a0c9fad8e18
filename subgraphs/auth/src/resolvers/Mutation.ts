import type { AuthContext } from '../context.js';
import type { CreateApiTokenInput } from '../services/api-token.service.js';
import type { CreateUserInput, UpdateUserInput } from '../services/user.service.js';

type Ctx = AuthContext;
type ById = { id: string };

export const Mutation = {
  login: (_: unknown, a: { email: string; password: string }, ctx: Ctx) => ctx.services.sessions.login(a.email, a.password),
  refreshSession: (_: unknown, a: { refreshToken: string }, ctx: Ctx) => ctx.services.sessions.refresh(a.refreshToken),
  logout: (_: unknown, a: { refreshToken: string }, ctx: Ctx) => ctx.services.sessions.logout(a.refreshToken),
  logoutEverywhere: (_: unknown, __: unknown, ctx: Ctx) => ctx.services.sessions.logoutEverywhere(),
  changePassword: (_: unknown, a: { currentPassword: string; newPassword: string }, ctx: Ctx) => ctx.services.passwords.change(a.currentPassword, a.newPassword),
  requestPasswordReset: (_: unknown, a: { userId: string }, ctx: Ctx) => ctx.services.passwords.requestReset(a.userId),
  resetPassword: (_: unknown, a: { token: string; newPassword: string }, ctx: Ctx) => ctx.services.passwords.reset(a.token, a.newPassword),
  createUser: (_: unknown, a: { input: CreateUserInput }, ctx: Ctx) => ctx.services.users.create(a.input),
  updateUser: (_: unknown, a: ById & { input: UpdateUserInput }, ctx: Ctx) => ctx.services.users.update(a.id, a.input),
  deactivateUser: (_: unknown, a: ById, ctx: Ctx) => ctx.services.users.setActive(a.id, false),
  reactivateUser: (_: unknown, a: ById, ctx: Ctx) => ctx.services.users.setActive(a.id, true),
  createApiToken: (_: unknown, a: { input: CreateApiTokenInput }, ctx: Ctx) => ctx.services.apiTokens.create(a.input),
  revokeApiToken: (_: unknown, a: ById, ctx: Ctx) => ctx.services.apiTokens.revoke(a.id),
};
