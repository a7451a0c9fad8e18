import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError, EventTypes, InvalidTransitionError, NEWEST_FIRST, NotFoundError, Problems, ValidationError, createEvent, eventOrigin, isUuid,
  keysetPage, labScope, recordEvents, requireRead, type BaseContext, type Connection, type DomainEvent, type PageArgs,
  type PoolEventData, type PoolLoadedData, type PoolMemberFacts,
} from '@app/common';
import { FlowCell, Pool, PoolMember, Workflow } from '../../entities/index.js';
import type { PoolStatus } from '../../entities/lab-enums.js';
import { SOURCE, type WorkflowDeps } from '../../deps.js';
import type { WorkflowLoaders } from '../../loaders/index.js';
import { BarcodeKits, barcodesOf, normaliseBarcode, normaliseKitCode, sampleSheetKit, sampleSheetName, type BarcodeKit } from './barcode-kits.js';
import type { FlowCellService } from './flow-cell.service.js';
import { RUN_SHEET_COLUMNS, aliasFromName, aliasProblem, minknowIdProblem, sampleSheetCsv, type SampleSheetRow } from './sample-sheet.js';

export interface PoolMemberInput { sampleId: string; barcode: string; molarRatio?: number | null; alias?: string | null }
export interface CreatePoolInput { name: string; barcodeKit: string; sequencingKit?: string | null; members?: PoolMemberInput[] | null }
export interface PoolFilter extends PageArgs { status?: PoolStatus | null }
export interface SuggestBarcodesArgs { barcodeKit?: string | null; poolId?: string | null; count?: number | null }
export interface BarcodeName { name: string; sampleSheetName: string }
export interface SampleSheet { filename: string; contentType: string; csv: string; rowCount: number; flowCellSerial: string; downloadPath: string }

const MAX_MEMBERS_PER_CALL = 96;
type NewMember = Omit<PoolMemberFacts, 'barcode'> & { barcode: string; sampleName: string; labId: string; alias: string | null };

const memberFacts = (m: { sampleId: string; barcode: string; molarRatio: number }): PoolMemberFacts => ({ sampleId: m.sampleId, barcode: m.barcode, molarRatio: m.molarRatio });
/** The lab a pool belongs to: its members' lab when they share one, else none (staff only). */
const labOfMembers = (members: { labId: string }[]) => {
  const labs = new Set(members.map((m) => m.labId));
  return labs.size === 1 ? [...labs][0]! : null;
};

/**
 * Pools (issue #15 point 2, minimal) and barcode rules (point 3): barcoded libraries of one kit
 * pooled onto one flow cell, each sample once, each barcode once, only the kit's barcodes, with every
 * problem reported per member naming the sample. Loading a pool picks its flow cell from stock.
 * STAFF and ADMIN manage pools; readers see every pool, submitters only their own lab's.
 */
export class PoolService {
  constructor(
    private readonly deps: WorkflowDeps, private readonly ctx: BaseContext, private readonly loaders: WorkflowLoaders,
    private readonly flowCells: FlowCellService,
  ) {}

  requireReader(): void {
    requireRead(this.ctx.principal, 'workflow:read');
  }

  /** The barcoding kits and their barcodes (reference data for every signed-in caller). */
  kits(): { kit: BarcodeKit; barcodes: BarcodeName[] }[] {
    this.requireReader();
    return [...BarcodeKits.values()].map((kit) => ({ kit, barcodes: barcodesOf(kit).map(named) }));
  }

  byId(id: string): Promise<Pool | null> {
    this.requireReader();
    return this.loaders.poolById.load(id);
  }

  async visible(id: string): Promise<Pool> {
    const pool = await this.byId(id);
    if (!pool) throw new NotFoundError('Pool', id);
    return pool;
  }

