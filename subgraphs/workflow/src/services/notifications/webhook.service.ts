import { randomBytes } from 'node:crypto';
import {
  EventTypes, NotFoundError, Problems, ValidationError, emitEvent, eventOrigin, keysetPage, NEWEST_FIRST, requireRole,
  type BaseContext, type Connection, type EventType,
} from '@app/common';
import { SOURCE, type WorkflowDeps } from '../../deps.js';
import { NotificationDelivery, WebhookEndpoint } from '../../entities/index.js';
import { DeliveryStatuses, NotificationEvents, type DeliveryStatus, type NotificationEvent } from '../../entities/notification-enums.js';
import { BlockedAddressError, checkLiteralHost, guardedLookup } from './ssrf.js';

export interface WebhookEndpointInput { url?: string | null; events?: NotificationEvent[] | null; secret?: string | null; description?: string | null; active?: boolean | null }
export interface DeliveryPageArgs { endpointId?: string | null; status?: DeliveryStatus | null; first?: number | null; after?: string | null }

const MAX_ENDPOINTS = 100;

/** Resolves the URL's host as a delivery would and refuses blocked addresses (the same check runs again at each delivery). */
function resolvesSafely(hostname: string, allowPrivate: boolean): Promise<string | null> {
  try {
    checkLiteralHost(hostname, allowPrivate);
  } catch (err) {
    return Promise.resolve((err as Error).message);
  }
  return new Promise((resolve) => guardedLookup(allowPrivate)(hostname.replace(/^\[|\]$/g, ''), {}, (err) => {
    resolve(err ? (err instanceof BlockedAddressError ? err.message : `cannot be resolved (${err.code ?? err.message})`) : null);
  }));
}

/** Admins register receivers, read the delivery log and replay deliveries. */
export class WebhookService {
  constructor(private readonly deps: WorkflowDeps, private readonly ctx: BaseContext) {}

  private async checkInput(input: WebhookEndpointInput, creating: boolean): Promise<void> {
    const problems = new Problems();
    if (creating || input.url != null) {
      const url = problems.text('input.url', input.url, { max: 2000 });
      let parsed: URL | null = null;
      try { parsed = url ? new URL(url) : null; } catch { problems.add('input.url', 'is not a URL'); }
      if (parsed && !['http:', 'https:'].includes(parsed.protocol)) problems.add('input.url', 'must be http or https');
      if (parsed && (parsed.username || parsed.password)) problems.add('input.url', 'must not carry credentials; the signature authenticates deliveries');
      if (parsed && ['http:', 'https:'].includes(parsed.protocol)) {
        const blocked = await resolvesSafely(parsed.hostname, this.deps.config.notify.webhookAllowPrivate);
        if (blocked) problems.add('input.url', blocked);
      }
    }
    if (creating || input.events != null) {
      if (!input.events?.length) problems.add('input.events', 'list at least one event');
      (input.events ?? []).forEach((e, i) => problems.oneOf(`input.events.${i}`, e, NotificationEvents));
    }
    if (input.secret != null && (input.secret.length < 16 || input.secret.length > 200)) problems.add('input.secret', 'must be 16 to 200 characters');
    if (input.description != null) problems.text('input.description', input.description, { required: false, max: 500 });
    problems.throwIfAny();
  }

