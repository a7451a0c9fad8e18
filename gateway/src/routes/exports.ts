import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Express, Request } from 'express';
import { hasDotSegment, sendError } from './errors.js';
import {
  CORRELATION_ID_HEADER, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, requestIds, type InternalTokenIssuer, type Logger,
} from '@app/common';
import { InvalidCredentialsError } from '../auth/errors.js';
import { resolvePrincipal, type CredentialVerifiers } from '../auth/principal.js';
import { clientInfo } from '../context.js';

/** Response headers worth passing through; hop-by-hop and upstream-internal ones are dropped. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'content-length', 'cache-control', 'last-modified', 'etag'];

export interface ExportsProxyOptions {
  samplesServiceUrl: string | undefined;
  verifiers: CredentialVerifiers;
  issuer: InternalTokenIssuer;
  logger: Logger;
}

/** A GET route of one subgraph's service, called as the caller. */
export interface CallerProxyOptions {
  /** The express path pattern, e.g. `/exports/*path`. */
  route: string;
  /** The subgraph (the internal token's audience). */
  service: string;
  serviceUrl: string | undefined;
  /** What is fetched, for error messages ("export", "sample sheet"). */
  what: string;
  verifiers: CredentialVerifiers;
  issuer: InternalTokenIssuer;
  logger: Logger;
}

/** Calls the service as the caller, who is identified exactly as for GraphQL; the service authorizes. */
async function forward(req: Request, options: CallerProxyOptions & { serviceUrl: string }): Promise<globalThis.Response> {
  const principal = await resolvePrincipal(req.headers.authorization, options.verifiers);
  const ids = requestIds(req);
  const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
  return fetch(`${options.serviceUrl}${req.path}${query}`, {
    headers: {
      [INTERNAL_TOKEN_HEADER]: await options.issuer.issue(options.service, principal, clientInfo(req)),
      [REQUEST_ID_HEADER]: ids.requestId,
      [CORRELATION_ID_HEADER]: ids.correlationId,
      ...(req.headers.accept ? { accept: req.headers.accept } : {}),
    },
  });
}

/** Streams `GET /exports/*` from the samples service so large exports never sit in gateway memory. */
export function mountExportsProxy(app: Express, options: ExportsProxyOptions): void {
  mountCallerProxy(app, { ...options, route: '/exports/*path', service: 'samples', serviceUrl: options.samplesServiceUrl, what: 'export' });
}

/**
 * Streams a GET route of a subgraph's service to the client, calling it with the caller's identity
 * (an internal token for that subgraph), so the service applies its own authorization.
 */
export function mountCallerProxy(app: Express, options: CallerProxyOptions): void {
  app.get(options.route, async (req, res) => {
    const { serviceUrl } = options;
    if (!serviceUrl) return sendError(res, 503, 'SERVICE_UNAVAILABLE', `The ${options.service} service is not configured`);
    if (hasDotSegment(req.path)) return sendError(res, 400, 'BAD_REQUEST', `Invalid ${options.what} path`);
    let upstream: globalThis.Response;
    try {
      upstream = await forward(req, { ...options, serviceUrl });
    } catch (err) {
      if (err instanceof InvalidCredentialsError) return sendError(res, 401, 'UNAUTHENTICATED', err.message);
      options.logger.error({ err }, `${options.what} proxy failed`);
      return sendError(res, 502, 'BAD_GATEWAY', `The ${options.what} could not be fetched`);
    }
    res.status(upstream.status);
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    if (!upstream.body) return void res.end();
    const body = Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>);
    body.on('error', (err) => { options.logger.warn({ err }, `${options.what} stream broke`); res.destroy(err); });
    // A client that goes away stops the upstream read too.
    res.on('close', () => body.destroy());
    body.pipe(res);
  });
}
