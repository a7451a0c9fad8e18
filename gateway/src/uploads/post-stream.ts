import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { text } from 'node:stream/consumers';

export interface StreamedAnswer {
  status: number;
  statusText: string;
  body: string;
}

/**
 * POSTs a stream with node:http, so the socket's backpressure paces the body: nothing is read
 * from the source faster than the peer takes it (chunked transfer, length unknown).
 */
export function postStream(url: string, headers: Record<string, string>, body: Readable, timeoutMs: number): Promise<StreamedAnswer> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(target, { method: 'POST', headers, timeout: timeoutMs });
    req.once('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.once('response', (res: IncomingMessage) => {
      text(res).then((answer) => resolve({ status: res.statusCode ?? 502, statusText: res.statusMessage ?? '', body: answer }), reject);
    });
    req.once('error', reject);
    // A peer that answers early (a limit hit) breaks the pipe: give its answer a moment to arrive.
    pipeline(body, req).catch((err: unknown) => { setTimeout(() => reject(err), 200); });
  });
}
