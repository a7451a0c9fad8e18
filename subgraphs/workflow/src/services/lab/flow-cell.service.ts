import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError, EventTypes, ForbiddenError, NEWEST_FIRST, executeBound, qualified, NotFoundError, Problems, ValidationError, createEvent, eventOrigin, isUuid,
  keysetPage, recordEvents, requireRead, requireWrite, type BaseContext, type Connection, type DomainEvent, type EventSubject,
  type FlowCellCheckedData, type FlowCellFacts, type FlowCellPickedData, type FlowCellReceivedData, type FlowCellRetiredData,
  type FlowCellStockLowData, type FlowCellWashedData, type PageArgs,
} from '@app/common';
import { FlowCell, FlowCellPoreCount, FlowCellWash, PoolMember } from '../../entities/index.js';
import type { FlowCellStatus, PoreCountKind } from '../../entities/lab-enums.js';
import { SOURCE, type WorkflowDeps } from '../../deps.js';
import type { WorkflowLoaders } from '../../loaders/index.js';
import { FLOW_CELL_SERIAL, FlowCellProductCodes, FlowCellProducts, WASH_KIT, isFlowCellProduct, type FlowCellProductCode } from './flow-cell-products.js';
import { InRunStatuses, StockStatuses, move, requireMove } from './flow-cell-states.js';

export interface ReceiveFlowCellInput {
  productCode: string; serial: string; lot?: string | null; receivedAt?: Date | null; expiresAt: Date; storageLocation?: string | null;
}
export interface CheckFlowCellInput { poreCount: number; checkedAt?: Date | null; notes?: string | null }
export interface WashFlowCellInput { washKit: string; poreCountAtEnd?: number | null; washedAt?: Date | null; notes?: string | null }
export interface RetireFlowCellInput { reason: string; poreCountAtEnd?: number | null }
export interface FlowCellFilter extends PageArgs { status?: FlowCellStatus | null; productCode?: string | null; flaggedForReturn?: boolean | null }
/** What a cell is picked for: a sample's SEQUENCING_SETUP step, or a pool. */
export interface PickFor { sampleId?: string | null; labId?: string | null; stepId?: string | null; poolId?: string | null; poreCount?: number | null }
export interface FlowCellStock { productCode: string; description: string; available: number; threshold: number; low: boolean; expiringSoon: number; inRun: number }

const MAX_RECEIVE = 100;
const MAX_PORES = 20_000;
const DAY_MS = 86_400_000;
/** Times people enter (checked at, washed at) may be a little ahead of the server's clock, never days. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const facts = (c: FlowCell): FlowCellFacts => ({ productCode: c.productCode, serial: c.serial, lot: c.lot ?? null, status: c.status });

/**
 * The flow-cell inventory (issue #15 point 1): receiving, platform checks against the product's
 * warranty pore count, picking for a run (row-locked, so a cell is never picked twice), washes and
 * retirement, with the low-stock alert raised in the same transaction as the change that causes it.
 * Flow cells are facility stock: STAFF and ADMIN change them; readers are staff, viewers and
 * API tokens with workflow:read; submitters see none (they see their own lab's pools).
 */
export class FlowCellService {
  constructor(private readonly deps: WorkflowDeps, private readonly ctx: BaseContext, private readonly loaders: WorkflowLoaders) {}

  requireManager(): void {
    requireWrite(this.ctx.principal, 'workflow:write', 'ADMIN', 'STAFF');
  }

  requireReader(): void {
    requireRead(this.ctx.principal, 'workflow:read');
    if (this.ctx.principal.kind !== 'service' && this.ctx.principal.role === 'SUBMITTER') {
      throw new ForbiddenError('Flow cells are facility inventory; submitters see their own lab\'s pools, not the stock');
    }
  }

  warrantyOf(productCode: string): number {
    return isFlowCellProduct(productCode) ? this.deps.config.lab.warrantyPores[productCode] : 0;
  }

