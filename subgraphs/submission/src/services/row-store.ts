import type { EntityManager } from '@mikro-orm/postgresql';
import { executeBound, qualified } from '@app/common';
import type { IntakeRowStatus } from '../entities/enums.js';
import type { RowProblem } from '../entities/intake-row.entity.js';

/** A checked row as parsing stores it. */
export interface NewIntakeRow {
  rowNumber: number;
  raw: Record<string, string>;
  parsed: Record<string, unknown>;
  errors: RowProblem[];
  nameKey: string | null;
  status: IntakeRowStatus;
}

/** What a commit reads of a row: where it is, what to send, and the cells (to name the column of a refusal). */
export interface RowToCommit {
  id: string;
  rowNumber: number;
  raw: Record<string, string>;
  parsed: Record<string, unknown>;
}

/**
 * Stores a batch of parsed rows with one INSERT, the batch sent as one JSON document: the ORM's
 * insertMany inlines every value (three JSON documents a row) into the SQL text, and binding them
 * one by one cost the query builder more than PostgreSQL took to store them.
 */
export async function insertRows(em: EntityManager, schema: string, jobId: string, rows: NewIntakeRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ id: crypto.randomUUID(), row_number: r.rowNumber, raw: r.raw, parsed: r.parsed, errors: r.errors, status: r.status, name_key: r.nameKey })));
  await executeBound(em,
    `insert into ${qualified(schema, 'intake_row')} (id, job_id, row_number, raw, parsed, errors, status, name_key)
     select id, ?::uuid, row_number, raw, parsed, errors, status, name_key
       from jsonb_to_recordset(?::jsonb) as r(id uuid, row_number int, raw jsonb, parsed jsonb, errors jsonb, status text, name_key varchar(255))`,
    [jobId, json], 'run');
}

/** The next VALID rows after `after`, in sheet order, as plain rows (no entities to hydrate and track). */
export async function validRowsAfter(em: EntityManager, schema: string, jobId: string, after: number, limit: number): Promise<RowToCommit[]> {
  const rows = await executeBound<{ id: string; row_number: number; raw: Record<string, string>; parsed: Record<string, unknown> }[]>(em,
    `select id, row_number, raw, parsed from ${qualified(schema, 'intake_row')} where job_id = ? and status = 'VALID' and row_number > ? order by row_number limit ?`,
    [jobId, after, limit]);
  return rows.map((r) => ({ id: r.id, rowNumber: r.row_number, raw: r.raw, parsed: r.parsed }));
}
