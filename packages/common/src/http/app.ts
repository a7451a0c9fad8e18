import express, { type Express, type Request, type RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import type { ServiceMetrics } from '../metrics.js';
import { withTimeout } from '../timeout.js';

/** One dependency /readyz checks (database, bus, ...); throws when not ready. */
export type ReadinessCheck = { name: string; check: () => Promise<void> };

export interface HttpAppOptions {
  metrics: ServiceMetrics;
  readiness: ReadinessCheck[];
  /** Largest JSON body accepted. */
  bodyLimit?: string;
}

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';
const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id (new per hop) and correlation id (kept across hops) for a request. */
export function requestIds(req: Pick<Request, 'headers'>): { requestId: string; correlationId: string } {
  const incoming = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' && ID_PATTERN.test(v) ? v : null;
  };
  const requestId = incoming(REQUEST_ID_HEADER) ?? randomUUID();
  return { requestId, correlationId: incoming(CORRELATION_ID_HEADER) ?? requestId };
}

/** Express app with the operational endpoints every service exposes. */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POST responses nobody revalidates: hashing every body for an ETag was
  // pure cost on each hop (gateway and subgraphs).
  app.set('etag', false);
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(options.readiness.map(async ({ name, check }) => {
      try {
        await withTimeout(check(), 2_000);
        return { name, ok: true as const };
      } catch (err) {
        return { name, ok: false as const, error: (err as Error).message };
      }
    }));
    const ready = results.every((r) => r.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: results });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
  return app;
}

export function jsonBody(limit = '1mb'): RequestHandler {
  return express.json({ limit });
}
