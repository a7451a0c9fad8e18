import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkLiteralHost, guardedLookup } from './ssrf.js';

/** Header carrying the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`. */
export const SIGNATURE_HEADER = 'x-nanopore-signature';
export const EVENT_HEADER = 'x-nanopore-event';
export const DELIVERY_HEADER = 'x-nanopore-delivery';

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${signatureOf(secret, t, body)}`;
}

export interface WebhookResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

export interface WebhookRequest {
  url: string;
  body: string;
  secret: string;
  event: string;
  deliveryId: string;
  now: Date;
  timeoutMs: number;
  allowPrivate: boolean;
}

/** POSTs one signed delivery; 2xx is success, anything else (or no answer) is a failure to retry. Redirects are not followed. */
export function postWebhook(req: WebhookRequest): Promise<WebhookResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(req.url);
      checkLiteralHost(url.hostname, req.allowPrivate);
    } catch (err) {
      return resolve({ ok: false, status: null, error: (err as Error).message });
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'POST',
      lookup: guardedLookup(req.allowPrivate) as never,
      timeout: req.timeoutMs,
      headers: {
        'content-type': 'application/json', 'content-length': Buffer.byteLength(req.body), 'user-agent': 'nanopore-core-webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(req.secret, req.body, req.now), [EVENT_HEADER]: req.event, [DELIVERY_HEADER]: req.deliveryId,
      },
    }, (res) => {
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      res.resume(); // the body is not kept; only the status counts
      res.on('end', () => resolve({ ok, status, error: ok ? null : `HTTP ${status}` }));
      res.on('error', (err) => resolve({ ok: false, status, error: err.message }));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${req.timeoutMs} ms`)));
    request.on('error', (err) => resolve({ ok: false, status: null, error: err.message }));
    request.end(req.body);
  });
}
