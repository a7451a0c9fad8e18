import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError, ErrorCode, InvalidTransitionError, NotFoundError, SignatureError, ValidationError, eventOrigin, isUuid, requireWrite, type BaseContext,
} from '@app/common';
import { StepNames, type StepName } from '../entities/enums.js';
import { StepTransition, Workflow, WorkflowStep } from '../entities/index.js';
import { SOURCE, type WorkflowDeps } from '../deps.js';
import { evaluate, rulesFor } from './qc-thresholds.js';
import { isQcStep, refuse, requireNothingLaterStarted, requirePreviousDone, requireSenior, requireStatus } from './step-rules.js';
import { mergePartial, pickStepInput, qcMetrics, requireComplete, type StepResultsInput } from './step-results.js';
import { hoursBetween } from './timing.js';
import type { FlowCellService } from './lab/flow-cell.service.js';
import { pickForSetup } from './lab/setup-pick.js';
import { stepRecord, type StepSignatures } from './step-signatures.js';
import { recordStepEvents, refreshWorkflow, stepEvents, stepSnapshot, type StepChange } from './workflow-state.js';
import { isPlainStepChange, writeStepChange, type TransitionRow } from './step-write.js';

export interface StepRef { sampleId: string; step: StepName; expectedVersion?: number | null }
export interface StartInput extends StepRef { assigneeId?: string | null }
export interface CompleteInput extends StepRef { results?: StepResultsInput | null; notes?: string | null }
export interface ReasonInput extends StepRef { reason: string; notes?: string | null }
/** A change that needs (or may carry) an e-signature: the token from auth's `signRecord`. */
export interface SignedInput extends ReasonInput { signature?: string | null }
export interface ResultsInput extends StepRef { results: StepResultsInput }
export interface AssignInput extends StepRef { assigneeId?: string | null }

interface Acting { em: EntityManager; workflow: Workflow; steps: WorkflowStep[]; step: WorkflowStep; now: Date }

function reasonOf(reason: string | null | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (!trimmed) throw ValidationError.field('reason', 'is required');
  if (trimmed.length > 2000) throw ValidationError.field('reason', 'must be at most 2000 characters');
  return trimmed;
}
function notesOf(notes: string | null | undefined): string | undefined {
  if (notes === null || notes === undefined) return undefined;
  if (notes.length > 5000) throw ValidationError.field('notes', 'must be at most 5000 characters');
  return notes.trim() || undefined;
}
function assigneeOf(id: string | null | undefined, field = 'assigneeId'): string | null {
  if (id === null || id === undefined) return null;
  if (!isUuid(id)) throw ValidationError.field(field, 'must be a user id');
  return id;
}

/** Flushes the change; two requests spending one signature at once collide on its primary key, and the loser is told so. */
async function flushSpendingSignature(em: EntityManager, change: StepChange): Promise<void> {
  try {
    await em.flush();
  } catch (err) {
    if (change.signature && err instanceof UniqueConstraintViolationException) {
      throw new SignatureError('This signature was already used; a signature signs one change of one record', ErrorCode.SIGNATURE_REUSED, { field: 'signature' });
    }
    throw err;
  }
}

/** The step state machine (domain.md §4.4). Every operation locks the sample's workflow row, so edits of one sample serialize. */
export class StepService {
  constructor(
    private readonly deps: WorkflowDeps, private readonly ctx: BaseContext, private readonly flowCells: FlowCellService, private readonly signatures: StepSignatures,
  ) {}

  requireActor(): void {
    requireWrite(this.ctx.principal, 'workflow:write', 'ADMIN', 'STAFF');
  }

