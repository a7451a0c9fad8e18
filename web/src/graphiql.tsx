// The offline API explorer: GraphiQL bundled from npm (no CDN), with subscriptions over graphql-ws.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import 'graphiql/style.css';
import { session } from './session-store';

const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

// Signed in to the dashboard in this browser? Use that session; otherwise paste a header in the Headers tab.
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  wsClient: createClient({
    url: wsUrl,
    lazy: true,
    connectionParams: async () => {
      const token = await session.accessToken().catch(() => null);
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  }),
  fetch: async (input, init) => {
    const token = await session.accessToken().catch(() => null);
    const headers = new Headers(init?.headers);
    if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  },
});

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={'# The facility API. Ctrl+Enter runs a query.\n{\n  me { name role }\n}\n'} />,
);
