import { decodeCursor, labScope, pageSize, requireRead, toConnection, ValidationError, type BaseContext, type Connection } from '@app/common';
import { StepNames, type StepName } from '../entities/enums.js';
import { StepTransition, Workflow, WorkflowStep } from '../entities/index.js';

/** A row of a work queue: a sample at a step. */
export interface QueueItem {
  workflow: Workflow;
  stepName: StepName;
}

export interface PageArgs { first?: number | null; after?: string | null }

/** Work queues and histories: read-only, lab-scoped for submitters, keyset-paginated. */
export class QueueService {
  constructor(private readonly ctx: BaseContext) {}

  private scopeWhere(): Record<string, unknown> {
    requireRead(this.ctx.principal, 'workflow:read');
    const scope = labScope(this.ctx.principal);
    return scope === null ? {} : { labId: scope };
  }

  /** Samples whose current step is `step`, urgent first, then oldest first. */
  async workQueue(step: StepName, args: PageArgs): Promise<Connection<QueueItem>> {
    if (!StepNames.includes(step)) throw ValidationError.field('step', `must be one of ${StepNames.join(', ')}`);
    const where = { ...this.scopeWhere(), currentStep: step, archived: false };
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, 3) as [number, string, string] | null;
    const page = after ? { $or: [
      { priorityRank: { $gt: after[0] } },
      { priorityRank: after[0], sampleCreatedAt: { $gt: new Date(after[1]) } },
      { priorityRank: after[0], sampleCreatedAt: new Date(after[1]), id: { $gt: after[2] } },
    ] } : {};
    const rows = await this.ctx.em.find(Workflow, { ...where, ...page }, { orderBy: { priorityRank: 'asc', sampleCreatedAt: 'asc', id: 'asc' }, limit: limit + 1 });
    return toConnection(rows.map((workflow) => ({ workflow, stepName: step })), limit,
      (i) => [i.workflow.priorityRank, i.workflow.sampleCreatedAt.toISOString(), i.workflow.id], () => this.ctx.em.count(Workflow, where), !!after);
  }

  /** Unfinished steps assigned to the caller, by priority then age. */
  async myWork(args: PageArgs): Promise<Connection<QueueItem>> {
    const scope = this.scopeWhere();
    const userId = this.ctx.principal.userId;
    if (!userId) return toConnection([], 0, () => [], 0);
    const limit = pageSize(args.first);
    const offset = (decodeCursor(args.after, 1)?.[0] as number | undefined) ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw ValidationError.field('after', 'is not a cursor this list returned');
    const where = { assigneeId: userId, status: { $in: ['PENDING', 'IN_PROGRESS', 'FAILED'] as WorkflowStep['status'][] }, workflow: { ...scope, archived: false } };
    const rows = await this.ctx.em.find(WorkflowStep, where, {
      populate: ['workflow'], orderBy: [{ workflow: { priorityRank: 'asc' } }, { workflow: { sampleCreatedAt: 'asc' } }, { position: 'asc' }, { id: 'asc' }],
      limit: limit + 1, offset,
    });
    const items = rows.map((s, i) => ({ workflow: s.workflow as Workflow, stepName: s.name, index: offset + i + 1 }));
    return toConnection(items, limit, (i) => [i.index], () => this.ctx.em.count(WorkflowStep, where), offset > 0);
  }

  /** A workflow's transitions in the order they happened. */
  async transitions(workflowId: string, args: PageArgs): Promise<Connection<StepTransition>> {
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, 1) as [number] | null;
    const where = { workflowId, ...(after ? { seq: { $gt: after[0] } } : {}) };
    const rows = await this.ctx.em.find(StepTransition, where, { orderBy: { seq: 'asc' }, limit: limit + 1 });
    return toConnection(rows, limit, (t) => [t.seq], () => this.ctx.em.count(StepTransition, { workflowId }), !!after);
  }
}
