import { EventTypes, ForbiddenError, UnauthenticatedError, type DomainEvent, type EventBus, type Logger, type NotificationCreatedData } from '@app/common';
import { BusFeed } from './bus-feed.js';
import { BoundedQueue, PushIterator } from './push-iterator.js';
import type { SubscriptionContext } from './workflow-fields.js';

/** An in-app notification as `Subscription.notificationAdded` delivers it: what the event carries, with its id, unread. */
export type LiveNotification = Omit<NotificationCreatedData, 'sourceEventId'> & { id: string; readAt: null };

export const NOTIFICATIONS_LIVE_GROUP = 'gateway-notifications';
/** Notifications a slow client may have pending; older ones are dropped (the inbox query still has them). */
export const NOTIFICATION_QUEUE_CAPACITY = 100;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The notification a workflow `NotificationCreated` event carries, or null for anything else. */
export function toLiveNotification(event: DomainEvent): LiveNotification | null {
  if (event.type !== EventTypes.NotificationCreated) return null;
  const d = (event.data ?? {}) as Partial<Record<keyof NotificationCreatedData, unknown>>;
  const recipientId = str(d.recipientId);
  const kind = str(d.event);
  const title = str(d.title);
  if (!recipientId || !kind || !title) return null;
  return {
    id: event.subject.id, recipientId, event: kind, title, body: typeof d.body === 'string' ? d.body : '',
    sampleId: str(d.sampleId), submissionId: str(d.submissionId), createdAt: str(d.createdAt) ?? event.occurredAt, readAt: null,
  };
}

/** Workflow `NotificationCreated` events as live notifications, to each recipient's subscribers. */
export const notificationFeed = (bus: EventBus, logger: Logger) => new BusFeed<LiveNotification>(bus, logger, {
  group: NOTIFICATIONS_LIVE_GROUP, name: 'notification', select: toLiveNotification, keyOf: (n) => n.recipientId,
  types: [EventTypes.NotificationCreated],
});

/** Resolvers of `Subscription.notificationAdded`: a person sees only their own notifications. */
export function notificationSubscriptionResolvers(feed: BusFeed<LiveNotification>) {
  return {
    subscribe(_: unknown, __: unknown, ctx: SubscriptionContext): AsyncIterableIterator<LiveNotification> {
      const { principal } = ctx.subscriber;
      if (principal.kind === 'anonymous' || !principal.userId) throw new UnauthenticatedError('Sign in to receive notifications');
      if (principal.kind !== 'user') throw new ForbiddenError('Notifications belong to people; API tokens have none');
      // Notifications are deltas, so none is coalesced away; a slow client loses the oldest (the inbox query still has them).
      const queue = new PushIterator<LiveNotification>(new BoundedQueue(NOTIFICATION_QUEUE_CAPACITY));
      return feed.pipe(principal.userId, queue).until(ctx.signal);
    },
    resolve: (n: LiveNotification) => n,
  };
}
