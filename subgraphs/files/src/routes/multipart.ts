import type { RequestHandler } from 'express';
import { processRequest, type IncomingReq } from 'graphql-upload-ts';
import type { AuthenticateMiddleware } from '@app/common';
import type { FilesDeps } from '../deps.js';

const MAX_FIELD_BYTES = 1024 * 1024;

/**
 * GraphQL multipart requests (the gateway forwards them): only after the internal token checks
 * out are the parts parsed, files spooled by graphql-upload-ts and limited in size and count.
 * Other requests pass through untouched to the JSON path.
 */
export function multipartUploads(deps: FilesDeps, authenticate: AuthenticateMiddleware): RequestHandler {
  const limits = { maxFileSize: deps.config.FILES_MAX_BYTES, maxFiles: deps.config.FILES_MAX_FILES, maxFieldSize: MAX_FIELD_BYTES };
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    authenticate(req, res, () => {
      processRequest(req as unknown as IncomingReq, res, limits).then(
        (body) => { req.body = body; next(); },
        (err: { status?: number; message?: string }) => {
          const status = err.status === 413 ? 413 : 400;
          res.status(status).json({ errors: [{ message: err.message ?? 'Invalid multipart request', extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
        },
      );
    });
  };
}
