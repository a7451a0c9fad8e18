import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, type DomainEvent, type EventOrigin, type NewEvent } from './envelope.js';
import { executeBound, qualified } from '../db/sql.js';
import { HANDOFF_CLAIM_SECONDS, handoffTransaction, holdForCommit, noteUnhanded } from './commit-handoff.js';

/** The outbox insert of some events as one statement, and what to do with the rows it returned. */
export interface OutboxInsert {
  /** `insert … returning seq, id`: run alone, or as a part of a caller's statement (a data-modifying `with`). */
  sql: string;
  params: unknown[];
  recorded(rows: { seq: string | number; id: string }[]): void;
}

/**
 * The insert `recordEvents` runs, for a service that writes its change and its events in one
 * statement. Call it inside the transaction that makes the change, and `recorded` with the rows.
 *
 * In a transaction whose commit hands its rows to the relay (`commit-handoff.ts`), the rows are
 * claimed as they are inserted and published from memory at commit: the relay's claim statement
 * was a round trip (and a wait for the relay's previous pass) on every event's way to subscribers.
 * If the process dies first, the claim expires and any relay publishes them.
 */
export function outboxInsert(em: EntityManager, schema: string, events: DomainEvent[]): OutboxInsert {
  const table = qualified(schema, 'outbox_event');
  const params = events.flatMap((e) => [e.id, e.type, JSON.stringify(e)]);
  const transaction = handoffTransaction(em);
  if (!transaction) {
    noteUnhanded(em.getConnection());
    const values = events.map(() => '(?, ?, ?::jsonb)').join(', ');
    return { sql: `insert into ${table} (id, type, payload) values ${values} returning seq, id`, params, recorded: () => {} };
  }
  const values = events.map(() => `(?, ?, ?::jsonb, now() + interval '${HANDOFF_CLAIM_SECONDS} seconds', 1)`).join(', ');
  return {
    sql: `insert into ${table} (id, type, payload, claimed_until, attempts) values ${values} returning seq, id`,
    params,
    recorded: (rows) => {
      const seqOf = new Map(rows.map((r) => [r.id, String(r.seq)]));
      holdForCommit(transaction, events.map((e) => ({ seq: seqOf.get(e.id)!, payload: e })));
    },
  };
}

/**
 * Writes events into the outbox of the schema `em` works in. Call it inside the transaction
 * that makes the change: the event exists exactly when the change does.
 */
export async function recordEvents(em: EntityManager, schema: string, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const insert = outboxInsert(em, schema, events);
  insert.recorded(await executeBound<{ seq: string; id: string }[]>(em, insert.sql, insert.params));
}

/** Creates and records one event; returns it so callers can also use it (e.g. in tests). */
export async function emitEvent<T>(em: EntityManager, schema: string, origin: EventOrigin, event: NewEvent<T>): Promise<DomainEvent<T>> {
  const created = createEvent(origin, event);
  await recordEvents(em, schema, [created as DomainEvent]);
  return created;
}
