import { LockMode } from '@mikro-orm/core';
import { EventTypes, SYSTEM, createEvent, recordEvents, type DomainEvent, type SampleOverdueData } from '@app/common';
import { Workflow } from '../entities/index.js';
import { SOURCE, type WorkflowDeps } from '../deps.js';
import { isOverdue } from './timing.js';
import { subjectOf } from './workflow-state.js';

const BATCH = 200;

/**
 * Emits SampleOverdue once per breach: the due date notified is stored with the workflow, so a
 * rescan (or a second replica) skips it, and a new due date (priority changed) can breach again.
 */
export class OverdueService {
  constructor(private readonly deps: WorkflowDeps) {}

  async scan(): Promise<number> {
    const now = this.deps.now();
    const candidates = await this.deps.orm.em.fork().find(Workflow, {
      dueAt: { $lt: now }, finishedAt: null, archived: false,
    }, { fields: ['id', 'dueAt', 'overdueNotifiedFor'], orderBy: { dueAt: 'asc' }, limit: BATCH });
    let emitted = 0;
    for (const c of candidates) {
      if (c.overdueNotifiedFor?.getTime() === c.dueAt?.getTime()) continue;
      if (await this.notify(c.id, now)) emitted++;
    }
    return emitted;
  }

  private notify(id: string, now: Date): Promise<boolean> {
    return this.deps.orm.em.fork().transactional(async (em) => {
      const w = await em.findOne(Workflow, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!w || !isOverdue(w, now) || w.overdueNotifiedFor?.getTime() === w.dueAt!.getTime()) return false;
      w.overdueNotifiedFor = w.dueAt!;
      await em.flush();
      const hoursLate = Math.round(((now.getTime() - w.dueAt!.getTime()) / 3_600_000) * 10) / 10;
      await recordEvents(em, this.deps.schema, [createEvent({ source: SOURCE, principal: SYSTEM }, {
        type: EventTypes.SampleOverdue, subject: subjectOf(w),
        data: { dueAt: w.dueAt!.toISOString(), priority: w.priority, currentStep: w.currentStep, receivedAt: w.receivedAt?.toISOString() ?? null, hoursLate } satisfies SampleOverdueData,
      }, now) as DomainEvent]);
      return true;
    });
  }
}
