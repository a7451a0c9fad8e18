import type { MikroORM } from '@mikro-orm/postgresql';
import { qualified } from '@app/common';

export interface Claim { id: string; attempts: number }

/**
 * Job claims in the database, so several workers (and a restarted one) share the queue safely:
 * a claim is an atomic update that sets the lease; a RUNNING job whose lease has run out is
 * claimable again (its worker died); every later write is guarded by the lease owner.
 */
export class JobLeases {
  private readonly table: string;

  constructor(private readonly orm: MikroORM, schema: string, private readonly leaseMs: number) {
    this.table = qualified(schema, 'extraction_job');
  }

  private run<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(sql, params);
  }

  /** Claims the oldest claimable PDF job (or `jobId`), or returns null when there is none. */
  async claim(owner: string, now: Date, jobId?: string): Promise<Claim | null> {
    const expires = new Date(now.getTime() + this.leaseMs);
    const rows = await this.run<{ id: string; attempts: number }>(
      `update ${this.table} set status = 'RUNNING', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, started_at = coalesce(started_at, ?)
       where id = (select id from ${this.table} where source_kind = 'PDF' ${jobId ? 'and id = ?' : ''}
                   and (status = 'QUEUED' or (status = 'RUNNING' and lease_expires_at < ?))
                   order by created_at limit 1 for update skip locked)
       returning id, attempts`,
      [owner, expires, now, ...(jobId ? [jobId] : []), now],
    );
    return rows[0] ?? null;
  }

  /** Extends the lease and records progress; false when the lease was lost (another worker took over). */
  async renew(owner: string, id: string, now: Date, progress: { stage: string; pagesDone: number; pagesTotal: number | null; progress: number }): Promise<boolean> {
    const rows = await this.run<{ id: string }>(
      `update ${this.table} set lease_expires_at = ?, stage = ?, pages_done = ?, pages_total = ?, progress = ?
       where id = ? and lease_owner = ? and status = 'RUNNING' returning id`,
      [new Date(now.getTime() + this.leaseMs), progress.stage, progress.pagesDone, progress.pagesTotal, progress.progress, id, owner],
    );
    return rows.length === 1;
  }
}
