import type { ExportJobResolvers } from '../__generated__/resolvers-types.js';
import { downloadPath } from '../services/export.service.js';

export const ExportJob: ExportJobResolvers = {
  __resolveReference: (ref, ctx) => ctx.services.exports.get(ref.id),
  progress: (job) => (job.status === 'SUCCEEDED' ? 1 : job.rowsTotal ? Math.min(1, job.rowsWritten / job.rowsTotal) : 0),
  downloadUrl: (job) => downloadPath(job),
};
