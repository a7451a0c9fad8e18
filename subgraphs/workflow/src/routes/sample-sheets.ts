import type { Express, Request, Response } from 'express';
import { AppError, requestIds, requestLogger, type AuthenticateMiddleware } from '@app/common';
import { createWorkflowContext } from '../context.js';
import type { WorkflowDeps } from '../deps.js';
import type { WorkflowServices } from '../services/index.js';
import type { SampleSheet } from '../services/lab/pool.service.js';

const STATUS_HTTP: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID_TRANSITION: 409 };

type SheetOf = (services: WorkflowServices, req: Request) => Promise<SampleSheet>;

/**
 * `GET /lab/pools/:id/sample-sheet.csv?experimentId=…` and `GET /lab/runs/:id/sample-sheet.csv`: the
 * MinKNOW sample sheet of a loaded pool or of a pooled run as a file, at a stable URL (the gateway
 * serves the same paths), behind the internal-token check and the same rules as `poolSampleSheet` and
 * `runSampleSheet` (the same services build both).
 */
export function sampleSheetRoutes(deps: WorkflowDeps) {
  return (app: Express, authenticate: AuthenticateMiddleware): void => {
    app.get('/lab/pools/:id/sample-sheet.csv', authenticate, sheetHandler(deps, (services, req) =>
      services.pools.sampleSheet(String(req.params.id), typeof req.query.experimentId === 'string' ? req.query.experimentId : '')));
    app.get('/lab/runs/:id/sample-sheet.csv', authenticate, sheetHandler(deps, (services, req) => services.runs.sampleSheet(String(req.params.id))));
  };
}

function sheetHandler(deps: WorkflowDeps, sheetOf: SheetOf) {
  return async (req: Request, res: Response) => {
    const ids = requestIds(req);
    const ctx = createWorkflowContext(deps, {
      principal: req.internalCall!.principal, client: req.internalCall!.client, ...ids,
      logger: requestLogger(deps.logger, ids), em: deps.orm.em.fork(),
    });
    try {
      const sheet = await sheetOf(ctx.services, req);
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
  };
}