  byId(id: string): Promise<FlowCell | null> {
    this.requireReader();
    return this.loaders.flowCellById.load(id);
  }

  /** For fields that point at a cell (a pool's, a step's): the cell, or null for callers who may not read the inventory. */
  readable(id: string): Promise<FlowCell | null> {
    try {
      this.requireReader();
    } catch {
      return Promise.resolve(null);
    }
    return this.loaders.flowCellById.load(id);
  }

  list(args: FlowCellFilter): Promise<Connection<FlowCell>> {
    this.requireReader();
    const where: Record<string, unknown> = {};
    if (args.status) where.status = args.status;
    if (args.productCode) where.productCode = args.productCode.trim().toUpperCase();
    if (args.flaggedForReturn !== null && args.flaggedForReturn !== undefined) where.flaggedForReturn = args.flaggedForReturn;
    return keysetPage<FlowCell>(this.ctx.em, FlowCell, where, NEWEST_FIRST, args);
  }

  poreCounts(cell: FlowCell, args: PageArgs): Promise<Connection<FlowCellPoreCount>> {
    return keysetPage<FlowCellPoreCount>(this.ctx.em, FlowCellPoreCount, { flowCell: cell.id }, NEWEST_FIRST, args);
  }

  washes(cell: FlowCell, args: PageArgs): Promise<Connection<FlowCellWash>> {
    return keysetPage<FlowCellWash>(this.ctx.em, FlowCellWash, { flowCell: cell.id }, NEWEST_FIRST, args);
  }

  /** Per product ever stocked: usable cells against the low-stock threshold, unused cells expiring soon, cells in a run. */
  async stock(): Promise<FlowCellStock[]> {
    this.requireReader();
    const now = this.deps.now();
    const soon = new Date(now.getTime() + this.deps.config.lab.expiryWarningDays * DAY_MS);
    const [cells, stocked] = await Promise.all([
      this.ctx.em.find(FlowCell, { status: { $in: [...StockStatuses, ...InRunStatuses] } }, { fields: ['productCode', 'status', 'expiresAt', 'flaggedForReturn'] }),
      executeBound<{ product_code: string }[]>(this.ctx.em, `select distinct product_code from ${qualified(this.deps.schema, 'flow_cell')}`, []),
    ]);
    // Products the facility has ever stocked: one it never buys is not "low".
    const known = new Set(stocked.map((r) => r.product_code));
    return FlowCellProductCodes.filter((code) => known.has(code)).map((code) => {
      const mine = cells.filter((c) => c.productCode === code);
      const usable = mine.filter((c) => StockStatuses.includes(c.status) && !c.flaggedForReturn && c.expiresAt > now);
      const threshold = this.deps.config.lab.lowStock[code];
      return {
        productCode: code, description: FlowCellProducts[code].description, available: usable.length, threshold,
        low: threshold > 0 && usable.length < threshold, expiringSoon: usable.filter((c) => c.expiresAt <= soon).length,
        inRun: mine.filter((c) => InRunStatuses.has(c.status)).length,
      };
    });
  }

