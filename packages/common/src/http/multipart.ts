import type { RequestHandler } from 'express';
import { processRequest, type IncomingReq } from 'graphql-upload-ts';
import { ValidationError } from '../errors.js';
import type { AuthenticateMiddleware } from '../subgraph/server.js';

/**
 * What graphql-upload-ts (and busboy under it) report about the sender's own multipart bytes,
 * once the operation is already running: a mapped file part that never came (400), a sender gone
 * mid-upload (499), a file over the limit (413), a part header that does not parse, a form cut
 * short. Each is the sender's fault, so it is answered as a client error and not logged as a fault.
 */
const FORM_ERRORS = new Set(['Malformed part header', 'Unexpected end of form', 'Unexpected end of file']);

export interface UploadRefusal {
  /** The HTTP status graphql-upload-ts gave it (400 for the parser's own errors). */
  status: number;
  message: string;
}

/** The refusal `err` stands for when it is about the sender's multipart request; null when it is not (a disk error, a bug). */
export function uploadRefusal(err: unknown): UploadRefusal | null {
  const { status, message } = (err ?? {}) as { status?: unknown; message?: unknown };
  const text = typeof message === 'string' && message ? message : 'Invalid multipart request';
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, message: text };
  if (FORM_ERRORS.has(text)) return { status: 400, message: text };
  return null;
}

/**
 * A file that did not arrive as sent, from the error its multipart promise or stream ended with:
 * over the size limit (graphql-upload-ts's 413), the sender gone (499), or the sender's multipart
 * bytes broken. Each is a client error naming the argument (`file`, `input.upload`); null for
 * anything else (a disk error, a bug), which the caller rethrows.
 */
export function uploadNotReceived(err: unknown, field: string, maxBytes: number): ValidationError | null {
  const refusal = uploadRefusal(err);
  if (!refusal) return null;
  if (refusal.status === 413) return ValidationError.field(field, `is larger than ${maxBytes} bytes`);
  if (refusal.status === 499) return ValidationError.field(field, 'did not arrive completely: the upload was interrupted');
  return ValidationError.field(field, `did not arrive: ${refusal.message}`);
}

export interface MultipartLimits {
  /** Largest file part, in bytes (graphql-upload-ts stops the stream past it with a 413). */
  maxFileBytes: number;
  /** File parts one request may carry. */
  maxFiles: number;
}

const MAX_FIELD_BYTES = 1024 * 1024;

/**
 * A subgraph's GraphQL multipart requests (the gateway forwards them, streamed): only after the
 * internal token checks out are the parts parsed, files spooled by graphql-upload-ts and limited
 * in size and count. Other requests pass through untouched to the JSON path. Mount on `/graphql`
 * in the subgraph's `routes`.
 */
export function multipartUploads(limits: MultipartLimits, authenticate: AuthenticateMiddleware): RequestHandler {
  const parseLimits = { maxFileSize: limits.maxFileBytes, maxFiles: limits.maxFiles, maxFieldSize: MAX_FIELD_BYTES };
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    authenticate(req, res, () => {
      processRequest(req as unknown as IncomingReq, res, parseLimits).then(
        (body) => { req.body = body; next(); },
        (err: { status?: number; message?: string }) => {
          const status = err.status === 413 ? 413 : 400;
          res.status(status).json({ errors: [{ message: err.message ?? 'Invalid multipart request', extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
        },
      );
    });
  };
}
