import { hostname } from 'node:os';
import { isDomainEvent, recordDeadLetter, type BackgroundTask, type BusSubscription, type Delivery, type DomainEvent } from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CONSUMER_GROUP, type AuditDeps } from '../deps.js';
import { appendEntries, appendEntry } from './chain.js';
import { contentFromEvent, envelopeProblem } from './entry-row.js';

/** Largest run of events recorded in one transaction. */
export const CAPTURE_BATCH_SIZE = 500;

interface Rejected {
  raw: string;
  reason: string;
  eventId?: unknown;
  eventType?: unknown;
}

/** SQLSTATE classes meaning "this value can never be stored" (bad data, constraint), not "try again". */
function isPermanentDataError(err: unknown): boolean {
  const e = err as { code?: unknown; sqlState?: unknown; cause?: { code?: unknown } };
  const code = String(e.sqlState ?? e.code ?? e.cause?.code ?? '');
  return code.startsWith('22') || code === '23514' || code === '23502';
}

/** The event to record, or why the delivery cannot be one. */
function classify(delivery: Delivery): { event: DomainEvent } | { rejected: Rejected } {
  if (delivery.event === null) return { rejected: { raw: delivery.raw, reason: delivery.error } };
  const event: unknown = delivery.event;
  if (!isDomainEvent(event)) {
    const e = event as Partial<DomainEvent>;
    return { rejected: { raw: delivery.raw, reason: 'not a domain event envelope (needs id, type, source, occurredAt, actor, subject.id)', eventId: e.id, eventType: e.type } };
  }
  const problem = envelopeProblem(event);
  if (problem) return { rejected: { raw: delivery.raw, reason: problem, eventId: event.id, eventType: event.type } };
  return { event };
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
    this.subscription = await this.deps.bus.subscribe({
      group: CONSUMER_GROUP, consumer: `audit-${hostname()}`, batchSize: CAPTURE_BATCH_SIZE, batchHandler: (d) => this.handleBatch(d),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  /**
   * Records a whole delivery batch in one transaction (the chain head locked once, entries in
   * delivery order, dead letters alongside), so a redelivered batch changes nothing twice.
   */
  async handleBatch(deliveries: Delivery[]): Promise<void> {
    const verdicts = deliveries.map(classify);
    const rejected = verdicts.flatMap((v) => ('rejected' in v ? [v.rejected] : []));
    const events = verdicts.flatMap((v) => ('event' in v ? [v.event] : []));
    try {
      await this.deps.orm.em.fork().transactional(async (em) => {
        for (const r of rejected) await this.deadLetter(em, r);
        const recordedAt = this.deps.now();
        await appendEntries(em, this.deps.schema, events.map((e) => contentFromEvent(e, recordedAt)), this.deps.config.AUDIT_CHECKPOINT_INTERVAL);
      });
    } catch (err) {
      if (!isPermanentDataError(err)) throw err;
      // Some value in the batch can never be stored: one transaction per delivery finds and dead-letters just that one.
      for (const delivery of deliveries) await this.handle(delivery);
    }
  }

  /** Records one delivery in its own transaction (the fallback when a batch holds an unstorable value). */
  async handle(delivery: Delivery): Promise<void> {
    const verdict = classify(delivery);
    if ('rejected' in verdict) return this.deadLetter(this.deps.orm.em.fork(), verdict.rejected);
    const { event } = verdict;
    try {
      const content = contentFromEvent(event, this.deps.now());
      await this.deps.orm.em.fork().transactional((em) => appendEntry(em, this.deps.schema, content, this.deps.config.AUDIT_CHECKPOINT_INTERVAL));
    } catch (err) {
      if (!isPermanentDataError(err)) throw err;
      // The driver's message ends with the database's own words; the SQL before them is noise here.
      const message = (err as Error).message.split(' - ').at(-1);
      await this.deadLetter(this.deps.orm.em.fork(), { raw: delivery.raw, reason: `cannot be stored: ${message}`, eventId: event.id, eventType: event.type });
    }
  }

  private async deadLetter(em: EntityManager, r: Rejected): Promise<void> {
    this.deps.logger.warn({ reason: r.reason, eventId: r.eventId }, 'audit: event dead-lettered');
    await recordDeadLetter(em, this.deps.schema, {
      group: CONSUMER_GROUP, raw: r.raw, reason: r.reason,
      eventId: typeof r.eventId === 'string' ? r.eventId.slice(0, 100) : null, eventType: typeof r.eventType === 'string' ? r.eventType.slice(0, 100) : null,
    });
  }
}