  list(args: PoolFilter): Promise<Connection<Pool>> {
    this.requireReader();
    const scope = labScope(this.ctx.principal);
    const where: Record<string, unknown> = scope === null ? {} : { labId: scope };
    if (args.status) where.status = args.status;
    return keysetPage<Pool>(this.ctx.em, Pool, where, NEWEST_FIRST, args);
  }

  members(pool: Pool): Promise<PoolMember[]> {
    return this.loaders.membersByPoolId.load(pool.id);
  }

  async create(input: CreatePoolInput): Promise<Pool> {
    this.flowCells.requireManager();
    const now = this.deps.now();
    const problems = new Problems();
    const name = problems.text('input.name', input.name, { max: 40 });
    const nameProblem = name ? minknowIdProblem(name) : null;
    if (nameProblem) problems.add('input.name', `${nameProblem}; it is the sample sheet's sample_id`);
    const kit = this.kitOf(problems, 'input.barcodeKit', input.barcodeKit);
    const sequencingKit = kit ? sequencingKitOf(problems, kit, input.sequencingKit) : null;
    const inputs = input.members ?? [];
    return this.ctx.em.transactional(async (em) => {
      const rows = kit ? await this.checkMembers(em, kit, [], inputs, 'input.members', problems) : [];
      problems.throwIfAny();
      const pool = em.create(Pool, {
        name: name!, barcodeKit: kit!.code, sequencingKit, labId: labOfMembers(rows), status: 'OPEN', memberCount: rows.length,
        createdById: this.ctx.principal.userId, createdAt: now, updatedAt: now,
      });
      for (const r of rows) em.create(PoolMember, { pool, ...r, createdAt: now });
      await this.flush(em);
      await this.emit(em, EventTypes.PoolCreated, pool, { ...this.poolFacts(pool), members: rows.map(memberFacts) } satisfies PoolEventData, now);
      return pool;
    });
  }

  async addMembers(poolId: string, inputs: PoolMemberInput[]): Promise<Pool> {
    this.flowCells.requireManager();
    const now = this.deps.now();
    return this.ctx.em.transactional(async (em) => {
      const pool = await this.lockOpen(em, poolId, 'add members to');
      const existing = await em.find(PoolMember, { pool }, { orderBy: { barcode: 'asc' } });
      const problems = new Problems();
      if (!inputs?.length) problems.add('members', 'must list at least one member');
      const rows = await this.checkMembers(em, BarcodeKits.get(pool.barcodeKit)!, existing, inputs ?? [], 'members', problems);
      problems.throwIfAny();
      for (const r of rows) em.create(PoolMember, { pool, ...r, createdAt: now });
      pool.memberCount = existing.length + rows.length;
      pool.labId = labOfMembers([...existing, ...rows]);
      pool.updatedAt = now;
      await this.flush(em);
      await this.emit(em, EventTypes.PoolMembersAdded, pool, { ...this.poolFacts(pool), members: rows.map(memberFacts) } satisfies PoolEventData, now);
      return pool;
    });
  }

  async removeMember(poolId: string, sampleId: string): Promise<Pool> {
    this.flowCells.requireManager();
    const now = this.deps.now();
    if (!isUuid(sampleId)) throw ValidationError.field('sampleId', 'must be a sample id (UUID)');
    return this.ctx.em.transactional(async (em) => {
      const pool = await this.lockOpen(em, poolId, 'remove members from');
      const existing = await em.find(PoolMember, { pool });
      const member = existing.find((m) => m.sampleId === sampleId);
      if (!member) throw new NotFoundError(`Member of pool ${pool.name} with sample`, sampleId);
      em.remove(member);
      const left = existing.filter((m) => m !== member);
      pool.memberCount = left.length;
      pool.labId = labOfMembers(left);
      pool.updatedAt = now;
      await em.flush();
      await this.emit(em, EventTypes.PoolMemberRemoved, pool, { ...this.poolFacts(pool), members: [memberFacts(member)] } satisfies PoolEventData, now);
      return pool;
    });
  }

