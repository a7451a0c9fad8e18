import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  closeHttpServer, createHttpApp, createMetrics, jsonBody, metricsPlugin, requestIds, type ReadinessCheck,
} from '../src/index.js';

let server: Server;
let apollo: ApolloServer;
let base: string;
const metrics = createMetrics('http-test');
const state = { dbUp: true };
const readiness: ReadinessCheck[] = [
  { name: 'database', check: async () => { if (!state.dbUp) throw new Error('connection refused'); } },
  { name: 'event-bus', check: async () => {} },
];

beforeAll(async () => {
  const app = createHttpApp({ metrics, readiness });
  apollo = new ApolloServer({
    typeDefs: 'type Query { hello: String, fail: String }',
    resolvers: { Query: { hello: () => 'world', fail: () => { throw new Error('nope'); } } },
    plugins: [metricsPlugin(metrics)],
  });
  await apollo.start();
  app.use('/graphql', jsonBody(), expressMiddleware(apollo));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await apollo.stop();
  await closeHttpServer(server);
});

/** The value of the one sample of `name` whose labels include `labels`, or null. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const matches = text.split('\n').filter((line) => line.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)));
  if (matches.length > 1) throw new Error(`several samples of ${name} match ${JSON.stringify(labels)}`);
  return matches.length ? Number(matches[0]!.split(' ').pop()) : null;
}

const gql = (query: string, operationName?: string) => fetch(`${base}/graphql`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, operationName }),
});

describe('operational endpoints', () => {
  it('/healthz answers 200', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('/readyz answers 200 when every check passes', async () => {
    state.dbUp = true;
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: [{ name: 'database', ok: true }, { name: 'event-bus', ok: true }] });
  });

  it('/readyz answers 503 naming the failing check', async () => {
    state.dbUp = false;
    try {
      const res = await fetch(`${base}/readyz`);
      expect(res.status).toBe(503);
      const body = await res.json() as { status: string; checks: { name: string; ok: boolean; error?: string }[] };
      expect(body.status).toBe('not ready');
      expect(body.checks).toEqual([{ name: 'database', ok: false, error: 'connection refused' }, { name: 'event-bus', ok: true }]);
    } finally {
      state.dbUp = true;
    }
  });

  it('/readyz fails a check that never answers instead of hanging', async () => {
    const app = createHttpApp({ metrics: createMetrics('hang'), readiness: [
      { name: 'stuck-bus', check: () => new Promise<void>(() => {}) },
      { name: 'sync-throw', check: () => { throw new Error('sync failure'); } },
    ] });
    const hanging = createServer(app);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(hanging.address() as AddressInfo).port}/readyz`);
      expect(res.status).toBe(503);
      const body = await res.json() as { checks: { name: string; ok: boolean; error?: string }[] };
      expect(body.checks[0]).toMatchObject({ name: 'stuck-bus', ok: false, error: expect.stringContaining('timed out') });
      expect(body.checks[1]).toMatchObject({ name: 'sync-throw', ok: false, error: 'sync failure' });
    } finally {
      await closeHttpServer(hanging);
    }
  });

  it('/metrics serves Prometheus text with GraphQL operation timings', async () => {
    const ok = await gql('query Hello { hello }');
    expect(await ok.json()).toEqual({ data: { hello: 'world' } });
    await (await gql('query Broken { fail }')).json();
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('# TYPE graphql_operation_duration_seconds histogram');
    expect(sample(text, 'graphql_operation_duration_seconds_count', { operation: 'Hello', type: 'query', outcome: 'ok', service: 'http-test' })).toBe(1);
    expect(sample(text, 'graphql_operation_duration_seconds_count', { operation: 'Broken', type: 'query', outcome: 'error' })).toBe(1);
    expect(sample(text, 'graphql_operation_errors_total', { operation: 'Broken', code: 'INTERNAL_SERVER_ERROR' })).toBe(1);
    expect(sample(text, 'graphql_operation_errors_total', { operation: 'Hello' })).toBeNull();
    expect(text).toContain('process_cpu_user_seconds_total');
    // Memory beside the default heap figures: the ArrayBuffers part of external memory (bench/memory.ts reads it).
    expect(sample(text, 'nodejs_array_buffers_bytes', { service: 'http-test' })).toBeGreaterThan(0);
  });

  it('labels unnamed and invalid operations without unbounded names', async () => {
    await (await gql('{ hello }')).json();
    await (await gql('{ nosuchfield }')).json();
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(sample(text, 'graphql_operation_duration_seconds_count', { operation: 'anonymous', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'graphql_operation_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  });

  it('keeps metric registries separate per service', async () => {
    const a = createMetrics('svc-a');
    const b = createMetrics('svc-b');
    a.operationDuration.observe({ operation: 'Only', type: 'query', outcome: 'ok' }, 0.01);
    expect(await a.registry.metrics()).toContain('operation="Only"');
    expect(await b.registry.metrics()).not.toContain('operation="Only"');
  });
});

describe('requestIds', () => {
  it('keeps valid incoming ids', () => {
    expect(requestIds({ headers: { 'x-request-id': 'abc-123', 'x-correlation-id': 'corr.7:x_y' } })).toEqual({ requestId: 'abc-123', correlationId: 'corr.7:x_y' });
  });

  it('uses the request id as correlation id when none came in', () => {
    expect(requestIds({ headers: { 'x-request-id': 'abc-123' } })).toEqual({ requestId: 'abc-123', correlationId: 'abc-123' });
  });

  it('generates ids when none came in', () => {
    const ids = requestIds({ headers: {} });
    expect(ids.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids.correlationId).toBe(ids.requestId);
    expect(requestIds({ headers: {} }).requestId).not.toBe(ids.requestId);
  });

  it.each([
    ['with spaces and newlines', 'abc\ninjected: 1'],
    ['too long', 'a'.repeat(129)],
    ['with markup', '<script>'],
    ['empty', ''],
  ])('rejects junk ids (%s)', (_what, junk) => {
    const ids = requestIds({ headers: { 'x-request-id': junk, 'x-correlation-id': junk } });
    expect(ids.requestId).not.toBe(junk);
    expect(ids.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids.correlationId).toBe(ids.requestId);
  });

  it('rejects a repeated header (array value) but keeps a valid correlation id', () => {
    const ids = requestIds({ headers: { 'x-request-id': ['a', 'b'] as unknown as string, 'x-correlation-id': 'c-1' } });
    expect(ids.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids.correlationId).toBe('c-1');
  });
});
