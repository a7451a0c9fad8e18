import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  startStep: (_, args, ctx) => ctx.services.steps.start(args),
  recordStepResults: (_, args, ctx) => ctx.services.steps.recordResults(args),
  completeStep: (_, args, ctx) => ctx.services.steps.complete(args),
  failStep: (_, args, ctx) => ctx.services.steps.fail(args),
  skipStep: (_, args, ctx) => ctx.services.steps.skip(args),
  reopenStep: (_, args, ctx) => ctx.services.steps.reopen(args),
  overrideStep: (_, args, ctx) => ctx.services.steps.override(args),
  assignStep: (_, args, ctx) => ctx.services.steps.assign(args),
  startSteps: (_, { inputs }, ctx) => ctx.services.bulk.startSteps(inputs),
  completeSteps: (_, { inputs }, ctx) => ctx.services.bulk.completeSteps(inputs),
  // Notifications and webhooks.
  markNotificationsRead: (_, args, ctx) => ctx.services.notifications.markRead(args.ids, args.all),
  setNotificationPreference: (_, { input }, ctx) => ctx.services.notifications.setPreference(input),
  registerWebhookEndpoint: (_, { input }, ctx) => ctx.services.webhooks.register(input),
  updateWebhookEndpoint: (_, { id, input }, ctx) => ctx.services.webhooks.update(id, input),
  replayNotificationDelivery: (_, { id }, ctx) => ctx.services.webhooks.replay(id),
  // The lab: flow-cell inventory and pools.
  receiveFlowCells: (_, { input }, ctx) => ctx.services.flowCells.receive(input),
  checkFlowCell: (_, { id, input }, ctx) => ctx.services.flowCells.check(id, input),
  washFlowCell: (_, { id, input }, ctx) => ctx.services.flowCells.wash(id, input),
  retireFlowCell: (_, { id, input }, ctx) => ctx.services.flowCells.retire(id, input),
  createPool: (_, { input }, ctx) => ctx.services.pools.create(input),
  addPoolMembers: (_, { poolId, members }, ctx) => ctx.services.pools.addMembers(poolId, members),
  removePoolMember: (_, { poolId, sampleId }, ctx) => ctx.services.pools.removeMember(poolId, sampleId),
  loadPool: (_, { poolId, flowCellId }, ctx) => ctx.services.pools.load(poolId, flowCellId),
  // Sequencing runs and pool-level steps.
  startSequencingRun: (_, { input }, ctx) => ctx.services.runs.start(input),
  endSequencingRun: (_, { id, input }, ctx) => ctx.services.runs.end(id, input),
  importRunMetrics: (_, { runId, input }, ctx) => ctx.services.runs.importMetrics(runId, input),
  applyPoolStep: (_, { input }, ctx) => ctx.services.poolSteps.apply(input),
};
