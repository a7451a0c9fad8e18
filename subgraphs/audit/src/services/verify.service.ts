import type { EntityManager } from '@mikro-orm/postgresql';
import { qualified, ValidationError } from '@app/common';
import { ENTRY_COLUMNS, GENESIS_HASH, contentOf, entryHash, rowFromDb } from './entry-row.js';

export interface ChainVerification {
  valid: boolean;
  checked: number;
  fromSeq: number | null;
  toSeq: number | null;
  firstBrokenSeq: number | null;
  firstBrokenEntryId: string | null;
  reason: string | null;
  anchorSeq: number | null;
}

const BATCH = 1_000;

/**
 * Recomputes the chain from the nearest trusted hash before `from` (a checkpoint, the anchor a
 * pruning left, or the start of the chain) up to `to`, and reports the first entry that is
 * missing, does not link to its predecessor, does not match its own hash, or disagrees with a
 * checkpoint.
 */
export async function verifyChain(em: EntityManager, schema: string, from?: number | null, to?: number | null): Promise<ChainVerification> {
  if (from != null && from < 1) throw ValidationError.field('from', 'must be 1 or more');
  if (from != null && to != null && to < from) throw ValidationError.field('to', 'must not be less than from');
  const run = <T>(sql: string, params: unknown[] = []) => em.getConnection().execute<T[]>(sql, params, 'all') as Promise<T[]>;
  const entries = qualified(schema, 'audit_entry');
  const checkpoints = qualified(schema, 'audit_checkpoint');
  const [bounds] = await run<{ min: string | null; last: string; last_hash: string }>(
    `select (select min(seq) from ${entries}) as min, last_seq as last, last_hash from ${qualified(schema, 'audit_chain_head')} where id = 1`,
  );
  const result = (fields: Partial<ChainVerification>): ChainVerification => ({
    valid: true, checked: 0, fromSeq: null, toSeq: null, firstBrokenSeq: null, firstBrokenEntryId: null, reason: null, anchorSeq: null, ...fields,
  });
  const last = Number(bounds!.last);
  if (bounds!.min === null) {
    return last === 0 ? result({}) : result({ valid: false, firstBrokenSeq: last, reason: `the chain head is at ${last} but no entries remain` });
  }
  const minSeq = Number(bounds!.min);
  const start = Math.max(from ?? minSeq, minSeq);
  const end = Math.min(to ?? last, last);
  if (start > end) return result({ fromSeq: start, toSeq: end });

  const [cp] = await run<{ seq: string; hash: string }>(
    `select seq, hash from ${checkpoints} where seq < ? and seq >= ? order by seq desc limit 1`, [start, minSeq - 1]);
  const anchor = cp ? { seq: Number(cp.seq), hash: cp.hash } : minSeq === 1 ? { seq: 0, hash: GENESIS_HASH } : null;
  if (!anchor) return result({ valid: false, firstBrokenSeq: minSeq, fromSeq: start, toSeq: end, reason: `no checkpoint anchors entry ${minSeq}, the first retained entry` });

  const cpRows = await run<{ seq: string; hash: string }>(`select seq, hash from ${checkpoints} where seq > ? and seq <= ?`, [anchor.seq, end]);
  const cpHash = new Map(cpRows.map((c) => [Number(c.seq), c.hash]));
  let prevHash = anchor.hash;
  let expected = anchor.seq + 1;
  let checked = 0;
  const broken = (seq: number, id: string | null, reason: string) =>
    result({ valid: false, checked, fromSeq: anchor.seq + 1, toSeq: end, firstBrokenSeq: seq, firstBrokenEntryId: id, reason, anchorSeq: anchor.seq });

  while (expected <= end) {
    const batch = (await run<Record<string, unknown>>(
      `select ${ENTRY_COLUMNS} from ${entries} where seq >= ? and seq <= ? order by seq limit ?`, [expected, end, BATCH])).map(rowFromDb);
    if (batch.length === 0) return broken(expected, null, `entry ${expected} is missing`);
    for (const row of batch) {
      if (row.seq !== expected) return broken(expected, null, `entry ${expected} is missing`);
      checked++;
      if (row.prevHash !== prevHash) return broken(row.seq, row.id, 'its previous-hash does not match the hash of the entry before it');
      if (entryHash(prevHash, row.seq, contentOf(row)) !== row.hash) return broken(row.seq, row.id, 'its content does not match its hash (the entry was altered)');
      const checkpoint = cpHash.get(row.seq);
      if (checkpoint !== undefined && checkpoint !== row.hash) return broken(row.seq, row.id, 'its hash differs from the checkpoint recorded for it');
      prevHash = row.hash;
      expected++;
    }
  }
  if (end === last && prevHash !== bounds!.last_hash) return broken(end, null, 'the last entry does not match the chain head');
  return result({ checked, fromSeq: anchor.seq + 1, toSeq: end, anchorSeq: anchor.seq });
}
