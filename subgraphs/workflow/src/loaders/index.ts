import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, canSeeLab, labScopedByIdLoader, selectRows, type Principal } from '@app/common';
import type { WorkflowStepRow } from '../resolvers/models.js';
import { FlowCell, Pool, PoolMember, RunBarcodeYield, SequencingRun, StepSignature, StepTransition, Workflow, WorkflowStep } from '../entities/index.js';

/**
 * Whether the caller may read a workflow of `labId`: signed in, API tokens with workflow:read,
 * submitters only their own lab's. Applied in every loader so entity references are covered too.
 */
export function canReadWorkflow(principal: Principal, labId: string): boolean {
  if (principal.kind === 'anonymous' || (!principal.role && principal.kind !== 'service')) return false;
  if (principal.kind === 'apiToken' && !principal.scopes.includes('workflow:read') && !principal.scopes.includes('workflow:write')) return false;
  return canSeeLab(principal, labId);
}

function keyed<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

const STEP_TIMING_FIELDS = ['workflow', 'status', 'estimatedHours', 'startedAt'] as const;
/** A step as an ETA reads it. */
export type StepTimingRow = Pick<WorkflowStepRow, (typeof STEP_TIMING_FIELDS)[number]>;

/** Workflows' steps in order, as plain rows (of `fields` only, when given); the workflow was loaded through its lab check. */
function stepRowsByWorkflowId<R extends { workflow: string }>(em: EntityManager, fields?: readonly string[]) {
  return new DataLoader<string, R[]>(async (ids) => {
    const rows = await selectRows<R>(em, WorkflowStep, { where: { workflow: { $in: [...ids] } }, order: [{ position: 'asc' }], fields });
    const byWorkflow = new Map<string, R[]>();
    for (const r of rows) {
      const steps = byWorkflow.get(r.workflow) ?? [];
      steps.push(r);
      byWorkflow.set(r.workflow, steps);
    }
    return ids.map((id) => byWorkflow.get(id) ?? []);
  });
}

/** Per-request DataLoaders: a list of N samples costs one query per relation, whatever N is. */
export function createLoaders(em: EntityManager, principal: Principal) {
  const visible = <T extends { labId: string }>(rows: T[]) => rows.filter((r) => canReadWorkflow(principal, r.labId));
  return {
    workflowById: new DataLoader<string, Workflow | null>(async (ids) =>
      keyed(ids, visible(await em.find(Workflow, { id: { $in: [...ids] } })), (w) => w.id)),
    // Read-only (resolvers of samples' workflow, progress and ETA): plain rows, nothing hydrated.
    workflowBySampleId: new DataLoader<string, Workflow | null>(async (ids) =>
      keyed(ids, visible(await selectRows<Workflow>(em, Workflow, { where: { sampleId: { $in: [...ids] } } })), (w) => w.sampleId)),
    stepsByWorkflowId: stepRowsByWorkflowId<WorkflowStepRow>(em),
    /** Only what an ETA reads (a 50-sample page's ETAs read 400 steps: all columns were most of that). */
    stepTimingsByWorkflowId: stepRowsByWorkflowId<StepTimingRow>(em, STEP_TIMING_FIELDS),
    stepById: new DataLoader<string, WorkflowStep | null>(async (ids) => {
      const rows = await em.find(WorkflowStep, { id: { $in: [...ids] } }, { populate: ['workflow'] });
      return keyed(ids, rows.filter((s) => canReadWorkflow(principal, s.workflow.labId)), (s) => s.id);
    }),
    /** A step's e-signatures, oldest first (the step was loaded through its lab check). */
    signaturesByStepId: new DataLoader<string, StepSignature[]>(async (ids) => {
      const rows = await em.find(StepSignature, { step: { $in: [...ids] } }, { orderBy: { usedAt: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.step.id === id));
    }),
    signatureByTransitionId: new DataLoader<string, StepSignature | null>(async (ids) => {
      const rows = await em.find(StepSignature, { transition: { $in: [...ids] } });
      return keyed(ids, rows, (r) => r.transition.id);
    }),
    transitionById: new DataLoader<string, StepTransition | null>(async (ids) => {
      const rows = await em.find(StepTransition, { id: { $in: [...ids] } }, { populate: ['step.workflow'] });
      return keyed(ids, rows.filter((t) => canReadWorkflow(principal, t.step.workflow.labId)), (t) => t.id);
    }),
    // The lab's inventory: flow cells are facility stock (readers are checked by FlowCellService);
    // pools are lab-scoped by their members' lab (a mixed-lab pool has none: staff only).
    flowCellById: byIdLoader<FlowCell>(em, FlowCell),
    poolById: labScopedByIdLoader<Pool>(em, Pool, principal),
    membersByPoolId: new DataLoader<string, PoolMember[]>(async (ids) => {
      const rows = await em.find(PoolMember, { pool: { $in: [...ids] } }, { orderBy: { barcode: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.pool.id === id));
    }),
    // Sequencing runs are facility records (readers are checked by SequencingRunService); a
    // sample's yields are lab-scoped by the sample's lab.
    runById: byIdLoader<SequencingRun>(em, SequencingRun),
    yieldsByRunId: new DataLoader<string, RunBarcodeYield[]>(async (ids) => {
      const rows = await em.find(RunBarcodeYield, { run: { $in: [...ids] } }, { orderBy: { barcode: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.run.id === id));
    }),
    yieldsBySampleId: new DataLoader<string, RunBarcodeYield[]>(async (ids) => {
      const rows = await em.find(RunBarcodeYield, { sampleId: { $in: [...ids] } }, { orderBy: { createdAt: 'desc' } });
      return ids.map((id) => rows.filter((r) => r.sampleId === id && canReadWorkflow(principal, r.labId ?? '')));
    }),
  };
}
export type WorkflowLoaders = ReturnType<typeof createLoaders>;
