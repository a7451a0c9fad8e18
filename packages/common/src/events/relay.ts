import type { Knex, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { qualified } from '../db/sql.js';
import { loadOnce } from '../load-once.js';
import type { EventBus } from './bus.js';
import type { DomainEvent } from './envelope.js';

export interface OutboxRelayOptions {
  orm: MikroORM;
  schema: string;
  bus: EventBus;
  logger: Logger;
  /** Fallback poll; commits also kick the relay at once. */
  intervalMs?: number;
  batchSize?: number;
  /** How long a claimed batch is reserved for this relay before another replica may take it. */
  claimSeconds?: number;
  /**
   * Runs the relay's statements on a connection of its own (a pool of one, closed when idle)
   * instead of the ORM's pool. There a claim queued behind every request transaction waiting for a
   * connection: with 10 step mutations at once on a pool of 5, 50–80 ms of each event's way to
   * subscribers (bench/README.md, subscriptions).
   */
  ownConnection?: boolean;
}

// Loaded on first use like the ORM (db/orm.ts): a top-level import here put MikroORM, knex and pg
// into every importer of @app/common, the gateway included (bench/README.md, memory).
const loadKnex = loadOnce(async () => (await import('@mikro-orm/postgresql')).knex);

interface OutboxRow {
  seq: string;
  payload: DomainEvent | string;
}

/**
 * Publishes outbox rows to the bus in commit order and marks them sent. Rows are claimed with a
 * single statement (SKIP LOCKED) and published outside any transaction, so replicas share work and
 * no connection is held while the bus is slow or down (PGlite would deadlock otherwise).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly table: string;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly claimSeconds: number;
  private own: Knex | null = null;

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = qualified(options.schema, 'outbox_event');
    this.intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 200;
    this.claimSeconds = options.claimSeconds ?? 30;
  }

  /** One statement with `?` placeholders; the rows it returns. */
  private async sql<T>(statement: string, params: unknown[] = []): Promise<T[]> {
    if (!this.options.ownConnection) return this.options.orm.em.getConnection().execute<T[]>(statement, params as never[]);
    // The ORM's connection settings (and its type parsers), on a pool of one; made again after a stop.
    const knex = await loadKnex();
    this.own ??= knex({ client: 'pg', connection: this.options.orm.em.getConnection().getConnectionOptions() as Knex.PgConnectionConfig, pool: { min: 0, max: 1, idleTimeoutMillis: 10_000 } });
    return ((await this.own.raw(statement, params as Knex.RawBinding[])) as { rows: T[] }).rows;
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.intervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass now, or right after the current one finishes. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass();
  }

  /** Publishes everything pending; resolves when the outbox is empty or the bus refused. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    // Runs as the current pass, so a kick meanwhile waits instead of publishing later rows alongside (out of order).
    this.running = this.pass();
    await this.running;
  }

  private pass(): Promise<void> {
    return this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    while (this.running) await this.running;
    const own = this.own;
    this.own = null;
    await own?.destroy();
  }

  async pendingCount(): Promise<number> {
    const rows = await this.sql<{ n: string }>(`select count(*) as n from ${this.table} where sent_at is null`);
    return Number(rows[0]?.n ?? 0);
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const batch = await this.claim();
        if (batch.length === 0) return;
        const published = await this.publish(batch);
        if (published < batch.length) return;
      }
    } catch (err) {
      this.options.logger.warn({ err }, 'outbox relay pass failed; will retry');
    }
  }

  private async claim(): Promise<OutboxRow[]> {
    return this.sql<OutboxRow>(
      `update ${this.table} set claimed_until = now() + (? || ' seconds')::interval, attempts = attempts + 1
       where seq in (select seq from ${this.table}
                     where sent_at is null and (claimed_until is null or claimed_until < now())
                     order by seq limit ? for update skip locked)
       returning seq, payload`,
      [String(this.claimSeconds), this.batchSize],
    ).then((rows) => rows.sort((a, b) => Number(a.seq) - Number(b.seq)));
  }

  /** Publishes in order; stops at the first failure so later events never overtake it. */
  private async publish(batch: OutboxRow[]): Promise<number> {
    const { sent, failure } = await this.send(batch);
    if (sent.length) await this.sql(`update ${this.table} set sent_at = now(), last_error = null where seq = any(?::bigint[])`, [`{${sent.join(',')}}`]);
    if (failure) {
      const unsent = batch.map((r) => r.seq).slice(sent.length);
      // Release the rest of the claim so the next pass retries them promptly, in order.
      await this.sql(`update ${this.table} set claimed_until = null, last_error = case when seq = ? then ? else last_error end where seq = any(?::bigint[])`, [failure.seq, failure.message, `{${unsent.join(',')}}`]);
      this.options.logger.warn({ error: failure.message, pending: unsent.length }, 'event bus unavailable; events stay in the outbox');
    }
    return sent.length;
  }

  /** The rows published (a prefix of the batch, in order) and the first that was not. */
  private async send(batch: OutboxRow[]): Promise<{ sent: string[]; failure: { seq: string; message: string } | null }> {
    const events = batch.map((row) => (typeof row.payload === 'string' ? (JSON.parse(row.payload) as DomainEvent) : row.payload));
    const { bus } = this.options;
    if (bus.publishAll) {
      try {
        await bus.publishAll(events);
        return { sent: batch.map((r) => r.seq), failure: null };
      } catch (err) {
        return { sent: [], failure: { seq: batch[0]!.seq, message: (err as Error).message } };
      }
    }
    const sent: string[] = [];
    for (const [i, event] of events.entries()) {
      try {
        await bus.publish(event);
        sent.push(batch[i]!.seq);
      } catch (err) {
        return { sent, failure: { seq: batch[i]!.seq, message: (err as Error).message } };
      }
    }
    return { sent, failure: null };
  }
}
