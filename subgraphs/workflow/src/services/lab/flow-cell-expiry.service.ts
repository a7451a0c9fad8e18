import { LockMode } from '@mikro-orm/core';
import { EventTypes, SYSTEM, createEvent, recordEvents, type DomainEvent, type FlowCellExpiringSoonData } from '@app/common';
import { FlowCell } from '../../entities/index.js';
import type { FlowCellStatus } from '../../entities/lab-enums.js';
import { SOURCE, type WorkflowDeps } from '../../deps.js';
import { facts } from './flow-cell.service.js';

const BATCH = 200;
const DAY_MS = 86_400_000;
/** Cells that can still be used and so are worth a warning: in stock, checked, or washed for reuse. */
const UNUSED: FlowCellStatus[] = ['IN_STOCK', 'CHECKED', 'WASHED'];

/**
 * Emits FlowCellExpiringSoon once per cell that expires within WORKFLOW_FLOWCELL_EXPIRY_WARNING_DAYS
 * (or has expired unnoticed): the time of the alert is stored on the cell under its row lock, so a
 * rescan or a second replica skips it.
 */
export class FlowCellExpiryService {
  constructor(private readonly deps: WorkflowDeps) {}

  async scan(): Promise<number> {
    const now = this.deps.now();
    const horizon = new Date(now.getTime() + this.deps.config.lab.expiryWarningDays * DAY_MS);
    const candidates = await this.deps.orm.em.fork().find(FlowCell, { status: { $in: UNUSED }, expiresAt: { $lte: horizon }, expiryAlertedAt: null },
      { fields: ['id'], orderBy: { expiresAt: 'asc' }, limit: BATCH });
    let emitted = 0;
    for (const c of candidates) if (await this.alert(c.id, horizon, now)) emitted++;
    return emitted;
  }

  private alert(id: string, horizon: Date, now: Date): Promise<boolean> {
    return this.deps.orm.em.fork().transactional(async (em) => {
      const cell = await em.findOne(FlowCell, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!cell || cell.expiryAlertedAt || !UNUSED.includes(cell.status) || cell.expiresAt > horizon) return false;
      cell.expiryAlertedAt = now;
      await em.flush();
      const daysLeft = Math.floor((cell.expiresAt.getTime() - now.getTime()) / DAY_MS);
      await recordEvents(em, this.deps.schema, [createEvent({ source: SOURCE, principal: SYSTEM }, {
        type: EventTypes.FlowCellExpiringSoon, subject: { type: 'FlowCell', id: cell.id },
        data: { ...facts(cell), expiresAt: cell.expiresAt.toISOString(), daysLeft } satisfies FlowCellExpiringSoonData,
      }, now) as DomainEvent]);
      return true;
    });
  }
}
