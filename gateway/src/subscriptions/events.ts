import { StepEventTypes, type DomainEvent, type EventBus, type Logger, type StepEventData } from '@app/common';
import { BusFeed } from './bus-feed.js';

/** Consumer group prefix of the workflow feed. */
export const LIVE_GROUP = 'gateway-live';

/**
 * One change of a sample's workflow, shaped like the API's `WorkflowEvent` (minus `sample`, which
 * is hydrated per subscriber). `labId` and `submissionId` are kept for authorization and filters.
 */
export interface WorkflowLiveEvent {
  seq: number;
  sampleId: string;
  action: string;
  step: string;
  status: string;
  completedSteps: number;
  progress: number;
  occurredAt: string;
  labId: string | null;
  submissionId: string | null;
}

/** Step event types and the `StepAction` each stands for (workflow's `recordStepEvents`). */
const STEP_ACTIONS = new Map<string, string>(Object.entries(StepEventTypes).map(([action, type]) => [type, action]));

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The live event a workflow step event carries, or null for anything else. `SampleStatusChanged`
 * is ignored on purpose: it shares the seq of the step event emitted with it, which already says
 * everything a subscriber sees. Events missing a field the API declares non-null are dropped.
 */
export function toLiveEvent(event: DomainEvent): WorkflowLiveEvent | null {
  const defaultAction = STEP_ACTIONS.get(event.type);
  if (!defaultAction) return null;
  // Read field by field: an older producer may have sent less (or other types) than StepEventData says.
  const data = (event.data ?? {}) as Partial<Record<keyof StepEventData, unknown>>;
  const sampleId = str(event.subject?.sampleId) ?? (event.subject?.type === 'Sample' ? str(event.subject.id) : null);
  const seq = num(data.seq);
  const step = str(data.step);
  const status = str(data.status);
  const completedSteps = num(data.completedSteps);
  const progress = num(data.progress);
  if (!sampleId || seq === null || !step || !status || completedSteps === null || progress === null) return null;
  return {
    seq, sampleId, step, status, completedSteps, progress,
    action: str(data.action) ?? defaultAction,
    occurredAt: str(data.occurredAt) ?? event.occurredAt,
    labId: str(event.subject.labId),
    submissionId: str(event.subject.submissionId),
  };
}

/** Workflow step events as live events, to each sample's followers (`workflowProgress`) and to dashboard feeds (`workflowEvents`). */
export const workflowFeed = (bus: EventBus, logger: Logger) => new BusFeed<WorkflowLiveEvent>(bus, logger, {
  group: LIVE_GROUP, name: 'workflow', select: toLiveEvent, keyOf: (event) => event.sampleId, types: [...STEP_ACTIONS.keys()],
});
