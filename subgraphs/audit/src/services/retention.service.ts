import { mkdirSync, openSync, writeSync, fsyncSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  EventTypes, createEvent, eventOrigin, keysetPage, NotFoundError, qualified, recordEvents, requireRole,
  InvalidTransitionError, ValidationError, type BaseContext, type Connection, type DomainEvent, type NewEvent, type SortKey, type AuditPrunedData, type LegalHoldPlacedData, type LegalHoldReleasedData, type RetentionPolicyChangedData,
} from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LegalHold, RetentionPolicy } from '../entities/index.js';
import { AuditCategories, type AuditCategory } from '../entities/enums.js';
import { SOURCE, type AuditDeps } from '../deps.js';
import { lockHead, sqlOn } from './chain.js';
import { ENTRY_COLUMNS, rowFromDb } from './entry-row.js';
import { LockMode } from '@mikro-orm/core';

/** Holds are listed newest placed first; the id breaks ties. */
const NEWEST_PLACED_FIRST: SortKey[] = [{ field: 'placedAt', dir: 'desc', kind: 'date' }, { field: 'id', dir: 'desc', kind: 'string' }];

const MAX_RETAIN_DAYS = 36_500;
const MAX_REASON = 2_000;
/** Entries removed per run at most, so one transaction stays a reasonable size. */
export const MAX_PRUNE_PER_RUN = 100_000;
const ARCHIVE_BATCH = 1_000;

export interface PlaceLegalHoldInput {
  subjectId?: string | null;
  from?: Date | null;
  to?: Date | null;
  reason: string;
}

export interface PruneResult {
  dryRun: boolean;
  pruned: number;
  fromSeq: number | null;
  toSeq: number | null;
  anchorHash: string | null;
  archiveFile: string | null;
}

function reasonText(field: string, value: string): string {
  const text = (value ?? '').trim();
  if (text.length === 0 || text.length > MAX_REASON) throw ValidationError.field(field, `must be 1-${MAX_REASON} characters`);
  return text;
}

/** Retention policies, legal holds and pruning. ADMIN only; every change is itself an audit event. */
export class RetentionService {
  constructor(private readonly deps: AuditDeps, private readonly ctx: BaseContext) {}

  private admin(): void {
    requireRole(this.ctx.principal, 'ADMIN');
  }

  private event<T>(event: NewEvent<T>): DomainEvent {
    return createEvent(eventOrigin(this.ctx, SOURCE), event, this.deps.now()) as DomainEvent;
  }

  async policies(): Promise<RetentionPolicy[]> {
    this.admin();
    return this.ctx.em.find(RetentionPolicy, {}, { orderBy: { category: 'asc' } });
  }

