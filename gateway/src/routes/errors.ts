import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '@app/common';

/** Answers a plain HTTP route in the GraphQL error shape clients already parse. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** `.` or `..` segments, plain or percent-encoded: the URL parser would resolve them out of a proxied prefix. */
export const hasDotSegment = (path: string): boolean => /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(path);

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
    sendError(res, status, code, message);
  };
}
