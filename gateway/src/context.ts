import type { Request } from 'express';
import { requestIds, requestLogger, type ClientInfo, type Logger, type Principal } from '@app/common';
import { resolvePrincipal, type CredentialVerifiers } from './auth/principal.js';

/** What every gateway operation carries; the subgraph data source turns it into headers. */
export interface GatewayContext {
  principal: Principal;
  client: ClientInfo;
  requestId: string;
  correlationId: string;
  logger: Logger;
}

/** Network facts for the audit trail; `req.ip` honours the proxies trusted in createHttpApp. */
export function clientInfo(req: Request): ClientInfo {
  const userAgent = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null };
}

/** Builds the per-request context; throws InvalidCredentialsError (HTTP 401) for a bad token. */
export function createContextFactory(verifiers: CredentialVerifiers, logger: Logger) {
  return async ({ req }: { req: Request }): Promise<GatewayContext> => {
    const ids = requestIds(req);
    const principal = await resolvePrincipal(req.headers.authorization, verifiers);
    return { principal, client: clientInfo(req), ...ids, logger: requestLogger(logger, ids) };
  };
}
