import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import type { ClientInfo, Principal } from '../identity/principal.js';
import type { EventOrigin } from '../events/envelope.js';

/** What every subgraph request context carries before the subgraph adds its loaders and services. */
export interface BaseContext {
  principal: Principal;
  client: ClientInfo;
  requestId: string;
  correlationId: string;
  logger: Logger;
  /** A fresh identity map for this request only. */
  em: EntityManager;
}

/** The origin stamped on events a request emits. */
export function eventOrigin(ctx: Pick<BaseContext, 'principal' | 'client' | 'correlationId'>, source: string): EventOrigin {
  return { source, principal: ctx.principal, client: ctx.client, correlationId: ctx.correlationId };
}
