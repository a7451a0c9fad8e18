/** Enumerations of the workflow domain (domain.md §3.2–§3.4, §4.1). */
export const StepNames = [
  'SAMPLE_QC', 'LIBRARY_PREP', 'LIBRARY_QC', 'SEQUENCING_SETUP', 'SEQUENCING_RUN', 'BASECALLING', 'QUALITY_ASSESSMENT', 'DATA_DELIVERY',
] as const;
export type StepName = (typeof StepNames)[number];

/** The QC gates (steps 1, 3 and 7): they complete with a PASS/FAIL outcome checked against thresholds. */
export const QcSteps: ReadonlySet<StepName> = new Set(['SAMPLE_QC', 'LIBRARY_QC', 'QUALITY_ASSESSMENT']);

export const StepStatuses = ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'SKIPPED'] as const;
export type StepStatus = (typeof StepStatuses)[number];

/** Statuses that let the next step start. */
export const DoneStatuses: ReadonlySet<StepStatus> = new Set(['COMPLETED', 'SKIPPED']);

export const QcOutcomes = ['PASS', 'FAIL'] as const;
export type QcOutcome = (typeof QcOutcomes)[number];

export const StepActions = ['STARTED', 'COMPLETED', 'FAILED', 'SKIPPED', 'REOPENED', 'OVERRIDDEN', 'ASSIGNED', 'RESULTS_RECORDED'] as const;
export type StepAction = (typeof StepActions)[number];
/** Step changes that need an e-signature: overriding a failed QC gate, skipping, and reopening a completed (released) step. */
export const SignedStepActions = ['OVERRIDDEN', 'SKIPPED', 'REOPENED'] as const satisfies readonly StepAction[];
export type SignedStepAction = (typeof SignedStepActions)[number];

export const Priorities = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof Priorities)[number];

/** Queue order: urgent first. */
export const PriorityRank: Record<Priority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

/** The sample status list is part of the SampleStatusChanged contract, defined once in common. */
export { SampleStatuses, type SampleStatus } from '@app/common';

export const SampleTypes = ['DNA', 'RNA', 'PROTEIN', 'OTHER'] as const;
export type SampleType = (typeof SampleTypes)[number];
