import type { RequestHandler } from 'express';
import { processRequest, type IncomingReq } from 'graphql-upload-ts';
import { resolvePrincipal, type CredentialVerifiers } from '../auth/principal.js';
import { sendError } from '../routes/errors.js';

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxRequestBytes: number;
}

const MAX_FIELD_BYTES = 1024 * 1024;

/** Apollo's CSRF rule: a multipart POST is a "simple" request unless it carries one of these. */
const hasPreflightHeader = (headers: Record<string, unknown>) =>
  Boolean(headers['apollo-require-preflight']) || Boolean(headers['x-apollo-operation-name']);

/**
 * GraphQL multipart requests, checked before a byte of a file is read: the preflight header
 * (CSRF), a Content-Length within the request limit, and a signed-in caller. Only then does
 * graphql-upload-ts parse the parts, spooling files to disk as they stream in, with per-file
 * size and count limits; the operation goes on to Apollo as soon as `operations` and `map` are in.
 */
export function multipartUploads(limits: UploadLimits, verifiers: CredentialVerifiers): RequestHandler {
  const parseLimits = { maxFileSize: limits.maxFileBytes, maxFiles: limits.maxFiles, maxFieldSize: MAX_FIELD_BYTES };
  return (req, res, next) => {
    if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
    res.setHeader('connection', 'close');
    if (!hasPreflightHeader(req.headers)) {
      return sendError(res, 400, 'BAD_REQUEST', 'Multipart requests must send the Apollo-Require-Preflight header (CSRF protection)');
    }
    const length = Number(req.headers['content-length']);
    if (!req.headers['content-length'] || !Number.isInteger(length)) return sendError(res, 411, 'BAD_REQUEST', 'Multipart requests must send a Content-Length');
    if (length > limits.maxRequestBytes) {
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The request is ${length} bytes; uploads may be at most ${limits.maxRequestBytes} bytes per request`);
    }
    resolvePrincipal(req.headers.authorization, verifiers).then((principal) => {
      if (principal.role === null || !principal.userId) return sendError(res, 401, 'UNAUTHENTICATED', 'Sign in to upload files');
      return processRequest(req as unknown as IncomingReq, res, parseLimits).then(
        (body) => { req.body = body; next(); },
        (err: { status?: number; message?: string }) => sendError(res, err.status === 413 ? 413 : 400, err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', err.message ?? 'Invalid multipart request'),
      );
    }, () => sendError(res, 401, 'UNAUTHENTICATED', 'The credentials are invalid or expired'));
  };
}
