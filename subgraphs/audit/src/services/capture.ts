import { hostname } from 'node:os';
import { isDomainEvent, recordDeadLetter, type BackgroundTask, type BusSubscription, type Delivery, type DomainEvent } from '@app/common';
import { CONSUMER_GROUP, type AuditDeps } from '../deps.js';
import { appendEntry } from './chain.js';
import { contentFromEvent, envelopeProblem } from './entry-row.js';

/** SQLSTATE classes meaning "this value can never be stored" (bad data, constraint), not "try again". */
function isPermanentDataError(err: unknown): boolean {
  const e = err as { code?: unknown; sqlState?: unknown; cause?: { code?: unknown } };
  const code = String(e.sqlState ?? e.code ?? e.cause?.code ?? '');
  return code.startsWith('22') || code === '23514' || code === '23502';
}

/**
 * Records every domain event on the bus as an audit entry (consumer group `audit`). Anything that is
 * not a usable event goes to the dead-letter table with the reason; nothing is dropped silently.
 * A transient failure (database away) throws, so the bus redelivers.
 */
export class AuditCapture implements BackgroundTask {
  readonly name = 'audit-capture';
  private subscription: BusSubscription | null = null;

  constructor(private readonly deps: AuditDeps) {}

  async start(): Promise<void> {
    // A stable member name lets a restarted process pick up its own unacknowledged events at once.
    this.subscription = await this.deps.bus.subscribe({ group: CONSUMER_GROUP, consumer: `audit-${hostname()}`, handler: (d) => this.handle(d) });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  async handle(delivery: Delivery): Promise<void> {
    if (delivery.event === null) return this.deadLetter(delivery.raw, delivery.error);
    const event: unknown = delivery.event;
    if (!isDomainEvent(event)) {
      const e = event as Partial<DomainEvent>;
      return this.deadLetter(delivery.raw, 'not a domain event envelope (needs id, type, source, occurredAt, actor, subject.id)', e.id, e.type);
    }
    const problem = envelopeProblem(event);
    if (problem) return this.deadLetter(delivery.raw, problem, event.id, event.type);
    try {
      await this.record(event);
    } catch (err) {
      if (!isPermanentDataError(err)) throw err;
      // The driver's message ends with the database's own words; the SQL before them is noise here.
      const message = (err as Error).message.split(' - ').at(-1);
      await this.deadLetter(delivery.raw, `cannot be stored: ${message}`, event.id, event.type);
    }
  }

  private async record(event: DomainEvent): Promise<void> {
    const content = contentFromEvent(event, this.deps.now());
    await this.deps.orm.em.fork().transactional((em) => appendEntry(em, this.deps.schema, content, this.deps.config.AUDIT_CHECKPOINT_INTERVAL));
  }

  private async deadLetter(raw: string, reason: string, eventId?: unknown, eventType?: unknown): Promise<void> {
    this.deps.logger.warn({ reason, eventId }, 'audit: event dead-lettered');
    await recordDeadLetter(this.deps.orm.em.fork(), this.deps.schema, {
      group: CONSUMER_GROUP, raw, reason,
      eventId: typeof eventId === 'string' ? eventId.slice(0, 100) : null, eventType: typeof eventType === 'string' ? eventType.slice(0, 100) : null,
    });
  }
}
