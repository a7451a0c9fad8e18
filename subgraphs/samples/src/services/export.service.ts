import {
  EventTypes, emitEvent, eventOrigin, ForbiddenError, labScope, NotFoundError, requireRead, ValidationError, type BaseContext, type Principal, type ExportRequestedData,
} from '@app/common';
import { ExportJob } from '../entities/index.js';
import { ExportFormats, type ExportFormat, type ExportKind } from '../entities/enums.js';
import { SOURCE, type SamplesDeps } from '../deps.js';
import { selectColumns } from '../exports/columns.js';
import type { ExportRunner } from '../exports/runner.js';
import { whereFor } from '../exports/source.js';

/** Path of a finished job's file, under the `/exports/*` prefix the gateway forwards. */
export const downloadPath = (job: ExportJob): string | null => (job.status === 'SUCCEEDED' ? `/exports/jobs/${job.id}/download` : null);

/** Who may read a job and fetch its file: the requester, or an admin. */
export function canReadJob(principal: Principal, job: ExportJob): boolean {
  return principal.kind === 'service' || principal.role === 'ADMIN' || (!!principal.userId && principal.userId === job.requestedById);
}

/** Export jobs: requested through GraphQL, written in the background, downloaded over HTTP. */
export class ExportService {
  constructor(private readonly deps: SamplesDeps, private readonly ctx: BaseContext, private readonly runner: ExportRunner) {}

  async start(kind: ExportKind, format: ExportFormat, filter: Record<string, unknown> | null, fields: string[] | null): Promise<ExportJob> {
    const { principal } = this.ctx;
    requireRead(principal, 'exports:read');
    if (!principal.userId) throw new ForbiddenError('Exports belong to a person or API token owner; service callers cannot request them');
    if (!ExportFormats.includes(format)) throw ValidationError.field('format', `must be one of ${ExportFormats.join(', ')}`);
    const columns = selectColumns(kind, fields);
    const cleanFilter = JSON.parse(JSON.stringify(filter ?? {})) as Record<string, unknown>;
    whereFor(kind, principal, cleanFilter); // validates the filter now, not in the background
    const job = await this.ctx.em.transactional(async (em) => {
      const created = em.create(ExportJob, {
        kind, format, filter: cleanFilter, fields: columns.map((c) => c.name), requestedById: principal.userId!, labScope: labScope(principal),
      });
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: EventTypes.ExportRequested, subject: { type: 'ExportJob', id: created.id, labId: labScope(principal) },
        data: { kind, format, filter: cleanFilter, fields: created.fields } satisfies ExportRequestedData,
      });
      return created;
    });
    this.runner.launch(job.id);
    return job;
  }

  async get(id: string): Promise<ExportJob | null> {
    requireRead(this.ctx.principal, 'exports:read');
    const job = await this.ctx.em.findOne(ExportJob, id, { refresh: true });
    return job && canReadJob(this.ctx.principal, job) ? job : null;
  }

  async getOrFail(id: string): Promise<ExportJob> {
    const job = await this.get(id);
    if (!job) throw new NotFoundError('ExportJob', id);
    return job;
  }
}
