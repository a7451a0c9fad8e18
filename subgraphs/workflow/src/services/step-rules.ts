import { ForbiddenError, InvalidTransitionError, type Principal } from '@app/common';
import { DoneStatuses, QcSteps, type StepName } from '../entities/enums.js';
import type { WorkflowStep } from '../entities/index.js';

/** Refuses a move that the state machine does not allow; nothing has been changed yet when it throws. */
export function refuse(step: WorkflowStep, message: string): never {
  throw new InvalidTransitionError(`${step.name}: ${message}`, { step: step.name, status: step.status, sampleId: step.sampleId });
}

export function requireStatus(step: WorkflowStep, allowed: WorkflowStep['status'][], doing: string): void {
  if (!allowed.includes(step.status)) refuse(step, `cannot ${doing} a step that is ${step.status} (it must be ${allowed.join(' or ')})`);
}

/** A step starts (or is skipped) only when the one before it is COMPLETED or SKIPPED. */
export function requirePreviousDone(step: WorkflowStep, steps: WorkflowStep[], doing: string): void {
  const previous = steps.find((s) => s.position === step.position - 1);
  if (previous && !DoneStatuses.has(previous.status)) {
    refuse(step, `cannot ${doing} before ${previous.name} is COMPLETED or SKIPPED (it is ${previous.status})`);
  }
}

/** Re-work is possible while no later step has been touched. */
export function requireNothingLaterStarted(step: WorkflowStep, steps: WorkflowStep[]): void {
  const later = steps.find((s) => s.position > step.position && s.status !== 'PENDING');
  if (later) refuse(step, `cannot be reopened: ${later.name} is already ${later.status}; reopen that first`);
}

/**
 * Seniority for overrides (and for skipping a QC gate): ADMIN, or STAFF whose user id is listed in
 * WORKFLOW_SENIOR_STAFF_IDS. Kept in configuration because auth has no such flag and the list is short.
 */
export function requireSenior(principal: Principal, seniorStaffIds: ReadonlySet<string>, doing: string): void {
  if (principal.kind === 'service' || principal.role === 'ADMIN') return;
  if (principal.role === 'STAFF' && principal.userId && seniorStaffIds.has(principal.userId)) return;
  throw new ForbiddenError(`Only ADMIN or senior STAFF (WORKFLOW_SENIOR_STAFF_IDS) may ${doing}`);
}

export const isQcStep = (name: StepName) => QcSteps.has(name);
