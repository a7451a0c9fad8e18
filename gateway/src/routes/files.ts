import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Express, Request, Response } from 'express';
import { hasDotSegment, sendError } from './errors.js';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER, type Logger } from '@app/common';

/** Request headers the files service reads (upload checks type and size against the signed ticket). */
const REQUEST_HEADERS = ['content-type', 'content-length', 'accept', 'range', 'if-none-match', 'if-modified-since'];
/** Response headers passed back; hop-by-hop and upstream-internal ones are dropped. */
const RESPONSE_HEADERS = [
  'content-type', 'content-length', 'content-disposition', 'content-range', 'accept-ranges', 'cache-control',
  'etag', 'last-modified', 'x-content-type-options',
];

const PREFIX = '/files';


function pick(headers: IncomingHttpHeaders, names: string[]): OutgoingHttpHeaders {
  return Object.fromEntries(names.flatMap((n) => (headers[n] === undefined ? [] : [[n, headers[n]]])));
}

/**
 * Streams `GET|PUT /files/*` to the files service, bodies in both directions piped and never
 * buffered. No credentials are added: the files service authorizes these routes by signed URL.
 */
export function mountFilesProxy(app: Express, filesServiceUrl: string | undefined, logger: Logger): void {
  const forward = (req: Request, res: Response): void => {
    if (!filesServiceUrl) return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The files service is not configured');
    const raw = req.originalUrl.slice(PREFIX.length);
    const path = raw.split('?')[0]!;
    if (!path.startsWith('/') || hasDotSegment(path)) return sendError(res, 400, 'BAD_REQUEST', 'Invalid file path');
    const target = new URL(filesServiceUrl);
    const basePath = target.pathname.replace(/\/$/, '');
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send({
      protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: `${basePath}${raw}`,
      headers: pick(req.headers, [...REQUEST_HEADERS, REQUEST_ID_HEADER, CORRELATION_ID_HEADER]),
    }, (answer) => {
      res.status(answer.statusCode ?? 502);
      for (const [name, value] of Object.entries(pick(answer.headers, RESPONSE_HEADERS))) res.setHeader(name, value!);
      answer.on('error', (err) => { logger.warn({ err }, 'file stream broke'); res.destroy(err); });
      answer.pipe(res);
    });
    upstream.on('error', (err) => {
      if (res.headersSent) return void res.destroy(err);
      logger.error({ err }, 'files proxy failed');
      sendError(res, 502, 'BAD_GATEWAY', 'The files service could not be reached');
    });
    // A client that goes away stops the upstream transfer too.
    res.on('close', () => { if (!res.writableFinished) upstream.destroy(); });
    req.pipe(upstream);
  };
  app.get(`${PREFIX}/*path`, forward);
  app.put(`${PREFIX}/*path`, forward);
}