  /** Receives a delivery of 1–100 cells; every problem of every row is reported at once, by row. */
  async receive(inputs: ReceiveFlowCellInput[]): Promise<FlowCell[]> {
    this.requireManager();
    const now = this.deps.now();
    if (!Array.isArray(inputs) || inputs.length < 1 || inputs.length > MAX_RECEIVE) throw ValidationError.field('input', `must list 1-${MAX_RECEIVE} flow cells`);
    const problems = new Problems();
    const rows = inputs.map((input, i) => {
      const at = `input.${i}`;
      const productCode = input.productCode?.trim().toUpperCase() ?? '';
      if (!isFlowCellProduct(productCode)) problems.add(`${at}.productCode`, `"${input.productCode}" is not a current flow cell product; use one of ${FlowCellProductCodes.join(', ')}`);
      const serial = input.serial?.trim().toUpperCase() ?? '';
      if (!FLOW_CELL_SERIAL.test(serial)) problems.add(`${at}.serial`, 'must be a flow cell id such as FAW12345 (5-12 letters and digits)');
      const lot = problems.text(`${at}.lot`, input.lot, { required: false, max: 50, pattern: 'identifier' });
      const storageLocation = problems.text(`${at}.storageLocation`, input.storageLocation, { required: false, max: 100, pattern: 'name' });
      const receivedAt = this.pastTime(problems, `${at}.receivedAt`, input.receivedAt, now) ?? now;
      const expiresAt = input.expiresAt instanceof Date && !Number.isNaN(input.expiresAt.getTime()) ? input.expiresAt : null;
      if (!expiresAt) problems.add(`${at}.expiresAt`, 'is required (the date on the pack)');
      else if (expiresAt <= receivedAt) problems.add(`${at}.expiresAt`, 'must be after receivedAt');
      else if (expiresAt.getTime() > receivedAt.getTime() + 5 * 365 * DAY_MS) problems.add(`${at}.expiresAt`, 'must be within 5 years of receipt');
      return { productCode, serial, lot, storageLocation, receivedAt, expiresAt: expiresAt ?? now };
    });
    const seen = new Map<string, number>();
    rows.forEach((r, i) => {
      if (!r.serial) return;
      if (seen.has(r.serial)) problems.add(`input.${i}.serial`, `${r.serial} is listed twice (also row ${seen.get(r.serial)})`);
      else seen.set(r.serial, i);
    });
    const known = seen.size ? await this.ctx.em.find(FlowCell, { serial: { $in: [...seen.keys()] } }, { fields: ['serial', 'status'] }) : [];
    for (const k of known) problems.add(`input.${seen.get(k.serial)}.serial`, `${k.serial} is already in the inventory (${k.status})`);
    problems.throwIfAny();
    return this.ctx.em.transactional(async (em) => {
      const cells = rows.map((r) => em.create(FlowCell, {
        ...r, status: 'IN_STOCK', receivedById: this.ctx.principal.userId, createdAt: now, updatedAt: now,
      }));
      await this.flushUnique(em, 'a flow cell with one of these ids was received at the same time');
      await this.emit(em, cells.map((c) => this.event(EventTypes.FlowCellReceived, c, {
        ...facts(c), receivedAt: c.receivedAt.toISOString(), expiresAt: c.expiresAt.toISOString(), storageLocation: c.storageLocation ?? null,
      } satisfies FlowCellReceivedData, now)));
      return cells;
    });
  }

  /**
   * A platform check. On an unused cell it moves to CHECKED, or to FAILED_CHECK and flagged for
   * return when the count is below the product's warranty pore count; on a WASHED cell it is
   * recorded (the cell stays WASHED: the warranty covers unused cells only).
   */
  async check(id: string, input: CheckFlowCellInput): Promise<FlowCell> {
    this.requireManager();
    const now = this.deps.now();
    const problems = new Problems();
    const poreCount = problems.number('input.poreCount', input.poreCount, { min: 0, max: MAX_PORES, integer: true });
    const at = this.pastTime(problems, 'input.checkedAt', input.checkedAt, now) ?? now;
    const notes = problems.text('input.notes', input.notes, { required: false, max: 2000, multiline: true });
    problems.throwIfAny();
    return this.ctx.em.transactional(async (em) => {
      const cell = await this.lock(em, id);
      const threshold = this.warrantyOf(cell.productCode);
      const below = poreCount! < threshold;
      const previousStatus = cell.status;
      const events: DomainEvent[] = [];
      if (cell.status !== 'WASHED') {
        const wasUsable = this.usable(cell, now);
        move(cell, below ? 'FAILED_CHECK' : 'CHECKED', 'be checked');
        if (below) {
          cell.flaggedForReturn = true;
          cell.returnReason = `Platform check on ${at.toISOString().slice(0, 10)}: ${poreCount} pores, below the ${threshold}-pore warranty of ${cell.productCode}`;
        }
        if (wasUsable && below) events.push(...(await this.stockAlert(em, cell.productCode, now)));
      }
      this.count(em, cell, 'PLATFORM_CHECK', poreCount!, at, now, { notes });
      cell.updatedAt = now;
      await em.flush();
      events.unshift(this.event(EventTypes.FlowCellChecked, cell, {
        ...facts(cell), poreCount: poreCount!, warrantyThreshold: threshold, belowWarranty: below, flaggedForReturn: cell.flaggedForReturn, previousStatus,
      } satisfies FlowCellCheckedData, now, { before: { status: previousStatus }, after: { status: cell.status }, reason: notes }));
      await this.emit(em, events);
      return cell;
    });
  }

