import type { EntityManager } from '@mikro-orm/postgresql';
import { qualified } from '@app/common';
import { ENTRY_COLUMNS, INSERT_PLACEHOLDERS, entryHash, insertValues, type EntryContent, type EntryRow } from './entry-row.js';

/** Raw SQL on the transaction `em` is in (PGlite deadlocks on any other connection inside it). */
export function sqlOn(em: EntityManager) {
  return <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext()) as Promise<T[]>;
}

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/** Locks the chain head for the rest of the transaction: appends (and pruning) happen one at a time. */
export async function lockHead(em: EntityManager, schema: string): Promise<ChainHead> {
  const [head] = await sqlOn(em)<{ last_seq: string; last_hash: string }>(
    `select last_seq, last_hash from ${qualified(schema, 'audit_chain_head')} where id = 1 for update`,
  );
  if (!head) throw new Error('audit_chain_head row is missing; the migration seeds it');
  return { lastSeq: Number(head.last_seq), lastHash: head.last_hash };
}

/**
 * Appends one entry at the end of the chain, inside the caller's transaction. Returns null when
 * the event is already recorded (idempotent by event id; the head lock makes the check race-free).
 */
export async function appendEntry(em: EntityManager, schema: string, content: EntryContent, checkpointEvery: number): Promise<EntryRow | null> {
  const sql = sqlOn(em);
  const entries = qualified(schema, 'audit_entry');
  const head = qualified(schema, 'audit_chain_head');
  const [locked] = await sql<{ last_seq: string; last_hash: string; recorded: boolean }>(
    `select last_seq, last_hash, exists (select 1 from ${entries} where event_id = ?) as recorded from ${head} where id = 1 for update`,
    [content.eventId],
  );
  if (!locked) throw new Error('audit_chain_head row is missing; the migration seeds it');
  if (locked.recorded) return null;
  const seq = Number(locked.last_seq) + 1;
  const hash = entryHash(locked.last_hash, seq, content);
  const row: EntryRow = { ...content, seq, prevHash: locked.last_hash, hash };
  await sql(
    `with appended as (insert into ${entries} (${ENTRY_COLUMNS}) values (${INSERT_PLACEHOLDERS}) returning seq, hash)
     update ${head} set last_seq = appended.seq, last_hash = appended.hash from appended where ${head}.id = 1`,
    insertValues(row),
  );
  if (seq % checkpointEvery === 0) {
    await sql(`insert into ${qualified(schema, 'audit_checkpoint')} (seq, entry_id, hash, kind, created_at) values (?, ?, ?, 'PERIODIC', ?)`,
      [seq, row.id, hash, row.recordedAt]);
  }
  return row;
}
