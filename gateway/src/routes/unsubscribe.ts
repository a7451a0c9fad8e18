import type { Express, Request, Response } from 'express';
import type { Logger } from '@app/common';

/** The unsubscribe link of notification e-mail; the signed token in it is the credential. */
export const UNSUBSCRIBE_PATH = '/notifications/unsubscribe';

/**
 * Forwards GET (confirmation page) and POST (unsubscribe, RFC 8058 one-click too) to the workflow
 * service, which owns notifications, so links point at the only public host and work without login.
 */
export function mountUnsubscribeProxy(app: Express, workflowServiceUrl: string | undefined, logger: Logger): void {
  const forward = async (req: Request, res: Response) => {
    if (!workflowServiceUrl) return void res.status(503).type('text').send('Notifications are not available');
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    try {
      const upstream = await fetch(`${workflowServiceUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`, {
        method: req.method, signal: AbortSignal.timeout(10_000),
      });
      res.status(upstream.status).type(upstream.headers.get('content-type') ?? 'text/html').send(await upstream.text());
    } catch (err) {
      logger.warn({ err }, 'unsubscribe proxy failed');
      res.status(502).type('text').send('Please try again later');
    }
  };
  app.get(UNSUBSCRIBE_PATH, forward);
  app.post(UNSUBSCRIBE_PATH, forward);
}
