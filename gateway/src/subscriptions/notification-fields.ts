import { ForbiddenError, UnauthenticatedError } from '@app/common';
import type { NotificationHub, LiveNotification } from './notification-hub.js';
import { NotificationQueue } from './notification-hub.js';
import type { SubscriptionContext } from './workflow-fields.js';

/** Resolvers of `Subscription.notificationAdded`: a person sees only their own notifications. */
export function notificationSubscriptionResolvers(hub: NotificationHub) {
  return {
    subscribe(_: unknown, __: unknown, ctx: SubscriptionContext): AsyncIterableIterator<LiveNotification> {
      const { principal } = ctx.subscriber;
      if (principal.kind === 'anonymous' || !principal.userId) throw new UnauthenticatedError('Sign in to receive notifications');
      if (principal.kind !== 'user') throw new ForbiddenError('Notifications belong to people; API tokens have none');
      const queue = new NotificationQueue(() => unlisten());
      const unlisten = hub.listen(principal.userId, (n) => queue.push(n));
      if (ctx.signal.aborted) queue.close();
      else ctx.signal.addEventListener('abort', () => queue.close(), { once: true });
      return queue;
    },
    resolve: (n: LiveNotification) => n,
  };
}
