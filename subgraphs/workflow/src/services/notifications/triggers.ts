import { EventTypes, type DomainEvent } from '@app/common';
import { QcSteps, StepNames, type StepName } from '../../entities/enums.js';
import type { NotificationEvent } from '../../entities/notification-enums.js';
import type { NotifyConfig } from '../../notify-config.js';

/** Which people a notification goes to, beyond webhooks (resolved by recipients.ts). */
export interface Audience {
  /** The submitter and the lab's members. */
  customers: boolean;
  /** The submission's "Data Delivery Notification email addresses". */
  deliveryList: boolean;
  /** The assignee of the step (`step`), of the next step, or of the sample. */
  stepAssignee: boolean;
  nextStepAssignee: boolean;
  sampleAssignee: boolean;
  /** Every active STAFF user: always, or only when no assignee was found. */
  allStaff: 'always' | 'fallback' | 'never';
  /** Whoever caused the event (the submitter who committed an intake). */
  actor: boolean;
}

/** A domain event that notifies, with what the templates and webhooks say about it. */
export interface Trigger {
  event: NotificationEvent;
  source: DomainEvent;
  sampleId: string | null;
  submissionId: string | null;
  labId: string | null;
  step: StepName | null;
  audience: Audience;
  details: Record<string, unknown>;
}

/** Event types the notification consumer reads: triggers and read-model updates. */
export const TRIGGER_TYPES = new Set<string>([
  EventTypes.SubmissionReceived, EventTypes.SampleReceived, EventTypes.StepFailed, EventTypes.StepCompleted, EventTypes.SampleOverdue, EventTypes.IntakeCommitFinished,
  EventTypes.ExtractionCompleted, EventTypes.ExtractionNeedsReview,
]);

const NOBODY: Audience = { customers: false, deliveryList: false, stepAssignee: false, nextStepAssignee: false, sampleAssignee: false, allStaff: 'never', actor: false };

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const stepOf = (v: unknown): StepName | null => (StepNames as readonly string[]).includes(v as string) ? (v as StepName) : null;

function base(event: DomainEvent, kind: NotificationEvent, audience: Partial<Audience>, details: Record<string, unknown>, step: StepName | null = null): Trigger {
  const s = event.subject;
  return {
    event: kind, source: event, step, details,
    sampleId: str(s.sampleId) ?? (s.type === 'Sample' ? s.id : null),
    submissionId: str(s.submissionId) ?? (s.type === 'Submission' ? s.id : str((event.data as Record<string, unknown>)?.submissionId)),
    labId: str(s.labId),
    audience: { ...NOBODY, ...audience },
  };
}

/**
 * The notification a domain event stands for, or null. A committed intake is the submission
 * subgraph's IntakeCommitFinished that ended COMMITTED or PARTIALLY_COMMITTED; extraction review comes from ai's ExtractionCompleted
 * with fields below the confidence threshold (or an explicit ExtractionNeedsReview).
 */
export function triggerOf(event: DomainEvent, config: Pick<NotifyConfig, 'stepCompletedSteps'>): Trigger | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case EventTypes.SubmissionReceived:
    case EventTypes.SampleReceived:
      return base(event, 'SAMPLE_RECEIVED', { customers: true }, { receivedAt: data.receivedAt ?? event.after?.receivedAt ?? event.occurredAt });
    case EventTypes.StepFailed: {
      const step = stepOf(data.step);
      return base(event, 'QC_FAILED', { customers: true, stepAssignee: true }, {
        reason: event.reason ?? null, outcome: data.outcome ?? null, results: data.results ?? null, qcStep: step ? QcSteps.has(step) : false,
      }, step);
    }
    case EventTypes.StepCompleted: {
      const step = stepOf(data.step);
      if (step === 'DATA_DELIVERY') return base(event, 'DATA_DELIVERED', { customers: true, deliveryList: true }, { results: data.results ?? null }, step);
      if (!step || !config.stepCompletedSteps.has(step)) return null;
      return base(event, 'STEP_COMPLETED', { customers: true, nextStepAssignee: true }, { position: data.position ?? null, progress: data.progress ?? null }, step);
    }
    case EventTypes.SampleOverdue:
      return base(event, 'SAMPLE_OVERDUE', { sampleAssignee: true, stepAssignee: true, allStaff: 'fallback' }, {
        dueAt: data.dueAt ?? null, hoursLate: data.hoursLate ?? null, priority: data.priority ?? null,
      }, stepOf(data.currentStep));
    case EventTypes.IntakeCommitFinished: {
      // A commit that created samples (all rows, or some of them); a failed one created none.
      const after = (event.after ?? {}) as Record<string, unknown>;
      if (after.status !== 'COMMITTED' && after.status !== 'PARTIALLY_COMMITTED') return null;
      return base(event, 'INTAKE_COMMITTED', { actor: true, allStaff: 'always' }, {
        intakeJobId: event.subject.id, sampleCount: after.committedCount ?? null, status: after.status,
      });
    }
    case EventTypes.ExtractionCompleted:
    case EventTypes.ExtractionNeedsReview: {
      const count = typeof data.needsReviewCount === 'number' ? data.needsReviewCount : event.type === EventTypes.ExtractionNeedsReview ? 1 : 0;
      if (count <= 0) return null;
      return base(event, 'EXTRACTION_NEEDS_REVIEW', { allStaff: 'always' }, {
        extractionJobId: event.subject.id, needsReviewCount: count, fields: data.fields ?? null, method: data.method ?? null,
      });
    }
    default:
      return null;
  }
}
