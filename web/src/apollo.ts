// One Apollo Client for the app: HTTP (with multipart uploads) for queries and mutations, graphql-ws
// for subscriptions, the caller's access token on both, and one silent refresh-and-retry on expiry.
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import UploadHttpLink from 'apollo-upload-client/UploadHttpLink.mjs';
import { createClient, type Client } from 'graphql-ws';
import { from, switchMap } from 'rxjs';
import { GRAPHQL_PATH, session } from './session-store';

function isUnauthenticated(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

export const RECONNECTED_EVENT = 'nanopore:live-reconnected';

export interface ApiClient { apollo: ApolloClient; ws: Client }

export function createApiClient(): ApiClient {
  const ws = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`,
    connectionParams: async () => {
      const token = await session.accessToken().catch(() => null);
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    lazy: true,
    // The gateway closes a socket when its token expires or for rebalancing; reconnecting is normal.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** retries))),
  });
  // After a reconnect, events sent while the socket was down are gone: pages listening refetch.
  let connections = 0;
  ws.on('connected', () => { if (connections++ > 0) window.dispatchEvent(new Event(RECONNECTED_EVENT)); });
  const auth = new SetContextLink(async (prevContext) => {
    const token = await session.accessToken().catch(() => null);
    return { headers: { ...prevContext.headers, 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  const retryOnExpiry = new ErrorLink(({ error, operation, forward }) => {
    if (!isUnauthenticated(error) || !session.tokens || operation.getContext().retried) return;
    operation.setContext({ retried: true });
    return from(session.refreshNow()).pipe(switchMap(() => forward(operation)));
  });
  const http = new UploadHttpLink({ uri: GRAPHQL_PATH });
  const link = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === 'OperationDefinition' && def.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    ApolloLink.from([retryOnExpiry, auth, http]),
  );
  const apollo = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // Work-queue rows have no id of their own; they are read whole each time.
        WorkQueueItem: { keyFields: false },
        Query: { fields: { workQueue: { keyArgs: ['step', 'first', 'after'] } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return { apollo, ws };
}
