import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from '@app/common';

/** Paths the API owns; everything else a browser asks for as a page is the dashboard's. */
const API_PATHS = /^\/(graphql|sandbox|exports|files|healthz|readyz|metrics|\.well-known)(\/|$)/;

/** Same-origin only; styles inline because GraphiQL and the chart set style attributes. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self' ws: wss:", "worker-src 'self' blob:", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'",
].join('; ');

const wantsPage: (req: Parameters<RequestHandler>[0]) => boolean = (req) =>
  (req.method === 'GET' || req.method === 'HEAD') && !API_PATHS.test(req.path) && !!req.accepts('html') && req.query.query === undefined;

/**
 * Serves the built dashboard (web/dist): hashed assets cached for a year, index.html for every page
 * route (the router runs in the browser), and the offline GraphiQL at /graphiql. Returns false, and
 * serves nothing, when the dashboard has not been built.
 */
export function mountWebApp(app: Express, dir: string, logger: Logger): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ dir }, 'web dashboard not built (run `npm run build`); serving the API only');
    return false;
  }
  const page = (file: string): RequestHandler => (_req, res) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dir, file));
  };
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  app.get(['/graphiql', '/graphiql/'], page('graphiql.html'));
  app.use((req, res, next) => (wantsPage(req) && !req.path.includes('.') ? page('index.html')(req, res, next) : next()));
  return true;
}
