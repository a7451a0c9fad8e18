import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from './envelope.js';

/** An outbox row a committed transaction wrote, as the relay publishes it. */
export interface CommittedRow {
  seq: string;
  payload: DomainEvent;
}

/** How long a row claimed at insert is reserved for its own relay; as long as a relay's claim. */
export const HANDOFF_CLAIM_SECONDS = 30;

/** Connections whose relay takes its transactions' rows at commit (`OutboxRelay` with `takeCommits`). */
const handingOff = new WeakSet<object>();
/** Rows recorded in a transaction, by its transaction object, until its commit hook takes them. */
const held = new WeakMap<object, CommittedRow[]>();
/** Connections on which rows were recorded without a handoff (a savepoint, no transaction) since their relay last looked. */
const unhanded = new WeakSet<object>();

export function handOffCommits(connection: object): void {
  handingOff.add(connection);
}

/**
 * The transaction whose commit will hand `em`'s outbox rows to the relay, or null: only a root
 * transaction (a savepoint's rows would be committed, or not, by its parent) of a connection whose
 * relay takes them. Rows recorded anywhere else are claimed by the relay's own statement, as before.
 */
export function handoffTransaction(em: EntityManager): object | null {
  const ctx = em.getTransactionContext() as object | undefined;
  if (!ctx || !handingOff.has(em.getConnection()) || 'savepointName' in ctx) return null;
  return ctx;
}

export function holdForCommit(transaction: object, rows: CommittedRow[]): void {
  const list = held.get(transaction);
  if (list) list.push(...rows);
  else held.set(transaction, [...rows]);
}

/** The rows a just-committed transaction recorded (once; a rolled-back one's are simply never taken). */
export function takeCommitted(transaction: object): CommittedRow[] {
  const rows = held.get(transaction) ?? [];
  held.delete(transaction);
  return rows;
}

/** Rows were recorded on `connection` that only the relay's claim will find. */
export function noteUnhanded(connection: object): void {
  unhanded.add(connection);
}

/** Whether rows were recorded without a handoff since the last call: a commit that handed nothing needs a claim only then. */
export function takeUnhanded(connection: object): boolean {
  return unhanded.delete(connection);
}
