import type { Knex, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { qualified } from '../db/sql.js';
import { loadOnce } from '../load-once.js';
import type { EventBus } from './bus.js';
import type { DomainEvent } from './envelope.js';
import { handOffCommits, takeCommitted, takeUnhanded, type CommittedRow } from './commit-handoff.js';

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
  /**
   * Transactions of `orm` hand their outbox rows to this relay at commit (claimed as inserted,
   * `recordEvents`), and the commit hook passes the transaction: `kick(transaction)`. Set only
   * where that hook is wired (startSubgraph); elsewhere such rows would wait for their claim to expire.
   */
  takeCommits?: boolean;
}

// Loaded on first use like the ORM (db/orm.ts): a top-level import here put MikroORM, knex and pg
// into every importer of @app/common, the gateway included (bench/README.md, memory).
const loadKnex = loadOnce(async () => (await import('@mikro-orm/postgresql')).knex);

/** Handed rows held in memory at most; more, and the backlog goes back to the outbox (see `behind`). */
const MAX_HANDED = 1_000;

interface OutboxRow {
  seq: string;
  payload: DomainEvent | string;
}

/**
 * Publishes outbox rows to the bus in commit order and marks them sent. Rows are claimed with a
 * single statement (SKIP LOCKED) and published outside any transaction, so replicas share work and
 * no connection is held while the bus is slow or down (PGlite would deadlock otherwise).
 *
 * With `takeCommits`, rows a transaction handed over at commit are published straight from memory
 * (after any claim that is due, so older rows recorded without a handoff go first) and marked sent
 * in one statement once no handed row is waiting. After a failed publish, or with more than
 * `MAX_HANDED` rows waiting (an in-process bus awaiting slow consumers during an intake), the relay
 * is `behind`: handed rows are released to the claim, which publishes in seq order, until a claim
 * comes back empty; so a retried event is never overtaken, and a backlog waits in the outbox, not
 * in memory.
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
  /** Rows committed transactions handed over, not yet published. */
  private readonly handed: CommittedRow[] = [];
  /** Handed rows published and not yet marked sent. */
  private unmarked: string[] = [];
  /** Handed rows to give back to the claim (seqs only: no payload is held while behind). */
  private toRelease: string[] = [];
  /** Whether the outbox may hold rows nobody handed over (a kick without a transaction, the timer, a release). */
  private claimWanted = true;
  private behind = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = qualified(options.schema, 'outbox_event');
    this.intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 200;
    this.claimSeconds = options.claimSeconds ?? 30;
    if (options.takeCommits) handOffCommits(options.orm.em.getConnection());
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

  /**
   * Runs a pass now, or right after the current one finishes. `transaction`: the one that just
   * committed, whose handed rows the pass publishes without claiming; null for a flush that
   * committed outside one. A kick without either (the timer, a caller) claims; a commit claims only
   * when rows were recorded without a handoff since.
   */
  kick(transaction?: object | null): void {
    if (this.stopped) return;
    this.take(transaction ? takeCommitted(transaction) : []);
    // Most commits record no event (inbox rows, reads in a transaction): claiming after each cost a
    // statement the next handed row could queue behind.
    if (transaction === undefined || !this.options.takeCommits || takeUnhanded(this.options.orm.em.getConnection())) this.claimWanted = true;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass();
  }

  /** Publishes everything pending; resolves when the outbox is empty or the bus refused. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    this.claimWanted = true;
    // Runs as the current pass, so a kick meanwhile waits instead of publishing later rows alongside (out of order).
    this.running = this.pass();
    await this.running;
  }

  private pass(): Promise<void> {
    return this.drain().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        // What the kicks asked for (handed rows, a claim) is in the relay's state already.
        this.again = false;
        this.running = this.pass();
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

  private take(committed: CommittedRow[]): void {
    if (committed.length === 0) return;
    if (!this.behind && this.handed.length + committed.length > MAX_HANDED) this.behind = true;
    if (this.behind) this.toRelease.push(...committed.map((r) => r.seq));
    else this.handed.push(...committed);
  }

  /** Order: releases, then claims (older rows), then handed rows, then their "sent" mark. */
  private async drain(): Promise<void> {
    try {
      for (;;) {
        if (this.behind && this.handed.length) this.toRelease.push(...this.handed.splice(0).map((r) => r.seq));
        if (this.toRelease.length) {
          await this.releaseClaims(this.toRelease.splice(0));
          continue;
        }
        if (this.claimWanted) {
          if (!(await this.claimAndPublish())) return;
          continue;
        }
        if (this.handed.length) {
          await this.publishHanded(this.handed.splice(0, this.batchSize));
          continue;
        }
        if (!this.unmarked.length) return;
        await this.markSent(this.unmarked.splice(0));
      }
    } catch (err) {
      this.claimWanted = true;
      this.options.logger.warn({ err }, 'outbox relay pass failed; will retry');
    }
  }

  /** One claim and its publish; false when the bus refused (the pass ends, the timer retries). */
  private async claimAndPublish(): Promise<boolean> {
    this.claimWanted = false;
    const batch = await this.claim();
    if (batch.length === 0) {
      // Caught up, unless rows were given back meanwhile (they go first, then the claim runs again).
      if (this.toRelease.length === 0) this.behind = false;
      return true;
    }
    this.claimWanted = true; // there may be more
    if ((await this.publish(batch)) === batch.length) return true;
    this.fellBehind();
    return false;
  }

  private fellBehind(): void {
    this.behind = true;
    this.claimWanted = true;
  }

  /** Gives handed rows back to the claim, which publishes them in seq order. */
  private async releaseClaims(seqs: string[]): Promise<void> {
    await this.sql(`update ${this.table} set claimed_until = null where seq = any(?::bigint[])`, [`{${seqs.join(',')}}`]);
    this.claimWanted = true;
  }

  /** Publishes rows handed over at commit; their "sent" mark waits until no handed row does. */
  private async publishHanded(rows: CommittedRow[]): Promise<void> {
    const { sent, failure } = await this.send(rows);
    this.unmarked.push(...sent);
    if (failure) {
      await this.release(rows.map((r) => r.seq).slice(sent.length), failure);
      this.fellBehind();
    }
  }

  private async markSent(seqs: string[]): Promise<void> {
    await this.sql(`update ${this.table} set sent_at = now(), last_error = null where seq = any(?::bigint[])`, [`{${seqs.join(',')}}`]);
  }

  /** Releases the claim of rows not published so the next pass retries them promptly, in order. */
  private async release(unsent: string[], failure: { seq: string; message: string }): Promise<void> {
    await this.sql(`update ${this.table} set claimed_until = null, last_error = case when seq = ? then ? else last_error end where seq = any(?::bigint[])`, [failure.seq, failure.message, `{${unsent.join(',')}}`]);
    this.options.logger.warn({ error: failure.message, pending: unsent.length }, 'event bus unavailable; events stay in the outbox');
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
    if (sent.length) await this.markSent(sent);
    if (failure) await this.release(batch.map((r) => r.seq).slice(sent.length), failure);
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