  /**
   * Locks a cell for picking inside the caller's transaction (`em` is the transactional one; the
   * caller already holds its own row lock, so lock order is always theirs, then the cell).
   */
  lockForPick(em: EntityManager, id: string, field: string): Promise<FlowCell> {
    if (!isUuid(id)) throw ValidationError.field(field, 'must be the id of a flow cell in the inventory');
    return this.lock(em, id);
  }

  /**
   * Takes a locked cell for a run: CHECKED → IN_USE, WASHED → REUSED. A cell already in a run is
   * refused (CONFLICT), except for a sample of the pool that run was picked for, which shares it
   * (`shared: true`, nothing changes). Unchecked, failed, retired or expired cells are refused.
   */
  async pickLocked(em: EntityManager, cell: FlowCell, pick: PickFor, now: Date): Promise<{ cell: FlowCell; shared: boolean }> {
    if (InRunStatuses.has(cell.status)) {
      if (pick.sampleId && cell.loadedSampleId === pick.sampleId) return { cell, shared: true };
      if (pick.sampleId && cell.loadedPoolId && (await em.count(PoolMember, { pool: cell.loadedPoolId, sampleId: pick.sampleId })) > 0) return { cell, shared: true };
      const holder = cell.loadedPoolId ? `pool ${cell.loadedPoolId}` : `sample ${cell.loadedSampleId}`;
      throw new ConflictError(`Flow cell ${cell.serial} is already ${cell.status} (picked for ${holder} at ${cell.loadedAt?.toISOString()}); a cell in a run cannot be picked again until it is washed`,
        { flowCellId: cell.id, serial: cell.serial, status: cell.status, loadedPoolId: cell.loadedPoolId ?? null, loadedSampleId: cell.loadedSampleId ?? null });
    }
    if (cell.status === 'IN_STOCK') {
      throw new ConflictError(`Flow cell ${cell.serial} has not been checked yet; run a platform check (checkFlowCell) before picking it`,
        { flowCellId: cell.id, serial: cell.serial, status: cell.status });
    }
    const to: FlowCellStatus = cell.status === 'WASHED' ? 'REUSED' : 'IN_USE';
    requireMove(cell, to, 'be picked for a run');
    if (cell.expiresAt <= now) {
      throw new ConflictError(`Flow cell ${cell.serial} expired on ${cell.expiresAt.toISOString().slice(0, 10)}; pick another one`, { flowCellId: cell.id, serial: cell.serial });
    }
    const wasUsable = this.usable(cell, now);
    const previousStatus = move(cell, to, 'be picked for a run');
    cell.useCount += 1;
    cell.loadedPoolId = pick.poolId ?? null;
    cell.loadedSampleId = pick.poolId ? null : (pick.sampleId ?? null);
    cell.loadedAt = now;
    cell.updatedAt = now;
    if (pick.poreCount !== null && pick.poreCount !== undefined) this.count(em, cell, 'RUN_START', pick.poreCount, now, now, { sampleId: pick.sampleId, poolId: pick.poolId });
    await em.flush();
    const subject: Partial<EventSubject> = pick.sampleId && !pick.poolId ? { sampleId: pick.sampleId, labId: pick.labId ?? null } : {};
    const events = [this.event(EventTypes.FlowCellPicked, cell, {
      ...facts(cell), previousStatus, useCount: cell.useCount, sampleId: pick.poolId ? null : (pick.sampleId ?? null), poolId: pick.poolId ?? null,
      stepId: pick.stepId ?? null, poreCount: pick.poreCount ?? null,
    } satisfies FlowCellPickedData, now, { before: { status: previousStatus }, after: { status: cell.status }, subject })];
    if (wasUsable) events.push(...(await this.stockAlert(em, cell.productCode, now)));
    await this.emit(em, events);
    return { cell, shared: false };
  }

