import { requireRead } from '@app/common';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  workflow: (_, { sampleId }, ctx) => {
    requireRead(ctx.principal, 'workflow:read');
    return ctx.loaders.workflowBySampleId.load(sampleId);
  },
  workQueue: (_, args, ctx) => ctx.services.queues.workQueue(args.step, args),
  myWork: (_, args, ctx) => ctx.services.queues.myWork(args),
  // Notifications and webhooks.
  notifications: (_, args, ctx) => ctx.services.notifications.list(args),
  notificationPreferences: (_, __, ctx) => ctx.services.notifications.preferences(),
  webhookEndpoints: (_, __, ctx) => ctx.services.webhooks.list(),
  notificationDeliveries: (_, args, ctx) => ctx.services.webhooks.deliveries(args),
  // The lab: flow-cell inventory, barcode kits, pools, sample sheets.
  flowCell: (_, { id }, ctx) => ctx.services.flowCells.byId(id),
  flowCells: (_, args, ctx) => ctx.services.flowCells.list(args),
  flowCellStock: (_, __, ctx) => ctx.services.flowCells.stock(),
  barcodeKits: (_, __, ctx) => ctx.services.pools.kits(),
  pool: (_, { id }, ctx) => ctx.services.pools.byId(id),
  pools: (_, args, ctx) => ctx.services.pools.list(args),
  suggestBarcodes: (_, args, ctx) => ctx.services.pools.suggestBarcodes(args),
  poolSampleSheet: (_, { poolId, experimentId }, ctx) => ctx.services.pools.sampleSheet(poolId, experimentId),
  // Sequencing runs.
  sequencingRun: (_, { id }, ctx) => ctx.services.runs.byId(id),
  sequencingRuns: (_, args, ctx) => ctx.services.runs.list(args),
  runSampleSheet: (_, { runId }, ctx) => ctx.services.runs.sampleSheet(runId),
  // E-signatures.
  stepSignatureRecord: (_, a, ctx) => ctx.services.signatures.describe(a.sampleId, a.step, a.action, a.reason),
};