  /** Puts the pool on one flow cell: the cell is picked from stock under its row lock, and the pool's members are then fixed. */
  async load(poolId: string, flowCellId: string): Promise<Pool> {
    this.flowCells.requireManager();
    const now = this.deps.now();
    return this.ctx.em.transactional(async (em) => {
      const pool = await this.lockOpen(em, poolId, 'load');
      if (pool.memberCount < 1) throw new InvalidTransitionError(`Pool ${pool.name} has no members; add its barcoded libraries first`, { poolId: pool.id });
      const locked = await this.flowCells.lockForPick(em, flowCellId, 'flowCellId');
      const { cell } = await this.flowCells.pickLocked(em, locked, { poolId: pool.id }, now);
      pool.status = 'LOADED';
      pool.flowCell = cell;
      pool.loadedAt = now;
      pool.updatedAt = now;
      await em.flush();
      await this.emit(em, EventTypes.PoolLoaded, pool, {
        name: pool.name, barcodeKit: pool.barcodeKit, memberCount: pool.memberCount, flowCellId: cell.id, serial: cell.serial, productCode: cell.productCode,
      } satisfies PoolLoadedData, now, { before: { status: 'OPEN' }, after: { status: 'LOADED' } });
      return pool;
    });
  }

  /** Free barcodes of a kit (or of a pool's kit, leaving out the ones its members use), in kit order. */
  async suggestBarcodes(args: SuggestBarcodesArgs): Promise<BarcodeName[]> {
    this.requireReader();
    const problems = new Problems();
    const count = problems.number('count', args.count, { min: 1, max: 96, integer: true });
    let kit: BarcodeKit | null = null;
    let used = new Set<string>();
    if (args.poolId) {
      const pool = await this.visible(args.poolId);
      kit = BarcodeKits.get(pool.barcodeKit)!;
      if (args.barcodeKit && normaliseKitCode(args.barcodeKit) !== kit.code) problems.add('barcodeKit', `pool ${pool.name} uses ${kit.code}; leave barcodeKit out or send that`);
      used = new Set((await this.members(pool)).map((m) => m.barcode));
    } else if (args.barcodeKit) {
      kit = this.kitOf(problems, 'barcodeKit', args.barcodeKit);
    } else {
      problems.add('barcodeKit', 'send a barcodeKit, or a poolId whose kit is used');
    }
    problems.throwIfAny();
    const free = barcodesOf(kit!).filter((b) => !used.has(b));
    return free.slice(0, count ?? free.length).map(named);
  }

  /**
   * The MinKNOW sample sheet of a loaded pool: one row per member, ordered by barcode. Aliases are
   * the member's alias, else its sample name made MinKNOW-safe; every alias that breaks MinKNOW's
   * rules (characters, length, barcode names, uniqueness) is refused naming its sample. A run's
   * sheet (`run`) adds the device position and its own download path.
   */
  async sampleSheet(poolId: string, experimentId: string, run?: { positionId: string; downloadPath: string }): Promise<SampleSheet> {
    const pool = await this.visible(poolId);
    const problems = new Problems();
    const experiment = experimentId?.trim() ?? '';
    const experimentProblem = minknowIdProblem(experiment);
    if (experimentProblem) problems.add('experimentId', experimentProblem);
    problems.throwIfAny();
    if (pool.status !== 'LOADED' || !pool.flowCell) {
      throw new InvalidTransitionError(`Pool ${pool.name} is not on a flow cell yet (it is ${pool.status}); load it (loadPool) before exporting its sample sheet`, { poolId: pool.id, status: pool.status });
    }
    const [cell, members] = await Promise.all([
      this.ctx.em.findOneOrFail(FlowCell, { id: pool.flowCell.id }),
      this.ctx.em.find(PoolMember, { pool }, { orderBy: { barcode: 'asc' } }),
    ]);
    const byAlias = new Map<string, PoolMember>();
    const rows: SampleSheetRow[] = members.map((m, i) => {
      const alias = m.alias ?? aliasFromName(m.sampleName);
      const label = `sample "${m.sampleName}" (${m.sampleId})`;
      const problem = aliasProblem(alias);
      if (problem) problems.add(`members.${i}.alias`, `${label}: alias "${alias}" ${problem}`);
      const other = byAlias.get(alias.toLowerCase());
      if (other) problems.add(`members.${i}.alias`, `${label}: alias "${alias}" is also the alias of sample "${other.sampleName}" (${other.sampleId}); MinKNOW needs unique aliases`);
      else byAlias.set(alias.toLowerCase(), m);
      return {
        flow_cell_id: cell.serial, kit: sampleSheetKit(pool.barcodeKit, pool.sequencingKit ?? null), sample_id: pool.name, experiment_id: experiment,
        barcode: sampleSheetName(m.barcode), alias, ...(run ? { position_id: run.positionId } : {}),
      };
    });
    problems.throwIfAny();
    return {
      filename: `sample_sheet_${cell.serial}_${experiment}.csv`, contentType: 'text/csv; charset=utf-8', csv: sampleSheetCsv(rows, run ? RUN_SHEET_COLUMNS : undefined), rowCount: rows.length,
      flowCellSerial: cell.serial, downloadPath: run?.downloadPath ?? `/lab/pools/${pool.id}/sample-sheet.csv?experimentId=${encodeURIComponent(experiment)}`,
    };
  }