  async list(): Promise<WebhookEndpoint[]> {
    requireRole(this.ctx.principal, 'ADMIN');
    return this.ctx.em.find(WebhookEndpoint, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: MAX_ENDPOINTS });
  }

  /** Registers a receiver; the secret (given, or generated) is returned this once. */
  async register(input: WebhookEndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    requireRole(this.ctx.principal, 'ADMIN');
    await this.checkInput(input, true);
    return this.ctx.em.transactional(async (em) => {
      if ((await em.count(WebhookEndpoint, {})) >= MAX_ENDPOINTS) throw ValidationError.field('input.url', `at most ${MAX_ENDPOINTS} endpoints may be registered`);
      const now = this.deps.now();
      const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
      const endpoint = em.create(WebhookEndpoint, {
        url: input.url!, events: [...new Set(input.events!)], secret, description: input.description ?? null, active: input.active ?? true,
        createdById: this.ctx.principal.userId, createdAt: now, updatedAt: now,
      });
      await em.flush();
      await this.emit(em, EventTypes.WebhookEndpointRegistered, endpoint, null);
      return { endpoint, secret };
    });
  }

  async update(id: string, input: WebhookEndpointInput): Promise<WebhookEndpoint> {
    requireRole(this.ctx.principal, 'ADMIN');
    await this.checkInput(input, false);
    return this.ctx.em.transactional(async (em) => {
      const endpoint = await em.findOne(WebhookEndpoint, id);
      if (!endpoint) throw new NotFoundError('WebhookEndpoint', id);
      const before = snapshot(endpoint);
      if (input.url != null) endpoint.url = input.url;
      if (input.events != null) endpoint.events = [...new Set(input.events)];
      if (input.secret != null) endpoint.secret = input.secret;
      if (input.description !== undefined) endpoint.description = input.description ?? null;
      if (input.active != null) endpoint.active = input.active;
      endpoint.updatedAt = this.deps.now();
      await em.flush();
      await this.emit(em, EventTypes.WebhookEndpointUpdated, endpoint, before, input.secret != null);
      return endpoint;
    });
  }

  /** The delivery log (e-mail and webhooks), newest first; `endpointId` narrows it to one receiver. */
  async deliveries(args: DeliveryPageArgs): Promise<Connection<NotificationDelivery>> {
    requireRole(this.ctx.principal, 'ADMIN');
    const problems = new Problems();
    if (args.endpointId) problems.uuid('endpointId', args.endpointId);
    if (args.status) problems.oneOf('status', args.status, DeliveryStatuses);
    problems.throwIfAny();
    const where = { ...(args.endpointId ? { endpointId: args.endpointId } : {}), ...(args.status ? { status: args.status } : {}) };
    return keysetPage<NotificationDelivery>(this.ctx.em, NotificationDelivery, where, NEWEST_FIRST, args);
  }

  /** Queues a delivery again as a new log row (same body, so receivers may dedupe by its `id`). */
  async replay(id: string): Promise<NotificationDelivery> {
    requireRole(this.ctx.principal, 'ADMIN');
    const problems = new Problems();
    problems.uuid('id', id);
    problems.throwIfAny();
    return this.ctx.em.transactional(async (em) => {
      const original = await em.findOne(NotificationDelivery, id);
      if (!original) throw new NotFoundError('NotificationDelivery', id);
      const now = this.deps.now();
      const copy = em.create(NotificationDelivery, {
        dedupeKey: `replay:${crypto.randomUUID()}`, channel: original.channel, event: original.event, sourceEventId: original.sourceEventId,
        recipient: original.recipient, endpointId: original.endpointId, userId: original.userId, payload: original.payload,
        digest: false, nextAttemptAt: now, createdAt: now, replayOf: original.id,
      });
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: EventTypes.NotificationDeliveryReplayed, subject: { type: 'NotificationDelivery', id: copy.id },
        data: { replayOf: original.id, channel: original.channel, event: original.event, endpointId: original.endpointId ?? null },
      });
      return copy;
    });
  }

  private emit(em: Parameters<Parameters<BaseContext['em']['transactional']>[0]>[0], type: EventType, e: WebhookEndpoint, before: Record<string, unknown> | null, secretChanged = false) {
    return emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
      type, subject: { type: 'WebhookEndpoint', id: e.id }, data: { url: e.url, events: e.events, active: e.active, secretChanged }, before, after: snapshot(e),
    });
  }
}

/** What events report of an endpoint: never its secret. */
const snapshot = (e: WebhookEndpoint) => ({ url: e.url, events: e.events, active: e.active, description: e.description ?? null });
