/**
 * What resolvers receive as parent for GraphQL types that are not entities (codegen mappers,
 * see codegen.json): connections and payloads as services build them.
 */
import type { Connection } from '@app/common';
import type { ApiToken, User } from '../entities/index.js';

export type UserConnection = Connection<User>;
export type ApiTokenConnection = Connection<ApiToken>;
export interface ApiTokenCreated { token: string; apiToken: ApiToken }
export interface PasswordResetTicket { token: string; expiresAt: Date; user: User }
export type { AuthPayload } from '../services/session.service.js';
