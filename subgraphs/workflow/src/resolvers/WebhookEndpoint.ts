import type { WebhookEndpointResolvers } from '../__generated__/resolvers-types.js';

export const WebhookEndpoint: WebhookEndpointResolvers = {
  /** The delivery log narrowed to the endpoint. */
  deliveries: ({ id }, args, ctx) => ctx.services.webhooks.deliveries({ ...args, endpointId: id }),
};
