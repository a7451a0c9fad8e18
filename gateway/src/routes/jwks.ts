import type { Express } from 'express';
import type { Logger } from '@app/common';

const CACHE_MS = 60_000;

/**
 * Serves the auth service's public JWKS from the gateway, the only public host, so clients and
 * other verifiers need not reach auth. A short cache keeps key rotation visible within a minute.
 */
export function mountJwksProxy(app: Express, authServiceUrl: string | undefined, logger: Logger): void {
  let cached: { body: string; expires: number } | null = null;
  app.get('/.well-known/jwks.json', async (_req, res) => {
    if (!authServiceUrl) {
      res.status(503).json({ error: 'The auth service is not configured' });
      return;
    }
    try {
      if (!cached || cached.expires <= Date.now()) {
        const upstream = await fetch(`${authServiceUrl}/.well-known/jwks.json`, { signal: AbortSignal.timeout(5_000) });
        if (!upstream.ok) throw new Error(`auth answered ${upstream.status}`);
        cached = { body: await upstream.text(), expires: Date.now() + CACHE_MS };
      }
      res.type('application/json').set('cache-control', `public, max-age=${CACHE_MS / 1000}`).send(cached.body);
    } catch (err) {
      logger.warn({ err }, 'could not fetch the JWKS from auth');
      res.status(502).json({ error: 'The key set is unavailable' });
    }
  });
}
