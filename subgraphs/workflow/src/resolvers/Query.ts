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
};