  /**
   * Runs one change in a transaction: lock, check the version, apply, recompute the workflow,
   * record the transition and the events. A refusal thrown by `apply` rolls everything back.
   */
  private async change(ref: StepRef, apply: (a: Acting) => StepChange | Promise<StepChange>): Promise<WorkflowStep> {
    this.requireActor();
    if (!StepNames.includes(ref.step)) throw ValidationError.field('step', `must be one of ${StepNames.join(', ')}`);
    return this.ctx.em.transactional(async (em) => {
      const workflow = await em.findOne(Workflow, { sampleId: ref.sampleId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!workflow) throw new NotFoundError('Workflow for sample', ref.sampleId);
      if (workflow.archived) throw new InvalidTransitionError(`Sample ${ref.sampleId} is archived; its workflow is closed`, { sampleId: ref.sampleId });
      const steps = await em.find(WorkflowStep, { workflow }, { orderBy: { position: 'asc' }, refresh: true });
      const step = steps.find((s) => s.name === ref.step)!;
      if (ref.expectedVersion !== null && ref.expectedVersion !== undefined && ref.expectedVersion !== step.version) {
        throw new ConflictError(`${step.name} of sample ${ref.sampleId} was changed by someone else (version ${step.version}, you sent ${ref.expectedVersion}); reload and retry`,
          { field: 'expectedVersion', currentVersion: step.version });
      }
      const now = this.deps.now();
      const fromStatus = step.status;
      const since = step.statusChangedAt;
      const change = await apply({ em, workflow, steps, step, now });
      if (step.status !== fromStatus) step.statusChangedAt = now;
      const previousStatus = refreshWorkflow(workflow, steps, now);
      workflow.seq += 1;
      const row: TransitionRow = {
        id: crypto.randomUUID(), workflowId: workflow.id, sampleId: workflow.sampleId, stepName: step.name, action: change.action,
        fromStatus, toStatus: step.status, actorId: this.ctx.principal.userId, actorName: this.ctx.principal.name,
        actorRole: this.ctx.principal.role, at: now, reason: change.reason ?? null,
        secondsInPreviousStatus: Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000)), seq: workflow.seq,
      };
      const origin = eventOrigin(this.ctx, SOURCE);
      if (!change.signature && isPlainStepChange(em, workflow, step)) {
        await writeStepChange(em, this.deps.schema, { workflow, step, transition: row, events: () => stepEvents(origin, workflow, step, change, previousStatus, now) });
        return step;
      }
      const transition = em.create(StepTransition, { ...row, step });
      if (change.signature) this.signatures.store(em, change.signature, step, transition, now);
      await flushSpendingSignature(em, change);
      await recordStepEvents(em, this.deps.schema, origin, workflow, step, change, previousStatus, now);
      return step;
    });
  }

  start(input: StartInput): Promise<WorkflowStep> {
    this.requireActor(); // who may act is checked before anything about the input is revealed
    const assigneeId = assigneeOf(input.assigneeId);
    return this.change(input, ({ step, steps, now }) => {
      const before = stepSnapshot(step);
      requireStatus(step, ['PENDING'], 'start');
      requirePreviousDone(step, steps, 'start');
      step.status = 'IN_PROGRESS';
      step.startedAt = now;
      step.startedById = this.ctx.principal.userId;
      step.assigneeId = assigneeId ?? step.assigneeId ?? this.ctx.principal.userId;
      return { action: 'STARTED', before };
    });
  }

  /** Saves results while the step is in progress (partial allowed), or adds the delivery acknowledgement afterwards. */
  recordResults(input: ResultsInput): Promise<WorkflowStep> {
    this.requireActor(); // who may act is checked before anything about the input is revealed
    if (input.expectedVersion === null || input.expectedVersion === undefined) throw ValidationError.field('expectedVersion', 'is required');
    const block = pickStepInput(input.step, input.results);
    return this.change(input, async ({ em, workflow, step, now }) => {
      const before = stepSnapshot(step);
      const deliveredAlready = step.name === 'DATA_DELIVERY' && step.status === 'COMPLETED';
      if (!deliveredAlready) requireStatus(step, ['IN_PROGRESS'], 'record results of');
      let results = this.stampAcknowledgement(mergePartial(step.name, step.results ?? null, block), now);
      if (step.name === 'SEQUENCING_SETUP') results = await pickForSetup(this.flowCells, em, workflow, step, results, now);
      if (deliveredAlready) results = requireComplete(step.name, results);
      step.results = results;
      return { action: 'RESULTS_RECORDED', before };
    });
  }

  /** Completes with complete results; a QC step whose outcome is FAIL ends FAILED instead, which blocks the next step. */
  complete(input: CompleteInput): Promise<WorkflowStep> {
    this.requireActor(); // who may act is checked before anything about the input is revealed
    const block = input.results ? pickStepInput(input.step, input.results) : null;
    const notes = notesOf(input.notes);
    return this.change(input, async ({ em, step, workflow, steps, now }) => {
      const before = stepSnapshot(step);
      requireStatus(step, ['IN_PROGRESS'], 'complete');
      let merged = block ? mergePartial(step.name, step.results ?? null, block) : step.results;
      if (!merged) refuse(step, 'cannot be completed without results');
      if (step.name === 'SEQUENCING_SETUP') merged = await pickForSetup(this.flowCells, em, workflow, step, merged, now);
      const results = requireComplete(step.name, this.stampAcknowledgement(merged, now));
      step.results = results;
      if (notes !== undefined) step.notes = notes;
      if (isQcStep(step.name)) {
        const kit = (steps.find((s) => s.name === 'LIBRARY_PREP')?.results?.kitCode as string | undefined) ?? null;
        const checks = evaluate(rulesFor(this.deps.config.qcThresholds, step.name, { sampleType: workflow.sampleType, kit }), qcMetrics(step.name, results));
        step.qcChecks = checks as unknown as Record<string, unknown>[];
        step.outcome = checks.some((c) => !c.passed) || results.outcome === 'FAIL' ? 'FAIL' : 'PASS';
        if (step.outcome === 'FAIL') {
          step.status = 'FAILED';
          const failed = checks.filter((c) => !c.passed).map((c) => c.message);
          return { action: 'FAILED', before, reason: failed.length ? `QC failed: ${failed.join('; ')}` : 'QC outcome recorded as FAIL' };
        }
      }
      this.finish(step, now);
      return { action: 'COMPLETED', before };
    });
  }

  fail(input: ReasonInput): Promise<WorkflowStep> {
    this.requireActor(); // who may act is checked before anything about the input is revealed
    const reason = reasonOf(input.reason);
    const notes = notesOf(input.notes);
    return this.change(input, ({ step }) => {
      const before = stepSnapshot(step);
      requireStatus(step, ['IN_PROGRESS'], 'fail');
      step.status = 'FAILED';
      if (isQcStep(step.name)) step.outcome = 'FAIL';
      if (notes !== undefined) step.notes = notes;
      return { action: 'FAILED', before, reason };
    });
  }

  /**
   * Skipping needs a reason and the caller's e-signature; skipping a QC gate also needs seniority,
   * since it bypasses the quality check.
   */
  async skip(input: SignedInput): Promise<WorkflowStep> {
    this.requireActor(); // who may act is checked before anything about the input is revealed
    const reason = reasonOf(input.reason);
    const signed = await this.signatures.check(input.signature);
    return this.change(input, async ({ em, workflow, step, steps }) => {
      const before = stepSnapshot(step);
      requireStatus(step, ['PENDING'], 'skip');
      requirePreviousDone(step, steps, 'skip');
      if (isQcStep(step.name)) requireSenior(this.ctx.principal, this.deps.config.seniorStaffIds, `skip the QC step ${step.name}`);
      const signature = await this.signatures.bind(em, signed, stepRecord(workflow, step, 'SKIPPED', reason), `Skipping ${step.name}`);
      step.status = 'SKIPPED';
      return { action: 'SKIPPED', before, reason, signature };
    });
  }

  /**
   * Re-work: a failed step, or a done one nothing after it has started, goes back to IN_PROGRESS.
   * A COMPLETED step's results are released (accepted, and relied on by the next step), so changing
   * them by reopening needs the caller's e-signature; a failed or skipped step's do not.
   */
  async reopen(input: SignedInput): Promise<WorkflowStep> {
    this.requireActor(); // who may act is checked before anything about the input is revealed
    const reason = reasonOf(input.reason);
    const signed = await this.signatures.check(input.signature);
    return this.change(input, async ({ em, workflow, step, steps, now }) => {
      const before = stepSnapshot(step);
      requireStatus(step, ['FAILED', 'COMPLETED', 'SKIPPED'], 'reopen');
      requireNothingLaterStarted(step, steps);
      const released = step.status === 'COMPLETED' ? `Reopening the completed (released) step ${step.name}` : null;
      const signature = await this.signatures.bind(em, signed, stepRecord(workflow, step, 'REOPENED', reason), released);
      step.status = 'IN_PROGRESS';
      step.startedAt ??= now;
      Object.assign(step, { outcome: null, qcChecks: null, overridden: false, completedAt: null, completedById: null, actualHours: null });
      return { action: 'REOPENED', before, reason, signature };
    });
  }

  /** Accepts a failed step as completed: ADMIN or senior staff, with a reason and their e-signature kept with the transition. */
  async override(input: SignedInput): Promise<WorkflowStep> {
    this.requireActor(); // who may act is checked before anything about the input is revealed
    const reason = reasonOf(input.reason);
    requireSenior(this.ctx.principal, this.deps.config.seniorStaffIds, 'override a failed step');
    const signed = await this.signatures.check(input.signature);
    return this.change(input, async ({ em, workflow, step, now }) => {
      const before = stepSnapshot(step);
      requireStatus(step, ['FAILED'], 'override');
      const signature = await this.signatures.bind(em, signed, stepRecord(workflow, step, 'OVERRIDDEN', reason), `Overriding the failed step ${step.name}`);
      step.overridden = true;
      this.finish(step, now);
      return { action: 'OVERRIDDEN', before, reason, signature };
    });
  }

  assign(input: AssignInput): Promise<WorkflowStep> {
    this.requireActor(); // who may act is checked before anything about the input is revealed
    const assigneeId = assigneeOf(input.assigneeId);
    if (input.expectedVersion === null || input.expectedVersion === undefined) throw ValidationError.field('expectedVersion', 'is required');
    return this.change(input, ({ step }) => {
      const before = stepSnapshot(step);
      requireStatus(step, ['PENDING', 'IN_PROGRESS', 'FAILED'], 'assign');
      step.assigneeId = assigneeId;
      return { action: 'ASSIGNED', before };
    });
  }

  private finish(step: WorkflowStep, now: Date): void {
    step.status = 'COMPLETED';
    step.completedAt = now;
    step.completedById = this.ctx.principal.userId;
    step.actualHours = step.startedAt ? hoursBetween(step.startedAt, now) : null;
  }

  /** A delivery acknowledged without a time was acknowledged now. */
  private stampAcknowledgement(results: Record<string, unknown>, now: Date): Record<string, unknown> {
    return results.acknowledgedBy && !results.acknowledgedAt ? { ...results, acknowledgedAt: now.toISOString() } : results;
  }
}
