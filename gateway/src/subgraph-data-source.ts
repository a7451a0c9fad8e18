import fetchHappen from 'make-fetch-happen';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  ANONYMOUS, CORRELATION_ID_HEADER, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, delegateTokenHeader, delegateUrlHeader,
  type ClientInfo, type InternalTokenIssuer,
} from '@app/common';
import type { GatewayContext } from './context.js';

const NO_CLIENT: ClientInfo = Object.freeze({ ip: null, userAgent: null });

/**
 * Subgraphs that write through another subgraph's API as the caller (design.md §2: cross-subgraph
 * writes use the caller's identity). Intake commits samples through samples' own mutations.
 */
export const DELEGATIONS: Record<string, string[]> = { submission: ['samples'] };
/** Long enough for a background intake commit of a large sheet; a commit outliving it stops and resumes on retry. */
export const DELEGATED_TOKEN_SECONDS = 15 * 60;

/** Where a delegated call goes: the other subgraph's name and GraphQL URL. */
export interface Delegate {
  name: string;
  url: string;
}

export interface SubgraphFetchOptions {
  maxSockets: number;
  timeoutMs: number;
}

/**
 * One keep-alive pool for all subgraph fetches. Apollo's default has no socket cap, which lets a
 * burst open thousands of sockets and flood the event loop (Apollo TN0009); retries stay off
 * because a retried mutation could apply twice.
 */
export function createSubgraphFetcher(options: SubgraphFetchOptions): RemoteGraphQLDataSource['fetcher'] {
  return fetchHappen.defaults({ maxSockets: options.maxSockets, retry: false, timeout: options.timeoutMs });
}

/** Sends each subgraph fetch with a token, minted for that subgraph, that says who is calling. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<Partial<GatewayContext>> {
  constructor(
    readonly subgraphName: string,
    url: string,
    private readonly issuer: InternalTokenIssuer,
    fetcher: RemoteGraphQLDataSource['fetcher'],
    private readonly delegates: Delegate[] = [],
  ) {
    super({ url, fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Partial<GatewayContext>>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    // Schema loading and health checks run with an empty context: they go out as anonymous.
    const token = await this.issuer.issue(this.subgraphName, context?.principal ?? ANONYMOUS, context?.client ?? NO_CLIENT);
    headers.set(INTERNAL_TOKEN_HEADER, token);
    if (context?.principal) {
      for (const delegate of this.delegates) {
        const principal = { ...context.principal, via: 'IMPORT' as const };
        headers.set(delegateTokenHeader(delegate.name), await this.issuer.issue(delegate.name, principal, context.client ?? NO_CLIENT, DELEGATED_TOKEN_SECONDS));
        headers.set(delegateUrlHeader(delegate.name), delegate.url);
      }
    }
    if (context?.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context?.correlationId) headers.set(CORRELATION_ID_HEADER, context.correlationId);
  }
}