  // ── helpers ──

  private kitOf(problems: Problems, field: string, raw: string | null | undefined): BarcodeKit | null {
    const kit = raw ? BarcodeKits.get(normaliseKitCode(raw)) : undefined;
    if (!kit) problems.add(field, `"${raw ?? ''}" is not a barcoding kit; use one of ${[...BarcodeKits.keys()].join(', ')}`);
    return kit ?? null;
  }

  private async lockOpen(em: EntityManager, poolId: string, doing: string): Promise<Pool> {
    const pool = isUuid(poolId) ? await em.findOne(Pool, { id: poolId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!pool) throw new NotFoundError('Pool', poolId);
    if (pool.status !== 'OPEN') {
      throw new InvalidTransitionError(`Cannot ${doing} pool ${pool.name}: it is ${pool.status} (on a flow cell; its members are fixed)`, { poolId: pool.id, status: pool.status });
    }
    return pool;
  }

  /**
   * The barcode rules, member by member: a sample with a workflow, once per pool; a barcode of the
   * pool's kit, once per pool; a molar ratio in [0.001, 100]; an alias MinKNOW accepts, once per pool.
   * Each problem is reported at `members.<i>.<field>` and names the sample.
   */
  private async checkMembers(em: EntityManager, kit: BarcodeKit, existing: PoolMember[], inputs: PoolMemberInput[], prefix: string, problems: Problems): Promise<NewMember[]> {
    if (inputs.length > MAX_MEMBERS_PER_CALL) {
      problems.add(prefix, `must list at most ${MAX_MEMBERS_PER_CALL} members per call`);
      return [];
    }
    const ids = [...new Set(inputs.map((m) => m.sampleId).filter(isUuid))];
    const workflows = new Map((ids.length ? await em.find(Workflow, { sampleId: { $in: ids } }) : []).map((w) => [w.sampleId, w]));
    const byBarcode = new Map<string, { sampleName: string; sampleId: string }>(existing.map((m) => [m.barcode, m]));
    const bySample = new Set(existing.map((m) => m.sampleId));
    const byAlias = new Map<string, { sampleName: string; sampleId: string }>(existing.flatMap((m) => (m.alias ? [[m.alias.toLowerCase(), m] as const] : [])));
    const labels = barcodesOf(kit);
    const rows: NewMember[] = [];
    inputs.forEach((input, i) => {
      const at = `${prefix}.${i}`;
      if (!isUuid(input.sampleId)) { problems.add(`${at}.sampleId`, 'must be a sample id (UUID)'); return; }
      const w = workflows.get(input.sampleId);
      if (!w) { problems.add(`${at}.sampleId`, `sample ${input.sampleId} has no workflow (unknown sample, or not yet received)`); return; }
      const label = `sample "${w.sampleName}" (${w.sampleId})`;
      let ok = true;
      const fail = (field: string, message: string) => { problems.add(`${at}.${field}`, `${label}: ${message}`); ok = false; };
      if (w.archived) fail('sampleId', 'is archived');
      if (bySample.has(w.sampleId)) fail('sampleId', 'is already in this pool');
      bySample.add(w.sampleId);
      const barcode = normaliseBarcode(kit, input.barcode ?? '');
      if (!barcode) {
        fail('barcode', `"${input.barcode}" is not a barcode of ${kit.code} (${labels[0]}-${labels.at(-1)})`);
      } else {
        const holder = byBarcode.get(barcode);
        if (holder) fail('barcode', `barcode ${barcode} is already taken in this pool by sample "${holder.sampleName}" (${holder.sampleId})`);
        else byBarcode.set(barcode, w);
      }
      const molarRatio = input.molarRatio ?? 1;
      if (!Number.isFinite(molarRatio) || molarRatio < 0.001 || molarRatio > 100) fail('molarRatio', `must be between 0.001 and 100 (got ${molarRatio})`);
      const alias = input.alias?.trim() || null;
      if (alias) {
        const problem = aliasProblem(alias);
        const other = byAlias.get(alias.toLowerCase());
        if (problem) fail('alias', `alias "${alias}" ${problem}`);
        else if (other) fail('alias', `alias "${alias}" is already used in this pool by sample "${other.sampleName}" (${other.sampleId})`);
        else byAlias.set(alias.toLowerCase(), w);
      }
      if (ok) rows.push({ sampleId: w.sampleId, sampleName: w.sampleName, labId: w.labId, barcode: barcode!, molarRatio, alias });
    });
    if (existing.length + inputs.length > kit.count) problems.add(prefix, `${kit.code} has ${kit.count} barcodes; the pool would have ${existing.length + inputs.length} members`);
    return rows;
  }

  private poolFacts(pool: Pool): Omit<PoolEventData, 'members'> {
    return { name: pool.name, barcodeKit: pool.barcodeKit, status: pool.status, memberCount: pool.memberCount };
  }

  private async flush(em: EntityManager): Promise<void> {
    try {
      await em.flush();
    } catch (err) {
      if ((err as Error).name === 'UniqueConstraintViolationException') throw new ConflictError('Another change to this pool took the same barcode or sample at the same time; reload and retry');
      throw err;
    }
  }

  private async emit<T>(em: EntityManager, type: string, pool: Pool, data: T, now: Date, extra: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {}): Promise<void> {
    await recordEvents(em, this.deps.schema, [createEvent(eventOrigin(this.ctx, SOURCE), {
      type, subject: { type: 'Pool', id: pool.id, labId: pool.labId ?? null }, data, before: extra.before ?? null, after: extra.after ?? null,
    }, now) as DomainEvent]);
  }
}

/** An expansion kit needs the sequencing kit it is used with (the sheet names both); any other kit takes none. */
function sequencingKitOf(problems: Problems, kit: BarcodeKit, raw: string | null | undefined): string | null {
  const code = raw?.trim() ? normaliseKitCode(raw) : null;
  const allowed = kit.sequencingKits;
  if (!allowed) {
    if (code) problems.add('input.sequencingKit', `leave it out: ${kit.code} is a sequencing kit with its own barcodes`);
    return null;
  }
  if (!code || !allowed.includes(code)) {
    problems.add('input.sequencingKit', `${code ? `"${code}" is not used with ${kit.code}` : `is required with the expansion kit ${kit.code}`}; use one of ${allowed.join(', ')}`);
    return null;
  }
  return code;
}

const named = (label: string): BarcodeName => ({ name: label, sampleSheetName: sampleSheetName(label) });
