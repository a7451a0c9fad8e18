import { DoneStatuses, StepNames, type SampleStatus, type StepName, type StepStatus } from '../entities/enums.js';

export const TOTAL_STEPS = StepNames.length;

export interface StepState {
  name: StepName;
  position: number;
  status: StepStatus;
  results?: Record<string, unknown> | null;
}

/** Sample status of the stage a step belongs to (domain.md §4.3). */
const StageStatus: Record<StepName, SampleStatus> = {
  SAMPLE_QC: 'PREP', LIBRARY_PREP: 'PREP', LIBRARY_QC: 'PREP',
  SEQUENCING_SETUP: 'SEQUENCING', SEQUENCING_RUN: 'SEQUENCING',
  BASECALLING: 'ANALYSIS', QUALITY_ASSESSMENT: 'ANALYSIS',
  DATA_DELIVERY: 'COMPLETED',
};

const ordered = (steps: StepState[]) => [...steps].sort((a, b) => a.position - b.position);

/** The first step not completed or skipped: the one the sample is at. Null when all are done. */
export function currentStep(steps: StepState[]): StepState | null {
  return ordered(steps).find((s) => !DoneStatuses.has(s.status)) ?? null;
}

export function completedCount(steps: StepState[]): number {
  return steps.filter((s) => DoneStatuses.has(s.status)).length;
}

/**
 * The sample's status, derived only from its steps so the two can never disagree: nothing touched
 * yet → SUBMITTED; otherwise the stage of the current step; delivery done → COMPLETED, and
 * DISTRIBUTED once the recipient acknowledged it.
 */
export function deriveSampleStatus(steps: StepState[], archived: boolean): SampleStatus {
  if (archived) return 'ARCHIVED';
  const current = currentStep(steps);
  if (!current) {
    const delivery = steps.find((s) => s.name === 'DATA_DELIVERY');
    return delivery?.status === 'COMPLETED' && delivery.results?.acknowledgedAt ? 'DISTRIBUTED' : 'COMPLETED';
  }
  const untouched = steps.every((s) => s.status === 'PENDING');
  return untouched ? 'SUBMITTED' : StageStatus[current.name];
}

/** Completed (or skipped) steps over all 8, as a fraction 0..1. */
export function progressOf(completed: number): number {
  return Math.round((completed / TOTAL_STEPS) * 1000) / 1000;
}
