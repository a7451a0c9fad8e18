import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { qualified } from '../db/sql.js';
import type { DomainEvent } from './envelope.js';

/**
 * Runs `handle` for an event at most once per consumer group: the processed marker is written in the
 * same transaction as the handler's changes, so a redelivered event is skipped and a failed handler
 * leaves no marker (and no changes) behind.
 */
export async function consumeOnce(
  orm: MikroORM,
  schema: string,
  group: string,
  event: DomainEvent,
  handle: (em: EntityManager) => Promise<void>,
): Promise<boolean> {
  const handled = await consumeBatchOnce(orm, schema, group, [event], (em) => handle(em));
  return handled.length > 0;
}

/**
 * The batch form of `consumeOnce`: one transaction marks every event of a delivery batch processed
 * (one statement) and hands `handle` only those not processed before, in the order given (an id
 * repeated within the batch counts once). A batch handed over twice, or redelivered after a crash
 * mid-batch, changes nothing twice: the markers commit with the handler's changes or not at all.
 * Returns the events handled.
 */
export async function consumeBatchOnce(
  orm: MikroORM,
  schema: string,
  group: string,
  events: DomainEvent[],
  handle: (em: EntityManager, fresh: DomainEvent[]) => Promise<void>,
): Promise<DomainEvent[]> {
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  if (unique.length === 0) return [];
  const table = qualified(schema, 'processed_event');
  return orm.em.fork().transactional(async (em) => {
    const inserted = await em.getConnection().execute<{ event_id: string }[]>(
      `insert into ${table} (consumer_group, event_id) select ?, unnest(?::uuid[]) on conflict do nothing returning event_id`,
      [group, `{${unique.map((e) => e.id).join(',')}}`], 'all', em.getTransactionContext(),
    );
    const fresh = new Set(inserted.map((r) => r.event_id.toLowerCase()));
    const todo = unique.filter((e) => fresh.has(e.id.toLowerCase()));
    if (todo.length) await handle(em, todo);
    return todo;
  });
}

/** Keeps an event a consumer could not understand, with the reason, for an admin to look at. */
export async function recordDeadLetter(
  em: EntityManager,
  schema: string,
  entry: { group: string; raw: string; reason: string; eventId?: string | null; eventType?: string | null },
): Promise<void> {
  await em.getConnection().execute(
    `insert into ${qualified(schema, 'dead_letter_event')} (consumer_group, event_id, event_type, raw, reason) values (?, ?, ?, ?, ?)`,
    [entry.group, entry.eventId ?? null, entry.eventType ?? null, entry.raw, entry.reason],
    'run',
    // Inside a transaction, write on its connection: another connection would deadlock PGlite and escape a rollback.
    em.getTransactionContext(),
  );
}
