import type { Express } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { jsonBody, type AuthenticateMiddleware } from '@app/common';
import type { AuthDeps } from '../deps.js';
import { resolveApiToken } from '../services/api-token.service.js';

/**
 * Plain HTTP routes beside /graphql:
 * - GET /.well-known/jwks.json (public): every key an access token may still be signed with;
 * - POST /internal/api-tokens/resolve (gateway only): `{ token }` → `{ principal }` or `{ principal: null }`.
 */
export function authRoutes(deps: AuthDeps) {
  return (app: Express, authenticate: AuthenticateMiddleware) => {
    app.get('/.well-known/jwks.json', (_req, res) => {
      res.set('cache-control', 'public, max-age=300').json(deps.keys.jwks());
    });
    app.post('/internal/api-tokens/resolve', authenticate, jsonBody('4kb'), async (req, res) => {
      try {
        const principal = await resolveApiToken(deps, deps.orm.em.fork() as EntityManager, (req.body as { token?: unknown } | undefined)?.token);
        res.json({ principal });
      } catch (err) {
        // Logged without the request body: it holds the token.
        deps.logger.error({ err }, 'resolving an API token failed');
        res.status(500).json({ error: 'internal error' });
      }
    });
  };
}
