import type { Express, Request, Response } from 'express';
import { AppError, requestIds, requestLogger, type AuthenticateMiddleware } from '@app/common';
import { createWorkflowContext } from '../context.js';
import type { WorkflowDeps } from '../deps.js';

const STATUS_HTTP: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID_TRANSITION: 409 };

/**
 * `GET /lab/pools/:id/sample-sheet.csv?experimentId=…`: the MinKNOW sample sheet of a loaded pool as a
 * file, at a stable URL, behind the internal-token check and the same rules as `poolSampleSheet`
 * (the same service builds both).
 */
export function sampleSheetRoutes(deps: WorkflowDeps) {
  return (app: Express, authenticate: AuthenticateMiddleware): void => {
    app.get('/lab/pools/:id/sample-sheet.csv', authenticate, async (req: Request, res: Response) => {
      const ids = requestIds(req);
      const ctx = createWorkflowContext(deps, {
        principal: req.internalCall!.principal, client: req.internalCall!.client, ...ids,
        logger: requestLogger(deps.logger, ids), em: deps.orm.em.fork(),
      });
      try {
        const experimentId = typeof req.query.experimentId === 'string' ? req.query.experimentId : '';
        const sheet = await ctx.services.pools.sampleSheet(String(req.params.id), experimentId);
        res.setHeader('content-type', sheet.contentType);
        res.setHeader('content-disposition', `attachment; filename="${sheet.filename}"`);
        res.setHeader('cache-control', 'no-store');
        res.send(sheet.csv);
      } catch (err) {
        if (err instanceof AppError) {
          res.status(STATUS_HTTP[err.code] ?? 500).json({ errors: [{ message: err.message, extensions: err.extensions }] });
          return;
        }
        ctx.logger.error({ err }, 'sample sheet route failed');
        res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      }
    });
  };
}
