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

/**
 * Appends a run of entries in order, inside the caller's transaction, locking the head once:
 * one multi-row insert instead of a transaction per event. Events already recorded (or repeated
 * within the run) are skipped, so redelivering a whole batch is harmless. Returns the rows added.
 */
export async function appendEntries(em: EntityManager, schema: string, contents: EntryContent[], checkpointEvery: number): Promise<EntryRow[]> {
  if (contents.length === 0) return [];
  const sql = sqlOn(em);
  const entries = qualified(schema, 'audit_entry');
  const head = await lockHead(em, schema);
  const eventIds = contents.map((c) => c.eventId);
  const known = await sql<{ event_id: string }>(`select event_id from ${entries} where event_id in (${eventIds.map(() => '?').join(', ')})`, eventIds);
  const seen = new Set(known.map((r) => r.event_id));
  const rows: EntryRow[] = [];
  let { lastSeq: seq, lastHash: prevHash } = head;
  for (const content of contents) {
    if (seen.has(content.eventId)) continue;
    seen.add(content.eventId);
    seq += 1;
    const hash = entryHash(prevHash, seq, content);
    rows.push({ ...content, seq, prevHash, hash });
    prevHash = hash;
  }
  if (rows.length === 0) return [];
  // Chunks keep each statement far below the 65,535 bind-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await sql(`insert into ${entries} (${ENTRY_COLUMNS}) values ${chunk.map(() => `(${INSERT_PLACEHOLDERS})`).join(', ')}`, chunk.flatMap(insertValues));
  }
  const last = rows.at(-1)!;
  await sql(`update ${qualified(schema, 'audit_chain_head')} set last_seq = ?, last_hash = ? where id = 1`, [last.seq, last.hash]);
  const checkpoints = rows.filter((r) => r.seq % checkpointEvery === 0);
  for (const row of checkpoints) {
    await sql(`insert into ${qualified(schema, 'audit_checkpoint')} (seq, entry_id, hash, kind, created_at) values (?, ?, ?, 'PERIODIC', ?)`,
      [row.seq, row.id, row.hash, row.recordedAt]);
  }
  return rows;
}
