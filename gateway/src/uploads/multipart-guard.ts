import type { Request, RequestHandler, Response } from 'express';
import { processRequest, type IncomingReq } from 'graphql-upload-ts';
import { resolvePrincipal, type CredentialVerifiers } from '../auth/principal.js';
import { sendError } from '../routes/errors.js';

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxRequestBytes: number;
}

const MAX_FIELD_BYTES = 1024 * 1024;
/** How long the rest of a refused upload is read and thrown away before the connection is cut. */
const LINGER_MS = 5_000;

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
    const refuse = (status: number, code: string, message: string) => refuseUpload(req, res, status, code, message);
    if (!hasPreflightHeader(req.headers)) {
      return refuse(400, 'BAD_REQUEST', 'Multipart requests must send the Apollo-Require-Preflight header (CSRF protection)');
    }
    const length = Number(req.headers['content-length']);
    if (!req.headers['content-length'] || !Number.isInteger(length)) return refuse(411, 'BAD_REQUEST', 'Multipart requests must send a Content-Length');
    if (length > limits.maxRequestBytes) {
      return refuse(413, 'PAYLOAD_TOO_LARGE', `The request is ${length} bytes; uploads may be at most ${limits.maxRequestBytes} bytes per request`);
    }
    resolvePrincipal(req.headers.authorization, verifiers).then((principal) => {
      if (principal.role === null || !principal.userId) return refuse(401, 'UNAUTHENTICATED', 'Sign in to upload files');
      return processRequest(req as unknown as IncomingReq, res, parseLimits).then(
        (body) => { req.body = body; next(); },
        (err: { status?: number; message?: string }) => refuse(err.status === 413 ? 413 : 400, err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', err.message ?? 'Invalid multipart request'),
      );
    }, () => refuse(401, 'UNAUTHENTICATED', 'The credentials are invalid or expired'));
  };
}

/**
 * Answers a refused upload while its client is usually still sending. Closing the connection with
 * the answer (Connection: close) resets it under the client's feet: its send fails ("broken pipe")
 * and it may lose the answer. So the rest of the body is read and thrown away, for at most
 * LINGER_MS; only a client still sending after that is cut off.
 */
function refuseUpload(req: Request, res: Response, status: number, code: string, message: string): void {
  if (!req.complete) {
    const cut = setTimeout(() => req.socket.destroy(), LINGER_MS);
    cut.unref();
    req.once('end', () => clearTimeout(cut));
    req.once('close', () => clearTimeout(cut));
    req.resume();
  }
  sendError(res, status, code, message);
}
