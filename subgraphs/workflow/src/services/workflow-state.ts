import { createEvent, diffFields, EventTypes, recordEvents, StepEventTypes, type DomainEvent, type EventOrigin, type SampleStatusChangedData, type StepEventData } from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SampleStatus, StepAction } from '../entities/enums.js';
import type { Workflow, WorkflowStep } from '../entities/index.js';
import { completedCount, currentStep, deriveSampleStatus, progressOf } from './progress.js';
import { signatureData, type BoundSignature } from './step-signatures.js';

/** The fields of a step that events report before/after values of. */
export function stepSnapshot(step: WorkflowStep): Record<string, unknown> {
  return {
    status: step.status, assigneeId: step.assigneeId ?? null, outcome: step.outcome ?? null, notes: step.notes ?? null,
    results: step.results ?? null, overridden: step.overridden,
  };
}

/** Recomputes what the workflow derives from its steps; returns the sample status it had before. */
export function refreshWorkflow(workflow: Workflow, steps: WorkflowStep[], now: Date): SampleStatus {
  const previous = workflow.sampleStatus;
  const current = currentStep(steps);
  workflow.completedSteps = completedCount(steps);
  workflow.currentStep = current?.name ?? null;
  workflow.finishedAt = current ? null : (workflow.finishedAt ?? now);
  workflow.sampleStatus = deriveSampleStatus(steps, workflow.archived);
  return previous;
}

export const subjectOf = (w: Workflow) => ({ type: 'Sample', id: w.sampleId, sampleId: w.sampleId, submissionId: w.submissionId, labId: w.labId });

export interface StepChange {
  action: StepAction;
  reason?: string | null;
  before: Record<string, unknown>;
  /** The e-signature the change was made with (overrides, skips, reopening a completed step). */
  signature?: BoundSignature | null;
}

/**
 * The step event (and SampleStatusChanged when the derived status moved) of a change, as written.
 * Step events carry everything a live feed shows, so the gateway can forward them without a lookup.
 */
export function stepEvents(
  origin: EventOrigin, workflow: Workflow, step: WorkflowStep, change: StepChange, previousStatus: SampleStatus, now: Date,
): DomainEvent[] {
  const diff = diffFields(change.before, stepSnapshot(step));
  const events: DomainEvent[] = [createEvent(origin, {
    type: StepEventTypes[change.action],
    subject: subjectOf(workflow),
    data: {
      workflowId: workflow.id, stepId: step.id, step: step.name, position: step.position, status: step.status, action: change.action,
      seq: workflow.seq, completedSteps: workflow.completedSteps, progress: progressOf(workflow.completedSteps),
      sampleStatus: workflow.sampleStatus, assigneeId: step.assigneeId ?? null, outcome: step.outcome ?? null,
      results: step.results ?? null, version: step.version, occurredAt: now.toISOString(),
      ...(change.signature ? { signature: signatureData(change.signature) } : {}),
    } satisfies StepEventData,
    before: diff?.before ?? null, after: diff?.after ?? null, reason: change.reason ?? null,
  }, now) as DomainEvent];
  if (previousStatus !== workflow.sampleStatus) {
    events.push(createEvent(origin, {
      type: EventTypes.SampleStatusChanged,
      subject: subjectOf(workflow),
      data: { status: workflow.sampleStatus, previousStatus, step: step.name, seq: workflow.seq } satisfies SampleStatusChangedData,
      before: { status: previousStatus }, after: { status: workflow.sampleStatus }, reason: change.reason ?? null,
    }, now) as DomainEvent);
  }
  return events;
}

/** Writes `stepEvents` to the outbox. */
export async function recordStepEvents(
  em: EntityManager, schema: string, origin: EventOrigin, workflow: Workflow, step: WorkflowStep,
  change: StepChange, previousStatus: SampleStatus, now: Date,
): Promise<DomainEvent[]> {
  const events = stepEvents(origin, workflow, step, change, previousStatus, now);
  await recordEvents(em, schema, events);
  return events;
}
