import type { SamplesContext } from '../context.js';
import type { ExportJob as ExportJobEntity } from '../entities/index.js';
import { downloadPath } from '../exports/export.service.js';

export const ExportJob = {
  __resolveReference: (ref: { id: string }, ctx: SamplesContext) => ctx.services.exports.get(ref.id),
  progress: (job: ExportJobEntity) => (job.status === 'SUCCEEDED' ? 1 : job.rowsTotal ? Math.min(1, job.rowsWritten / job.rowsTotal) : 0),
  downloadUrl: (job: ExportJobEntity) => downloadPath(job),
};
