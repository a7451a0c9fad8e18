import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Express, Request, Response } from 'express';
import {
  CORRELATION_ID_HEADER, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, delegateTokenHeader, delegateUrlHeader, requestIds,
  type InternalTokenIssuer, type Logger,
} from '@app/common';
import { InvalidCredentialsError } from '../auth/errors.js';
import { resolvePrincipal, type CredentialVerifiers } from '../auth/principal.js';
import { clientInfo } from '../context.js';
import { hasDotSegment, sendError } from './errors.js';
import { DELEGATED_TOKEN_SECONDS } from '../subgraph-data-source.js';

const PASSED_HEADERS = ['content-type', 'content-disposition', 'content-length', 'cache-control'];

export interface IntakeProxyOptions {
  submissionServiceUrl: string | undefined;
  /** GraphQL URL of samples, which intake writes to as the caller. */
  samplesGraphqlUrl: string | undefined;
  verifiers: CredentialVerifiers;
  issuer: InternalTokenIssuer;
  logger: Logger;
}

/**
 * `GET /intake/templates/*` and `POST /intake/uploads` to the submission service as the caller,
 * with the same delegated samples token GraphQL calls carry; upload bodies are streamed, never buffered here.
 */
export function mountIntakeProxy(app: Express, options: IntakeProxyOptions): void {
  const forward = async (req: Request, res: Response) => {
    const base = options.submissionServiceUrl;
    if (!base) return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The submission service is not configured');
    if (hasDotSegment(req.path)) return sendError(res, 400, 'BAD_REQUEST', 'Invalid intake path');
    let upstream: globalThis.Response;
    try {
      const principal = await resolvePrincipal(req.headers.authorization, options.verifiers);
      if (principal.kind === 'anonymous') return sendError(res, 401, 'UNAUTHENTICATED', 'Sign in to use intake');
      const client = clientInfo(req);
      const ids = requestIds(req);
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const headers: Record<string, string> = {
        [INTERNAL_TOKEN_HEADER]: await options.issuer.issue('submission', principal, client),
        [REQUEST_ID_HEADER]: ids.requestId, [CORRELATION_ID_HEADER]: ids.correlationId,
        ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}),
      };
      if (options.samplesGraphqlUrl) {
        headers[delegateTokenHeader('samples')] = await options.issuer.issue('samples', { ...principal, via: 'IMPORT' }, client, DELEGATED_TOKEN_SECONDS);
        headers[delegateUrlHeader('samples')] = options.samplesGraphqlUrl;
      }
      const post = req.method === 'POST';
      upstream = await fetch(`${base}${req.path}${query}`, {
        method: req.method, headers, ...(post ? { body: Readable.toWeb(req), duplex: 'half' } : {}),
      } as RequestInit);
    } catch (err) {
      if (err instanceof InvalidCredentialsError) return sendError(res, 401, 'UNAUTHENTICATED', err.message);
      options.logger.error({ err }, 'intake proxy failed');
      return sendError(res, 502, 'BAD_GATEWAY', 'The submission service could not be reached');
    }
    res.status(upstream.status);
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    if (!upstream.body) return void res.end();
    Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>).pipe(res);
  };
  app.get('/intake/templates/*path', forward);
  app.post('/intake/uploads', forward);
}
