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
  const table = qualified(schema, 'processed_event');
  return orm.em.fork().transactional(async (em) => {
    const inserted = await em.getConnection().execute<{ event_id: string }[]>(
      `insert into ${table} (consumer_group, event_id) values (?, ?) on conflict do nothing returning event_id`,
      [group, event.id], 'all', em.getTransactionContext(),
    );
    if (inserted.length === 0) return false;
    await handle(em);
    return true;
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
