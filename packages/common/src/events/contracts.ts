/**
 * Event contracts between subgraphs: the names of the events one subgraph emits and another
 * consumes, and the `data` each carries. Producers build `data` with `satisfies` one of these
 * types and consumers read it through them, so a change to a payload is a change here, seen by
 * both sides. (Consumers still validate what arrives: an event may come from an older producer.)
 */

/** The processing states of a sample, in lifecycle order (the index is the sort rank). */
export const SampleStatuses = ['SUBMITTED', 'PREP', 'SEQUENCING', 'ANALYSIS', 'COMPLETED', 'DISTRIBUTED', 'ARCHIVED'] as const;
export type SampleStatus = (typeof SampleStatuses)[number];

/** Event type names that cross subgraph boundaries. */
export const EventTypes = {
  /** samples → workflow (opens the workflow), audit. */
  SampleCreated: 'SampleCreated',
  /** samples → workflow (re-queues), audit. */
  SamplePriorityChanged: 'SamplePriorityChanged',
  /** samples → workflow (closes the workflow), audit. */
  SampleArchived: 'SampleArchived',
  /** samples → audit. */
  SampleAssigned: 'SampleAssigned',
  SampleUpdated: 'SampleUpdated',
  SubmissionCreated: 'SubmissionCreated',
  SubmissionUpdated: 'SubmissionUpdated',
  /** samples → workflow (work may start: due dates count from here), audit. */
  SubmissionReceived: 'SubmissionReceived',
  /** workflow → samples (Sample.status follows), audit, live feeds. */
  SampleStatusChanged: 'SampleStatusChanged',
  // audit
  /** audit → files (a purge refuses files a hold covers), audit. */
  LegalHoldPlaced: 'LegalHoldPlaced',
  /** audit → files (the hold no longer blocks a purge), audit. */
  LegalHoldReleased: 'LegalHoldReleased',
} as const;
export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

/** `SampleCreated.data`. */
export interface SampleCreatedData {
  name: string;
  /** The sample's position in its submission (1, 2, ...). */
  number: number;
  sampleType: string | null | undefined;
  priority: string;
  submissionId: string;
  assigneeId: string | null;
}

/** `SamplePriorityChanged.data`. */
export interface SamplePriorityChangedData {
  name: string;
  priority: string;
  previousPriority: unknown;
}

/** `SampleArchived.data`. */
export interface SampleArchivedData {
  name: string;
  archivedAt: string;
}

/**
 * `SubmissionCreated`, `SubmissionUpdated` and `SubmissionReceived` `.data`. A submission update
 * caused by its samples (a sample added or archived) carries only number, project and status.
 */
export interface SubmissionEventData {
  number: string;
  projectId: string;
  receivedAt?: string | null;
  priority?: string;
  status: string;
  /** Who created the submission (notifications address its submitter). */
  submitterId?: string | null;
  /** The event that caused the update, when it was another subgraph's (a workflow status). */
  cause?: string | null;
}

/** `SampleStatusChanged.data`: the status the workflow derived from its steps, and why. */
export interface SampleStatusChangedData {
  status: SampleStatus;
  previousStatus: SampleStatus;
  /** The step whose change moved the status (the current one when the sample was archived). */
  step: string | null | undefined;
  /** The workflow's change counter: a consumer ignores a status older than the one it has. */
  seq: number;
}

/**
 * `LegalHoldPlaced.data` (the subject is the `LegalHold`, its id the hold's). The hold covers what
 * is about `subjectId` (matched against an entry's subject, sample or submission id) and/or what
 * happened between `from` and `to`; a null side is open.
 */
export interface LegalHoldPlacedData {
  subjectId: string | null;
  /** ISO time, or null: from the beginning. */
  from: string | null;
  /** ISO time, or null: until now and on. */
  to: string | null;
  reason: string;
}

/** `LegalHoldReleased.data` (the subject is the released `LegalHold`). */
export interface LegalHoldReleasedData {
  subjectId: string | null;
  reason: string;
}
