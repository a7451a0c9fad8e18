import type { Express, Request, Response } from 'express';
import { AppError, readDelegates, requestIds, requestLogger, type AuthenticateMiddleware, type BaseContext } from '@app/common';
import { createSubmissionContext } from '../context.js';
import type { SubmissionDeps } from '../deps.js';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID_TRANSITION: 409 };

/**
 * Reads the body up to `max` bytes; null when it is larger. The rest is read and dropped rather
 * than left unread: answering early would leave the gateway's pooled connection mid-request.
 */
async function readBody(req: Request, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= max) chunks.push(chunk as Buffer);
    else chunks.length = 0;
  }
  return size > max ? null : Buffer.concat(chunks);
}

/**
 * `POST /intake/uploads?submissionId=…|projectId=…&filename=…` with the sheet as the body (CSV or
 * XLSX, told apart by content): the path for sheets too large for a GraphQL string. Same job, same
 * checks as the mutations; answers the job's id, status and counts.
 */
export function mountUploadRoutes(app: Express, authenticate: AuthenticateMiddleware, deps: SubmissionDeps): void {
  app.post('/intake/uploads', authenticate, async (req: Request, res: Response) => {
    const call = req.internalCall!;
    const ids = requestIds(req);
    const base: BaseContext = {
      principal: call.principal, client: call.client, ...ids, logger: requestLogger(deps.logger, ids), em: deps.orm.em.fork(), delegates: readDelegates(req.headers),
    };
    try {
      const body = await readBody(req, deps.config.INTAKE_MAX_BYTES);
      if (!body) return void res.status(413).json({ error: { code: 'BAD_USER_INPUT', field: 'body', message: `must be at most ${deps.config.INTAKE_MAX_BYTES} bytes` } });
      const q = req.query as Record<string, string | undefined>;
      const ctx = createSubmissionContext(deps, base);
      const target = { submissionId: q.submissionId ?? null, projectId: q.projectId ?? null, filename: q.filename ?? null };
      const isZip = body[0] === 0x50 && body[1] === 0x4b;
      const job = isZip ? await ctx.services.intake.fromXlsxBytes(target, body) : await ctx.services.intake.fromCsvBytes(target, body);
      res.status(201).json({ id: job.id, kind: job.kind, status: job.status, rowCount: job.rowCount, errorCount: job.errorCount, error: job.error ?? null });
    } catch (err) {
      if (!(err instanceof AppError)) {
        base.logger.error({ err }, 'intake upload failed');
        return void res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'The upload could not be processed' } });
      }
      res.status(STATUS[err.code] ?? 400).json({ error: { code: err.code, message: err.message, field: err.extensions.field ?? null, problems: err.extensions.problems ?? [] } });
    }
  });
}
