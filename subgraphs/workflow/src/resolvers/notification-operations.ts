import type { WorkflowContext } from '../context.js';
import type { DeliveryStatus } from '../entities/notification-enums.js';
import type { NotificationPageArgs, PreferenceInput } from '../services/notifications/notification.service.js';
import type { DeliveryPageArgs, WebhookEndpointInput } from '../services/notifications/webhook.service.js';

/** Query fields of notifications and webhooks (merged into Query). */
export const NotificationQuery = {
  notifications: (_: unknown, args: NotificationPageArgs, ctx: WorkflowContext) => ctx.services.notifications.list(args),
  notificationPreferences: (_: unknown, __: unknown, ctx: WorkflowContext) => ctx.services.notifications.preferences(),
  webhookEndpoints: (_: unknown, __: unknown, ctx: WorkflowContext) => ctx.services.webhooks.list(),
  notificationDeliveries: (_: unknown, args: DeliveryPageArgs, ctx: WorkflowContext) => ctx.services.webhooks.deliveries(args),
};

/** Mutation fields of notifications and webhooks (merged into Mutation). */
export const NotificationMutation = {
  markNotificationsRead: (_: unknown, args: { ids?: string[] | null; all?: boolean | null }, ctx: WorkflowContext) =>
    ctx.services.notifications.markRead(args.ids, args.all),
  setNotificationPreference: (_: unknown, { input }: { input: PreferenceInput }, ctx: WorkflowContext) => ctx.services.notifications.setPreference(input),
  registerWebhookEndpoint: (_: unknown, { input }: { input: WebhookEndpointInput }, ctx: WorkflowContext) => ctx.services.webhooks.register(input),
  updateWebhookEndpoint: (_: unknown, { id, input }: { id: string; input: WebhookEndpointInput }, ctx: WorkflowContext) => ctx.services.webhooks.update(id, input),
  replayNotificationDelivery: (_: unknown, { id }: { id: string }, ctx: WorkflowContext) => ctx.services.webhooks.replay(id),
};

/** `WebhookEndpoint.deliveries`: the log narrowed to the endpoint. */
export const WebhookEndpoint = {
  deliveries: ({ id }: { id: string }, args: { status?: DeliveryStatus | null; first?: number | null; after?: string | null }, ctx: WorkflowContext) =>
    ctx.services.webhooks.deliveries({ ...args, endpointId: id }),
};