  /** Ends a run with a wash (IN_USE or REUSED → WASHED), recording the kit and the run's last pore count. */
  async wash(id: string, input: WashFlowCellInput): Promise<FlowCell> {
    this.requireManager();
    const now = this.deps.now();
    const problems = new Problems();
    const washKit = input.washKit?.trim().toUpperCase() ?? '';
    if (!WASH_KIT.test(washKit)) problems.add('input.washKit', 'must be an ONT wash kit such as EXP-WSH004');
    const poreCountAtEnd = problems.number('input.poreCountAtEnd', input.poreCountAtEnd, { min: 0, max: MAX_PORES, integer: true });
    const at = this.pastTime(problems, 'input.washedAt', input.washedAt, now) ?? now;
    const notes = problems.text('input.notes', input.notes, { required: false, max: 2000, multiline: true });
    problems.throwIfAny();
    return this.ctx.em.transactional(async (em) => {
      const cell = await this.lock(em, id);
      const previousStatus = move(cell, 'WASHED', 'be washed');
      if (poreCountAtEnd !== null) this.count(em, cell, 'RUN_END', poreCountAtEnd, at, now, { sampleId: cell.loadedSampleId, poolId: cell.loadedPoolId });
      em.create(FlowCellWash, { flowCell: cell, washKit, at, byId: this.ctx.principal.userId, byName: this.ctx.principal.name, notes, createdAt: now });
      cell.washCount += 1;
      this.unload(cell, now);
      await em.flush();
      await this.emit(em, [this.event(EventTypes.FlowCellWashed, cell, {
        ...facts(cell), washKit, washCount: cell.washCount, poreCountAtEnd, previousStatus,
      } satisfies FlowCellWashedData, now, { before: { status: previousStatus }, after: { status: cell.status }, reason: notes })]);
      return cell;
    });
  }

  /** Retires a cell for good (spent, damaged, or returned to ONT after a failed check), with a reason. */
  async retire(id: string, input: RetireFlowCellInput): Promise<FlowCell> {
    this.requireManager();
    const now = this.deps.now();
    const problems = new Problems();
    const reason = problems.text('input.reason', input.reason, { max: 2000, multiline: true });
    const poreCountAtEnd = problems.number('input.poreCountAtEnd', input.poreCountAtEnd, { min: 0, max: MAX_PORES, integer: true });
    problems.throwIfAny();
    return this.ctx.em.transactional(async (em) => {
      const cell = await this.lock(em, id);
      const wasUsable = this.usable(cell, now);
      const inRun = InRunStatuses.has(cell.status);
      const previousStatus = move(cell, 'RETIRED', 'be retired');
      if (poreCountAtEnd !== null && inRun) this.count(em, cell, 'RUN_END', poreCountAtEnd, now, now, { sampleId: cell.loadedSampleId, poolId: cell.loadedPoolId });
      this.unload(cell, now);
      await em.flush();
      const events = [this.event(EventTypes.FlowCellRetired, cell, {
        ...facts(cell), previousStatus, flaggedForReturn: cell.flaggedForReturn, poreCountAtEnd,
      } satisfies FlowCellRetiredData, now, { before: { status: previousStatus }, after: { status: cell.status }, reason })];
      if (wasUsable) events.push(...(await this.stockAlert(em, cell.productCode, now)));
      await this.emit(em, events);
      return cell;
    });
  }

