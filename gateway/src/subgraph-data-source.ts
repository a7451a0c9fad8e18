// First: @apollo/gateway's dependencies for paths we do not use load on use (see the module).
import './apollo-deferred-modules.js';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import {
  ANONYMOUS, CORRELATION_ID_HEADER, ErrorCode, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, delegateTokenHeader, delegateUrlHeader,
  type ClientInfo, type InternalTokenIssuer,
} from '@app/common';
import type { GatewayContext } from './context.js';

const NO_CLIENT: ClientInfo = Object.freeze({ ip: null, userAgent: null });

/**
 * Subgraphs that write through another subgraph's API as the caller (design.md §2: cross-subgraph
 * writes use the caller's identity). Intake commits samples through samples' own mutations, and reads
 * a stored sheet through files' own query and signed download.
 */
export const DELEGATIONS: Record<string, string[]> = { submission: ['samples', 'files'] };
/** Long enough for a background intake commit of a large sheet; a commit outliving it stops and resumes on retry. */
export const DELEGATED_TOKEN_SECONDS = 15 * 60;

/** Where a delegated call goes: the other subgraph's name and GraphQL URL. */
export interface Delegate {
  name: string;
  url: string;
}

/** The first error of a GraphQL error body with a client code, if `body` is one. */
function firstGraphQLError(body: unknown): { message: string; extensions: Record<string, unknown> } | undefined {
  const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined)?.errors?.[0];
  if (typeof first?.message !== 'string' || first.extensions?.code !== ErrorCode.BAD_USER_INPUT) return undefined;
  return { message: first.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
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

  /**
   * A subgraph that cannot be reached, times out, or answers 5xx or non-JSON becomes one client-safe
   * error naming the service (the rest of the answer still arrives); 401/403 keep their meaning.
   * Without this the client saw a bare INTERNAL_SERVER_ERROR and could not tell what was down.
   */
  override didEncounterError(error: Error): never {
    const response = error instanceof GraphQLError ? (error.extensions?.response as { status?: number; body?: unknown } | undefined) : undefined;
    const status = response?.status;
    // A 400 carrying GraphQL errors (a variable the subgraph's scalar refused): the client's error, passed on as the subgraph said it.
    const refusal = status === 400 ? firstGraphQLError(response?.body) : undefined;
    if (refusal) throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, serviceName: this.subgraphName } });
    if (error instanceof GraphQLError && (status === undefined || status < 500)) throw error;
    throw new GraphQLError(`The ${this.subgraphName} service is unavailable; try again shortly`, {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName: this.subgraphName, retryable: true },
      originalError: error,
    });
  }
}