  async setPolicy(category: AuditCategory, retainDays: number): Promise<RetentionPolicy> {
    this.admin();
    if (!AuditCategories.includes(category)) throw ValidationError.field('category', `must be one of ${AuditCategories.join(', ')}`);
    if (!Number.isInteger(retainDays) || retainDays < 1 || retainDays > MAX_RETAIN_DAYS) throw ValidationError.field('retainDays', `must be 1-${MAX_RETAIN_DAYS}`);
    return this.ctx.em.transactional(async (em) => {
      const policy = await em.findOneOrFail(RetentionPolicy, { category }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const before = { retainDays: policy.retainDays };
      policy.retainDays = retainDays;
      policy.updatedAt = this.deps.now();
      policy.updatedBy = this.ctx.principal.userId;
      await em.flush();
      await recordEvents(em, this.deps.schema, [this.event({
        type: EventTypes.RetentionPolicyChanged, subject: { type: 'RetentionPolicy', id: category }, data: { category, retainDays } satisfies RetentionPolicyChangedData, before, after: { retainDays },
      })]);
      return policy;
    });
  }

  async placeHold(input: PlaceLegalHoldInput): Promise<LegalHold> {
    this.admin();
    const reason = reasonText('input.reason', input.reason);
    const subjectId = input.subjectId?.trim() || null;
    if (subjectId && subjectId.length > 100) throw ValidationError.field('input.subjectId', 'must be at most 100 characters');
    if (!subjectId && !input.from && !input.to) throw ValidationError.field('input', 'give a subjectId, a time range, or both');
    if (input.from && input.to && input.from > input.to) throw ValidationError.field('input.to', 'must not be before input.from');
    return this.ctx.em.transactional(async (em) => {
      const hold = em.create(LegalHold, {
        subjectId, fromTime: input.from ?? null, toTime: input.to ?? null, reason, placedBy: this.ctx.principal.userId, placedAt: this.deps.now(),
      });
      await em.flush();
      await recordEvents(em, this.deps.schema, [this.event({
        type: EventTypes.LegalHoldPlaced, subject: { type: 'LegalHold', id: hold.id }, reason,
        data: { subjectId, from: hold.fromTime?.toISOString() ?? null, to: hold.toTime?.toISOString() ?? null, reason } satisfies LegalHoldPlacedData,
        after: { active: true },
      })]);
      return hold;
    });
  }

  async releaseHold(id: string, reasonInput: string): Promise<LegalHold> {
    this.admin();
    const reason = reasonText('reason', reasonInput);
    return this.ctx.em.transactional(async (em) => {
      const hold = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(LegalHold, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!hold) throw new NotFoundError('LegalHold', id);
      if (hold.releasedAt) throw new InvalidTransitionError(`Legal hold ${id} was already released`, { field: 'id' });
      hold.releasedAt = this.deps.now();
      hold.releasedBy = this.ctx.principal.userId;
      hold.releaseReason = reason;
      await em.flush();
      await recordEvents(em, this.deps.schema, [this.event({
        type: EventTypes.LegalHoldReleased, subject: { type: 'LegalHold', id }, reason,
        data: { subjectId: hold.subjectId ?? null, reason } satisfies LegalHoldReleasedData, before: { active: true }, after: { active: false },
      })]);
      return hold;
    });
  }

  async holds(includeReleased: boolean, first: number | null | undefined, after: string | null | undefined): Promise<Connection<LegalHold>> {
    this.admin();
    const where = includeReleased ? {} : { releasedAt: null };
    return keysetPage<LegalHold>(this.ctx.em, LegalHold, where, NEWEST_PLACED_FIRST, { first, after });
  }

  /**
   * Removes the longest run of oldest entries that are all beyond their category's retention and
   * under no active hold (a prefix of the chain, so what remains stays one verifiable chain). The
   * entries are written to an archive file first; the hash of the last one removed is kept as an
   * ANCHOR checkpoint; the run itself is recorded as an AuditPruned event.
   */
  async prune(dryRun: boolean): Promise<PruneResult> {
    this.admin();
    return this.ctx.em.transactional(async (em) => {
      const head = await lockHead(em, this.deps.schema);
      const range = await this.prunableRange(em, head.lastSeq);
      const result = range ? await this.removeRange(em, range, dryRun) : { dryRun, pruned: 0, fromSeq: null, toSeq: null, anchorHash: null, archiveFile: null };
      // Every real run is recorded, including one that found nothing to remove.
      if (!dryRun) {
        await recordEvents(em, this.deps.schema, [this.event({
          type: EventTypes.AuditPruned, subject: { type: 'AuditTrail', id: 'audit' },
          data: { fromSeq: result.fromSeq, toSeq: result.toSeq, pruned: result.pruned, anchorHash: result.anchorHash, archiveFile: result.archiveFile } satisfies AuditPrunedData,
        })]);
      }
      return result;
    });
  }

  /** Archives, anchors and deletes one range, inside the pruning transaction (the only DELETE the trigger lets through). */
  private async removeRange(em: EntityManager, range: { from: number; to: number }, dryRun: boolean): Promise<PruneResult> {
    const sql = sqlOn(em);
    const entries = qualified(this.deps.schema, 'audit_entry');
    const [anchor] = await sql<{ id: string; hash: string }>(`select id, hash from ${entries} where seq = ?`, [range.to]);
    const pruned = range.to - range.from + 1;
    if (dryRun) return { dryRun, pruned, fromSeq: range.from, toSeq: range.to, anchorHash: anchor!.hash, archiveFile: null };
    const archiveFile = await this.archive(em, range.from, range.to);
    await sql(`select set_config('audit.pruning', 'on', true)`);
    await sql(`insert into ${qualified(this.deps.schema, 'audit_checkpoint')} (seq, entry_id, hash, kind, created_at) values (?, ?, ?, 'ANCHOR', ?) on conflict (seq) do nothing`,
      [range.to, anchor!.id, anchor!.hash, this.deps.now()]);
    await sql(`delete from ${entries} where seq >= ? and seq <= ?`, [range.from, range.to]);
    await sql(`select set_config('audit.pruning', 'off', true)`);
    return { dryRun, pruned, fromSeq: range.from, toSeq: range.to, anchorHash: anchor!.hash, archiveFile };
  }

  /** First retained seq up to (not including) the first entry that must be kept. */
  private async prunableRange(em: EntityManager, lastSeq: number): Promise<{ from: number; to: number } | null> {
    const s = this.deps.schema;
    const [row] = await sqlOn(em)<{ first: string | null; kept: string | null }>(
      `select (select min(seq) from ${qualified(s, 'audit_entry')}) as first,
        (select min(e.seq) from ${qualified(s, 'audit_entry')} e left join ${qualified(s, 'retention_policy')} p on p.category = e.category
          where p.retain_days is null
             or e.occurred_at >= ?::timestamptz - make_interval(days => p.retain_days)
             or exists (select 1 from ${qualified(s, 'legal_hold')} h where h.released_at is null
                  and (h.subject_id is null or h.subject_id in (e.subject_id, e.sample_id, e.submission_id))
                  and (h.from_time is null or e.occurred_at >= h.from_time)
                  and (h.to_time is null or e.occurred_at <= h.to_time))) as kept`,
      [this.deps.now()],
    );
    if (!row?.first) return null;
    const from = Number(row.first);
    const to = Math.min((row.kept === null ? lastSeq + 1 : Number(row.kept)) - 1, from + MAX_PRUNE_PER_RUN - 1);
    return to >= from ? { from, to } : null;
  }

  /** Writes the entries about to be removed to a JSON file (same shape as the JSON export) and syncs it. */
  private async archive(em: EntityManager, from: number, to: number): Promise<string> {
    const dir = resolve(this.deps.config.AUDIT_ARCHIVE_DIR);
    mkdirSync(dir, { recursive: true });
    const stamp = this.deps.now().toISOString().replace(/[:.]/g, '-');
    const file = join(dir, `audit-archive-${from}-${to}-${stamp}.json`);
    const fd = openSync(file, 'wx');
    try {
      writeSync(fd, `{"export_info":${JSON.stringify({ timestamp: this.deps.now().toISOString(), fromSeq: from, toSeq: to, total_records: to - from + 1, reason: 'retention pruning' })},"entries":[\n`);
      const entries = qualified(this.deps.schema, 'audit_entry');
      for (let next = from, firstRow = true; next <= to; next += ARCHIVE_BATCH) {
        const rows = await sqlOn(em)(`select ${ENTRY_COLUMNS} from ${entries} where seq >= ? and seq <= ? order by seq`, [next, Math.min(to, next + ARCHIVE_BATCH - 1)]);
        for (const row of rows) {
          writeSync(fd, `${firstRow ? '' : ',\n'}${JSON.stringify(rowFromDb(row))}`);
          firstRow = false;
        }
      }
      writeSync(fd, '\n]}\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return file;
  }
}
