import { createReadStream, existsSync, mkdirSync, unlink } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import { AppError, NotFoundError, requireRead, ValidationError, type AuthenticateMiddleware } from '@app/common';
import { ExportJob } from '../entities/index.js';
import {
  ExportFormats, FlowCellDevices, MaterialTypes, PoreChemistries, Priorities, ProjectStatuses, SampleStatuses, SampleTypes, SubmissionStatuses,
  type ExportFormat, type ExportKind,
} from '../entities/enums.js';
import type { SamplesDeps } from '../deps.js';
import { selectColumns } from '../exports/columns.js';
import type { ExportRunner } from '../exports/runner.js';
import { writeExport } from '../exports/runner.js';
import { countRows, NAMES, whereFor } from '../exports/source.js';
import { CONTENT_TYPES, FILE_EXTENSIONS } from '../exports/writers.js';
import { canReadJob } from '../services/export.service.js';

const KINDS: Record<string, ExportKind> = { samples: 'SAMPLES', submissions: 'SUBMISSIONS', projects: 'PROJECTS' };
const FORMATS = Object.fromEntries(ExportFormats.map((f) => [FILE_EXTENSIONS[f], f])) as Record<string, ExportFormat>;
const STATUS_HTTP: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** Query parameters each list accepts: list-valued ones take `a,b` or repeat; the rest are single values. */
const LIST_PARAMS: Record<ExportKind, Record<string, readonly string[]>> = {
  SAMPLES: { status: SampleStatuses, priority: Priorities, sampleType: SampleTypes, materialType: MaterialTypes, flowCellDevice: FlowCellDevices, poreChemistry: PoreChemistries },
  SUBMISSIONS: { status: SubmissionStatuses, priority: Priorities },
  PROJECTS: { status: ProjectStatuses },
};
const VALUE_PARAMS: Record<ExportKind, string[]> = {
  SAMPLES: ['labId', 'projectId', 'submissionId', 'assigneeId', 'submittedFrom', 'submittedTo', 'updatedFrom', 'updatedTo', 'search'],
  SUBMISSIONS: ['labId', 'projectId', 'submitterId', 'billingAccountId', 'createdFrom', 'createdTo', 'receivedFrom', 'receivedTo', 'search'],
  PROJECTS: ['labId', 'ownerId', 'createdFrom', 'createdTo', 'search'],
};
const BOOLEAN_PARAMS: Record<ExportKind, string[]> = { SAMPLES: ['unassigned', 'isControl', 'includeArchived'], SUBMISSIONS: [], PROJECTS: [] };

const values = (raw: unknown): string[] => (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

/** Turns `?status=PREP,SEQUENCING&search=soil&fields=id,name` into a filter; unknown parameters are an error, not silently ignored. */
export function filterFromQuery(kind: ExportKind, query: Record<string, unknown>): { filter: Record<string, unknown>; fields: string[] } {
  const filter: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    if (key === 'fields') continue;
    const allowed = LIST_PARAMS[kind][key];
    if (allowed) {
      const list = values(raw).map((v) => v.toUpperCase());
      const bad = list.filter((v) => !allowed.includes(v));
      if (bad.length) throw ValidationError.field(key, `unknown value(s) ${bad.join(', ')}; use ${allowed.join(', ')}`);
      filter[key] = list;
    } else if (VALUE_PARAMS[kind].includes(key)) {
      filter[key] = values(raw).join(',');
    } else if (BOOLEAN_PARAMS[kind].includes(key)) {
      const v = String(raw).toLowerCase();
      if (v !== 'true' && v !== 'false') throw ValidationError.field(key, 'must be true or false');
      filter[key] = v === 'true';
    } else {
      throw ValidationError.field(key, `is not a filter of ${kind.toLowerCase()} exports`);
    }
  }
  return { filter, fields: values(query.fields) };
}

function fail(res: Response, err: unknown, deps: SamplesDeps): void {
  if (err instanceof AppError) {
    res.status(STATUS_HTTP[err.code] ?? 500).json({ errors: [{ message: err.message, extensions: err.extensions }] });
    return;
  }
  deps.logger.error({ err }, 'export route failed');
  if (!res.headersSent) res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  else res.destroy();
}

function sendFile(res: Response, path: string, format: ExportFormat, downloadName: string, after?: () => void): void {
  res.setHeader('content-type', CONTENT_TYPES[format]);
  res.setHeader('content-disposition', `attachment; filename="${downloadName}"`);
  res.setHeader('cache-control', 'no-store');
  const stream = createReadStream(path);
  stream.on('error', () => res.destroy());
  stream.on('close', () => after?.());
  stream.pipe(res);
}

/**
 * Stable URLs for BI refresh (`GET /exports/samples.csv?status=PREP`) and job downloads. Both sit
 * behind the internal-token check; the gateway forwards `/exports/*` with the caller's identity.
 */
export function exportRoutes(deps: SamplesDeps, runner: ExportRunner) {
  return (app: Express, authenticate: AuthenticateMiddleware): void => {
    app.get('/exports/jobs/:id/download', authenticate, async (req: Request, res: Response) => {
      try {
        const principal = req.internalCall!.principal;
        requireRead(principal, 'exports:read');
        const id = String(req.params.id);
        const job = /^[0-9a-f-]{36}$/i.test(id) ? await deps.orm.em.fork().findOne(ExportJob, id) : null;
        if (!job || !canReadJob(principal, job)) throw new NotFoundError('ExportJob', id);
        if (job.status !== 'SUCCEEDED' || !job.fileName) throw ValidationError.field('id', `the export is ${job.status}; wait until it has SUCCEEDED`);
        const path = join(runner.dir, job.fileName);
        if (!existsSync(path)) throw new NotFoundError('Export file', job.fileName);
        sendFile(res, path, job.format, job.fileName);
      } catch (err) {
        fail(res, err, deps);
      }
    });

    app.get('/exports/:file', authenticate, async (req: Request, res: Response) => {
      const match = /^([a-z]+)\.([a-z]+)$/.exec(String(req.params.file));
      const kind = match ? KINDS[match[1]!] : undefined;
      const format = match ? FORMATS[match[2]!] : undefined;
      if (!kind || !format) {
        res.status(404).json({ errors: [{ message: `No export at ${req.path}; use /exports/{samples|submissions|projects}.{${Object.keys(FORMATS).join('|')}}`, extensions: { code: 'NOT_FOUND' } }] });
        return;
      }
      const tmpDir = join(runner.dir, 'tmp');
      const path = join(tmpDir, `${randomUUID()}.${match![2]}`);
      try {
        const principal = req.internalCall!.principal;
        requireRead(principal, 'exports:read');
        const { filter, fields } = filterFromQuery(kind, req.query as Record<string, unknown>);
        const columns = selectColumns(kind, fields);
        const where = whereFor(kind, principal, filter);
        const total = await countRows(deps.orm, kind, where);
        if (total > deps.config.EXPORT_MAX_ROWS) throw ValidationError.field('filter', `matches ${total} rows, more than the ${deps.config.EXPORT_MAX_ROWS} a URL export serves; narrow the filter or use exportSamples`);
        mkdirSync(tmpDir, { recursive: true });
        // Written to a file first: Parquet and XLSX need their footer before the first byte can be trusted.
        await writeExport(deps, kind, format, where, columns, path);
        sendFile(res, path, format, `${NAMES[kind].file}.${match![2]}`, () => unlink(path, () => {}));
      } catch (err) {
        unlink(path, () => {});
        fail(res, err, deps);
      }
    });
  };
}
