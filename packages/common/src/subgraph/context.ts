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
  /** Other subgraphs this request may call as the caller, by name (see delegateTokenHeader); absent for most subgraphs. */
  delegates?: Record<string, Delegate>;
}

/** A token the gateway minted for another subgraph with the caller's identity, and that subgraph's GraphQL URL. */
export interface Delegate {
  token: string;
  url: string;
}

/** Reads the `x-delegate-<name>-token` / `-url` header pairs the gateway sends to delegating subgraphs. */
export function readDelegates(headers: Record<string, string | string[] | undefined>): Record<string, Delegate> {
  const out: Record<string, Delegate> = {};
  for (const [name, value] of Object.entries(headers)) {
    const match = /^x-delegate-([a-z0-9_-]+)-token$/.exec(name);
    const url = match ? headers[`x-delegate-${match[1]}-url`] : undefined;
    if (match && typeof value === 'string' && typeof url === 'string') out[match[1]!] = { token: value, url };
  }
  return out;
}

/** The origin stamped on events a request emits. */
export function eventOrigin(ctx: Pick<BaseContext, 'principal' | 'client' | 'correlationId'>, source: string): EventOrigin {
  return { source, principal: ctx.principal, client: ctx.client, correlationId: ctx.correlationId };
}