  // ── helpers ──

  private async lock(em: EntityManager, id: string): Promise<FlowCell> {
    const cell = isUuid(id) ? await em.findOne(FlowCell, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!cell) throw new NotFoundError('FlowCell', id);
    return cell;
  }

  private usable(cell: FlowCell, now: Date): boolean {
    return StockStatuses.includes(cell.status) && !cell.flaggedForReturn && cell.expiresAt > now;
  }

  private unload(cell: FlowCell, now: Date): void {
    cell.loadedPoolId = null;
    cell.loadedSampleId = null;
    cell.loadedAt = null;
    cell.updatedAt = now;
  }

  /** Adds a pore count to the cell's history (inside the caller's transaction; `em` is the transactional one). */
  count(em: EntityManager, cell: FlowCell, kind: PoreCountKind, poreCount: number, at: Date, now: Date,
    extra: { notes?: string | null; sampleId?: string | null; poolId?: string | null } = {}): void {
    const warrantyThreshold = this.warrantyOf(cell.productCode);
    em.create(FlowCellPoreCount, {
      flowCell: cell, kind, poreCount, warrantyThreshold, belowWarranty: poreCount < warrantyThreshold, at,
      byId: this.ctx.principal.userId, byName: this.ctx.principal.name, sampleId: extra.sampleId ?? null, poolId: extra.poolId ?? null,
      notes: extra.notes ?? null, createdAt: now,
    });
    cell.latestPoreCount = poreCount;
  }

  /** FlowCellStockLow when the product's usable cells, after this change, are fewer than its threshold. */
  private async stockAlert(em: EntityManager, productCode: string, now: Date): Promise<DomainEvent[]> {
    if (!isFlowCellProduct(productCode)) return [];
    const threshold = this.deps.config.lab.lowStock[productCode as FlowCellProductCode];
    if (threshold <= 0) return [];
    await em.flush();
    const available = await em.count(FlowCell, { productCode, status: { $in: [...StockStatuses] }, flaggedForReturn: false, expiresAt: { $gt: now } });
    if (available >= threshold) return [];
    return [createEvent(eventOrigin(this.ctx, SOURCE), {
      type: EventTypes.FlowCellStockLow, subject: { type: 'FlowCellProduct', id: productCode },
      data: { productCode, available, threshold } satisfies FlowCellStockLowData,
    }, now) as DomainEvent];
  }

  /** A time in the past (a little clock skew allowed), or null when not given. */
  private pastTime(problems: Problems, field: string, value: Date | null | undefined, now: Date): Date | null {
    if (value === null || value === undefined) return null;
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) { problems.add(field, 'is not a date-time'); return null; }
    if (value.getTime() > now.getTime() + CLOCK_SKEW_MS) { problems.add(field, 'must not be in the future'); return null; }
    if (value.getTime() < Date.UTC(2014, 0, 1)) { problems.add(field, 'must be after 2014 (the first nanopore flow cells)'); return null; }
    return value;
  }

  private async flushUnique(em: EntityManager, message: string): Promise<void> {
    try {
      await em.flush();
    } catch (err) {
      if ((err as Error).name === 'UniqueConstraintViolationException') throw new ConflictError(message);
      throw err;
    }
  }

  private event<T>(type: string, cell: FlowCell, data: T, now: Date,
    extra: { before?: Record<string, unknown>; after?: Record<string, unknown>; reason?: string | null; subject?: Partial<EventSubject> } = {}): DomainEvent {
    return createEvent(eventOrigin(this.ctx, SOURCE), {
      type, subject: { type: 'FlowCell', id: cell.id, ...extra.subject }, data, before: extra.before ?? null, after: extra.after ?? null, reason: extra.reason ?? null,
    }, now) as DomainEvent;
  }

  private emit(em: EntityManager, events: DomainEvent[]): Promise<void> {
    return recordEvents(em, this.deps.schema, events);
  }
}

