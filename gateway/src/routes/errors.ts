import type { ErrorRequestHandler } from 'express';
import type { Logger } from '@app/common';

/**
 * Errors raised before Apollo sees the request (oversized or malformed JSON) answered in the
 * GraphQL error shape, with body-parser's status (413, 400) kept.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: { status?: number; type?: string; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err }, 'unhandled HTTP error');
    const message = status === 413 ? 'The request body is too large'
      : status === 500 ? 'Internal server error'
      : err.message ?? 'Bad request';
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
