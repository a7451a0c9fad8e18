import {
  EventTypes, ForbiddenError, Problems, UnauthenticatedError, emitEvent, eventOrigin, keysetPage, NEWEST_FIRST, type BaseContext, type Connection,
} from '@app/common';
import { SOURCE, type WorkflowDeps } from '../../deps.js';
import { Notification, NotificationPreference } from '../../entities/index.js';
import { EmailModes, NotificationEvents, type EmailMode, type NotificationEvent } from '../../entities/notification-enums.js';

export interface NotificationPageArgs { unreadOnly?: boolean | null; first?: number | null; after?: string | null }
export interface PreferenceInput { event: NotificationEvent; email?: EmailMode | null; inApp?: boolean | null }
export interface PreferenceView { event: NotificationEvent; email: EmailMode; inApp: boolean }

const MAX_MARK = 500;

/** A person's own inbox and preferences; nobody reads or changes another's. */
export class NotificationService {
  constructor(private readonly deps: WorkflowDeps, private readonly ctx: BaseContext) {}

  /** Notifications are for people: API tokens and services have no inbox. */
  private me(): string {
    const { principal } = this.ctx;
    if (principal.kind === 'anonymous' || !principal.userId) throw new UnauthenticatedError('Sign in to see your notifications');
    if (principal.kind !== 'user') throw new ForbiddenError('Notifications belong to people; API tokens have none');
    return principal.userId;
  }

  /** Newest first, keyset-paginated by (createdAt, id). */
  async list(args: NotificationPageArgs): Promise<Connection<Notification> & { unreadCount: () => Promise<number> }> {
    const recipientId = this.me();
    const where = { recipientId, ...(args.unreadOnly ? { readAt: null } : {}) };
    const connection = await keysetPage<Notification>(this.ctx.em, Notification, where, NEWEST_FIRST, args);
    return { ...connection, unreadCount: () => this.unreadCount() };
  }

  unreadCount(): Promise<number> {
    return this.ctx.em.count(Notification, { recipientId: this.me(), readAt: null });
  }

  /** Marks the given notifications (or all, with `all`) read; returns how many changed. */
  async markRead(ids: string[] | null | undefined, all: boolean | null | undefined): Promise<number> {
    const recipientId = this.me();
    const problems = new Problems();
    if (!all && !ids?.length) problems.add('ids', 'give the notifications to mark, or all: true');
    if ((ids?.length ?? 0) > MAX_MARK) problems.add('ids', `may list at most ${MAX_MARK} notifications`);
    (ids ?? []).slice(0, MAX_MARK).forEach((id, i) => problems.uuid(`ids.${i}`, id));
    problems.throwIfAny();
    return this.ctx.em.transactional(async (em) => {
      const now = this.deps.now();
      const rows = await em.find(Notification, { recipientId, readAt: null, ...(all ? {} : { id: { $in: ids! } }) }, { limit: 10_000 });
      rows.forEach((n) => { n.readAt = now; });
      await em.flush();
      if (rows.length) {
        await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
          type: EventTypes.NotificationsRead, subject: { type: 'User', id: recipientId }, data: { count: rows.length, ids: rows.slice(0, 100).map((n) => n.id), all: !!all },
        });
      }
      return rows.length;
    });
  }

  /** Every kind with the caller's choice (defaults: e-mail IMMEDIATE, in-app on). */
  async preferences(): Promise<PreferenceView[]> {
    const userId = this.me();
    const rows = await this.ctx.em.find(NotificationPreference, { userId });
    const byEvent = new Map(rows.map((r) => [r.event, r]));
    return NotificationEvents.map((event) => ({ event, email: byEvent.get(event)?.email ?? 'IMMEDIATE', inApp: byEvent.get(event)?.inApp ?? true }));
  }

  async setPreference(input: PreferenceInput): Promise<PreferenceView> {
    const userId = this.me();
    const problems = new Problems();
    problems.oneOf('input.event', input.event, NotificationEvents);
    if (input.email !== undefined && input.email !== null) problems.oneOf('input.email', input.email, EmailModes);
    problems.throwIfAny();
    return this.ctx.em.transactional(async (em) => {
      const row = await em.findOne(NotificationPreference, { userId, event: input.event })
        ?? em.create(NotificationPreference, { userId, event: input.event, email: 'IMMEDIATE', inApp: true, updatedAt: this.deps.now() });
      const before = { email: row.email, inApp: row.inApp };
      if (input.email) row.email = input.email;
      if (input.inApp !== undefined && input.inApp !== null) row.inApp = input.inApp;
      row.updatedAt = this.deps.now();
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: EventTypes.NotificationPreferenceChanged, subject: { type: 'User', id: userId },
        data: { event: row.event, email: row.email, inApp: row.inApp }, before, after: { email: row.email, inApp: row.inApp },
      });
      return { event: row.event, email: row.email, inApp: row.inApp };
    });
  }
}
