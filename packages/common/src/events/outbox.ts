import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, type DomainEvent, type EventOrigin, type NewEvent } from './envelope.js';
import { executeBound, qualified } from '../db/sql.js';

/**
 * Writes events into the outbox of the schema `em` works in. Call it inside the transaction
 * that makes the change: the event exists exactly when the change does.
 */
export async function recordEvents(em: EntityManager, schema: string, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const table = qualified(schema, 'outbox_event');
  const values = events.map(() => '(?, ?, ?::jsonb)').join(', ');
  await executeBound(em, `insert into ${table} (id, type, payload) values ${values}`, events.flatMap((e) => [e.id, e.type, JSON.stringify(e)]), 'run');
}

/** Creates and records one event; returns it so callers can also use it (e.g. in tests). */
export async function emitEvent<T>(em: EntityManager, schema: string, origin: EventOrigin, event: NewEvent<T>): Promise<DomainEvent<T>> {
  const created = createEvent(origin, event);
  await recordEvents(em, schema, [created as DomainEvent]);
  return created;
}
