/**
 * Event contracts: the name of every domain event a subgraph emits (to its outbox, or straight
 * on the bus) and the `data` it carries. Producers name events through `EventTypes` and build
 * `data` with `satisfies` one of these types; consumers (other subgraphs, audit's categories,
 * notification triggers, the gateway's live feeds) read them through the same names and types,
 * so renaming an event or changing a payload is a change here, seen by both sides. (Consumers
 * still validate what arrives: an event may come from an older producer.)
 *
 * Grouped by the producing subgraph; each name says `producer → consumers`. Every event is also
 * recorded by audit, so "audit" is listed only where audit does more than record it.
 */

/** The processing states of a sample, in lifecycle order (the index is the sort rank). */
export const SampleStatuses = ['SUBMITTED', 'PREP', 'SEQUENCING', 'ANALYSIS', 'COMPLETED', 'DISTRIBUTED', 'ARCHIVED'] as const;
export type SampleStatus = (typeof SampleStatuses)[number];

export const EventTypes = {
  // ── auth ──
  /** auth → workflow (notifications' read model of users). */
  UserCreated: 'UserCreated',
  /** auth → workflow (read model); audit files it under ACCESS_CONTROL. */
  UserUpdated: 'UserUpdated',
  /** auth → workflow (read model); audit: ACCESS_CONTROL. */
  UserRoleChanged: 'UserRoleChanged',
  /** auth → workflow (read model: the user gets no more notifications); audit: ACCESS_CONTROL. */
  UserDeactivated: 'UserDeactivated',
  /** auth → audit (SECURITY), like every event of this group below. */
  LoginSucceeded: 'LoginSucceeded',
  LoginFailed: 'LoginFailed',
  AccountLocked: 'AccountLocked',
  SessionRefreshed: 'SessionRefreshed',
  RefreshTokenReused: 'RefreshTokenReused',
  LoggedOut: 'LoggedOut',
  PasswordChanged: 'PasswordChanged',
  PasswordResetRequested: 'PasswordResetRequested',
  PasswordReset: 'PasswordReset',
  ApiTokenCreated: 'ApiTokenCreated',
  ApiTokenRevoked: 'ApiTokenRevoked',
  /** auth → audit (SECURITY): a person re-authenticated and e-signed a record's hash (the signature is spent where the record changes). */
  SignatureIssued: 'SignatureIssued',

  // ── samples ──
  /** samples → workflow (opens the workflow; notifications' read model). */
  SampleCreated: 'SampleCreated',
  /** samples → workflow (re-queues). */
  SamplePriorityChanged: 'SamplePriorityChanged',
  /** samples → workflow (closes the workflow). */
  SampleArchived: 'SampleArchived',
  /** samples → workflow (notifications' read model). */
  SampleAssigned: 'SampleAssigned',
  /** samples → workflow (notifications' read model). */
  SampleUpdated: 'SampleUpdated',
  /** samples → workflow (notifications' read model). */
  SubmissionCreated: 'SubmissionCreated',
  /** samples → workflow (notifications' read model). */
  SubmissionUpdated: 'SubmissionUpdated',
  /** samples → workflow (work may start: due dates count from here; notifies the customer). */
  SubmissionReceived: 'SubmissionReceived',
  /** samples → audit, like every event of this group below. */
  ProjectCreated: 'ProjectCreated',
  ProjectUpdated: 'ProjectUpdated',
  BillingAccountCreated: 'BillingAccountCreated',
  BillingAccountUpdated: 'BillingAccountUpdated',
  BillingAccountDeactivated: 'BillingAccountDeactivated',
  ExportRequested: 'ExportRequested',

  // ── workflow ──
  /** workflow → samples (Sample.status follows). */
  SampleStatusChanged: 'SampleStatusChanged',
  /** workflow → gateway (live feeds), like the step events below (see `StepEventTypes`). */
  StepStarted: 'StepStarted',
  /** workflow → gateway (live feeds), workflow (notifications: step completed, data delivered). */
  StepCompleted: 'StepCompleted',
  /** workflow → gateway (live feeds), workflow (notifications: QC failed). */
  StepFailed: 'StepFailed',
  StepSkipped: 'StepSkipped',
  StepReopened: 'StepReopened',
  StepOverridden: 'StepOverridden',
  StepAssigned: 'StepAssigned',
  StepResultsRecorded: 'StepResultsRecorded',
  /** workflow → workflow (notifications: sample overdue). */
  SampleOverdue: 'SampleOverdue',
  /** workflow → gateway (`notificationAdded`). */
  NotificationCreated: 'NotificationCreated',
  /** workflow → audit, like every event of this group below. */
  NotificationsRead: 'NotificationsRead',
  NotificationPreferenceChanged: 'NotificationPreferenceChanged',
  NotificationsUnsubscribed: 'NotificationsUnsubscribed',
  NotificationDeliveryReplayed: 'NotificationDeliveryReplayed',
  WebhookEndpointRegistered: 'WebhookEndpointRegistered',
  WebhookEndpointUpdated: 'WebhookEndpointUpdated',
  /** workflow → audit, like every event of this group below: the flow-cell inventory (FlowCell). */
  FlowCellReceived: 'FlowCellReceived',
  /** A platform check: its pore count, and whether it fell below the product's warranty threshold (the cell is then flagged for return). */
  FlowCellChecked: 'FlowCellChecked',
  /** Taken from stock for a run: by a sample's SEQUENCING_SETUP step or by loading a pool. */
  FlowCellPicked: 'FlowCellPicked',
  FlowCellWashed: 'FlowCellWashed',
  FlowCellRetired: 'FlowCellRetired',
  /** An alert: a product's usable stock fell below its threshold (WORKFLOW_FLOWCELL_LOW_STOCK). */
  FlowCellStockLow: 'FlowCellStockLow',
  /** An alert, once per cell: it expires within WORKFLOW_FLOWCELL_EXPIRY_WARNING_DAYS and has not been used. */
  FlowCellExpiringSoon: 'FlowCellExpiringSoon',
  /** workflow → audit: pools of barcoded libraries sequenced on one flow cell (Pool). */
  PoolCreated: 'PoolCreated',
  PoolMembersAdded: 'PoolMembersAdded',
  PoolMemberRemoved: 'PoolMemberRemoved',
  PoolLoaded: 'PoolLoaded',
  /** workflow → audit: sequencing runs of a pool or a sample on one flow cell at a device position (SequencingRun). */
  SequencingRunStarted: 'SequencingRunStarted',
  SequencingRunEnded: 'SequencingRunEnded',
  /** A MinKNOW final summary / sequencing summary was read into the run's metrics and per-barcode yields. */
  RunMetricsImported: 'RunMetricsImported',

  // ── ai ──
  /** ai → ai (wakes the extraction worker). */
  ExtractionJobQueued: 'ExtractionJobQueued',
  /** ai → gateway (`extractionProgress`); published straight on the bus, never through the outbox (a lost tick is harmless). */
  ExtractionProgress: 'ExtractionProgress',
  /** ai → workflow (notifications: extraction needs review, when `needsReviewCount` > 0). */
  ExtractionCompleted: 'ExtractionCompleted',
  /** ai → audit, like every event of this group below. */
  ExtractionJobCreated: 'ExtractionJobCreated',
  ExtractionFailed: 'ExtractionFailed',
  /** ai → audit, submission (keeps the accepted draft for createIntakeFromExtraction). */
  ExtractionAccepted: 'ExtractionAccepted',
  ExtractionRejected: 'ExtractionRejected',
  ExtractionFieldCorrected: 'ExtractionFieldCorrected',
  ExtractedSampleCorrected: 'ExtractedSampleCorrected',

  // ── files ──
  /** files → ai (the files a PDF extraction may read). */
  FileUploaded: 'FileUploaded',
  /** files → ai (a deleted file can no longer be read). */
  FileDeleted: 'FileDeleted',
  /** files → audit, like every event of this group below. */
  FileVersionAdded: 'FileVersionAdded',
  FilePurged: 'FilePurged',
  FileUploadRequested: 'FileUploadRequested',
  FileUploadRejected: 'FileUploadRejected',
  FileScanned: 'FileScanned',
  FileQuarantined: 'FileQuarantined',

  // ── audit ──
  /** audit → audit (SECURITY), like every event of this group. */
  RetentionPolicyChanged: 'RetentionPolicyChanged',
  AuditPruned: 'AuditPruned',
  /** audit → files (a purge refuses files a hold covers), audit. */
  LegalHoldPlaced: 'LegalHoldPlaced',
  /** audit → files (the hold no longer blocks a purge), audit. */
  LegalHoldReleased: 'LegalHoldReleased',

  // ── submission ──
  /** submission → gateway (`intakeProgress`); published straight on the bus, never through the outbox. */
  IntakeProgress: 'IntakeProgress',
  /** submission → gateway (`intakeProgress`: the job's counters in `after`), like the intake events below but IntakeJobCreated and IntakeSubmissionCreated. */
  IntakeJobValidated: 'IntakeJobValidated',
  IntakeJobFailed: 'IntakeJobFailed',
  IntakeRowUpdated: 'IntakeRowUpdated',
  IntakeRowsExcluded: 'IntakeRowsExcluded',
  IntakeRowsIncluded: 'IntakeRowsIncluded',
  IntakeCommitStarted: 'IntakeCommitStarted',
  /** submission → audit, workflow (notifications: intake committed, when it ends COMMITTED or PARTIALLY_COMMITTED). */
  IntakeCommitFinished: 'IntakeCommitFinished',
  /** submission → ai (links each sample made from an accepted extraction's row to that job: `Sample.aiExtraction`); only for intakes of an extraction. */
  IntakeRowsCommitted: 'IntakeRowsCommitted',
  /** submission → audit. */
  IntakeJobCreated: 'IntakeJobCreated',
  IntakeSubmissionCreated: 'IntakeSubmissionCreated',

  // ── consumed, but emitted by no subgraph today ──
  /** (none) → workflow (notifications: sample received); samples emits SubmissionReceived instead. */
  SampleReceived: 'SampleReceived',
  /** (none) → workflow (notifications: extraction needs review); ai reports it in ExtractionCompleted.needsReviewCount. */
  ExtractionNeedsReview: 'ExtractionNeedsReview',
} as const;
export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

/** The step event of each step action, in workflow's `StepAction` terms (what `recordStepEvents` writes and the live feeds read). */
export const StepEventTypes = {
  STARTED: EventTypes.StepStarted, COMPLETED: EventTypes.StepCompleted, FAILED: EventTypes.StepFailed, SKIPPED: EventTypes.StepSkipped,
  REOPENED: EventTypes.StepReopened, OVERRIDDEN: EventTypes.StepOverridden, ASSIGNED: EventTypes.StepAssigned, RESULTS_RECORDED: EventTypes.StepResultsRecorded,
} as const;
export type StepEventType = (typeof StepEventTypes)[keyof typeof StepEventTypes];

export type * from './payloads.js';
