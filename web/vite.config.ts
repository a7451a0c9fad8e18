import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { inlineGraphQLDocuments } from './scripts/inline-documents';

// Two pages: the dashboard (index.html) and the offline GraphQL explorer (graphiql.html).
// The gateway serves dist/ itself, so `vite dev` proxies the API to a running `npm start`.
const api = process.env.VITE_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  // graphql(`...`) calls become imports of their generated documents (scripts/inline-documents.ts).
  plugins: [inlineGraphQLDocuments(resolve(import.meta.dirname, 'src')), react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { main: resolve(import.meta.dirname, 'index.html'), graphiql: resolve(import.meta.dirname, 'graphiql.html') } },
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/exports/': api,
      '/files/': api,
    },
  },
});
