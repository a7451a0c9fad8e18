/**
 * The `data` each event of `EventTypes` carries (contracts.ts), grouped like `EventTypes` by the
 * producing subgraph. `before`/`after` hold the changed fields and are not typed here.
 */
import type { SampleStatus } from './contracts.js';

// ── auth ──

/** `UserCreated.data` (`via` says when the bootstrap or the create-admin command made it). */
export interface UserCreatedData { email: string; role: string; via?: string }
/** `UserUpdated.data`: the fields that changed. */
export interface UserUpdatedData { fields: string[]; via?: string }
/** `UserRoleChanged.data`. */
export interface UserRoleChangedData { role: string; previousRole: string }
/** `UserDeactivated.data`. */
export interface UserDeactivatedData { sessionsEnded: number }
/** `LoginSucceeded.data`. */
export interface LoginSucceededData { sessionId: string }
/** `SignatureIssued.data`: what was signed (a hash of the record's canonical form), how the signer proved themself, and until when it can be used. */
export interface SignatureIssuedData {
  signatureId: string;
  meaning: string;
  method: string;
  recordType: string;
  recordId: string;
  recordHash: string;
  expiresAt: string;
}
/** `LoginFailed.data`; `email` only when what was typed looks like an address. */
export interface LoginFailedData { reason: string; email: string | null; accountLocked: boolean; addressLocked: boolean }
/** `AccountLocked.data`: the policy that locked it. */
export interface AccountLockedData { failures: number; windowMinutes: number; lockMinutes: number }
/** `SessionRefreshed.data`. */
export interface SessionRefreshedData {
  sessionId: string;
  tokenId: string;
  /** A spent token presented again within AUTH_REFRESH_REUSE_GRACE_SECONDS (a reload during a silent refresh). */
  graceReuse?: boolean;
}
/** `RefreshTokenReused.data`: a spent refresh token came back, so its whole family was revoked. */
export interface RefreshTokenReusedData { sessionId: string; tokenId: string; sessionsRevoked: number }
/** `LoggedOut.data`: one session, or every session of the user. */
export interface LoggedOutData { everywhere: boolean; sessionId?: string; sessionsEnded?: number }
/** `PasswordChanged.data`. */
export interface PasswordChangedData { otherSessionsEnded: number }
/** `PasswordResetRequested.data`. */
export interface PasswordResetRequestedData { expiresAt: string }
/** `PasswordReset.data`. */
export interface PasswordResetData { sessionsEnded: number; resetTokenId: string }
/** `ApiTokenCreated.data`. */
export interface ApiTokenCreatedData { name: string; scopes: string[]; expiresAt: string; ownerId: string | null }
/** `ApiTokenRevoked.data`. */
export interface ApiTokenRevokedData { name: string; ownerId: string }

// ── samples ──

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

/** `SampleAssigned.data`. */
export interface SampleAssignedData { name: string; assigneeId: string | null }
/** `SampleUpdated.data`; the changed fields are in `before`/`after`. */
export interface SampleUpdatedData { name: string; version: number }

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

/** `ProjectCreated` and `ProjectUpdated` `.data`. */
export interface ProjectEventData { name: string; labId: string }
/** `BillingAccountCreated`, `BillingAccountUpdated` and `BillingAccountDeactivated` `.data`. */
export interface BillingAccountEventData { code: string; labId: string; active: boolean }
/** `ExportRequested.data`. */
export interface ExportRequestedData { kind: string; format: string; filter: unknown; fields: unknown }

// ── workflow ──

/** `SampleStatusChanged.data`: the status the workflow derived from its steps, and why. */
export interface SampleStatusChangedData {
  status: SampleStatus;
  previousStatus: SampleStatus;
  /** The step whose change moved the status (the current one when the sample was archived). */
  step: string | null | undefined;
  /** The workflow's change counter: a consumer ignores a status older than the one it has. */
  seq: number;
}

/** The `.data` of every step event (`StepEventTypes`): everything a live feed shows, so the gateway forwards it without a lookup. */
export interface StepEventData {
  workflowId: string;
  stepId: string;
  step: string;
  position: number;
  status: string;
  /** The `StepAction` (STARTED, COMPLETED, ...). */
  action: string;
  /** The workflow's change counter. */
  seq: number;
  completedSteps: number;
  progress: number;
  sampleStatus: SampleStatus;
  assigneeId: string | null;
  outcome: string | null;
  results: unknown;
  version: number;
  occurredAt: string;
  /** The e-signature the change needed (overrides, skips, reopening a completed step); absent otherwise. */
  signature?: StepSignatureData;
}

/** An e-signature as a step event carries it (21 CFR Part 11 §11.50: who, when, meaning, and the signed record's hash). */
export interface StepSignatureData {
  signatureId: string;
  signerId: string;
  signerName: string | null;
  meaning: string;
  method: string;
  signedAt: string;
  recordHash: string;
}

/** `SampleOverdue.data`. */
export interface SampleOverdueData { dueAt: string; priority: string; currentStep: string | null | undefined; receivedAt: string | null; hoursLate: number }

/** `NotificationCreated.data`: the in-app notification, as the gateway streams it to its recipient. */
export interface NotificationCreatedData {
  recipientId: string;
  /** The `NotificationEvent` (SAMPLE_RECEIVED, QC_FAILED, ...). */
  event: string;
  title: string;
  body: string;
  sampleId: string | null;
  submissionId: string | null;
  createdAt: string;
  sourceEventId: string;
}

/** `NotificationsRead.data` (at most 100 ids). */
export interface NotificationsReadData { count: number; ids: string[]; all: boolean }
/** `NotificationPreferenceChanged.data`. */
export interface NotificationPreferenceChangedData { event: string; email: boolean; inApp: boolean }
/** `NotificationsUnsubscribed.data`. */
export interface NotificationsUnsubscribedData { event: string | null; via: string }
/** `NotificationDeliveryReplayed.data`. */
export interface NotificationDeliveryReplayedData { replayOf: string; channel: string; event: string; endpointId: string | null }
/** `WebhookEndpointRegistered` and `WebhookEndpointUpdated` `.data`. */
export interface WebhookEndpointEventData { url: string; events: string[]; active: boolean; secretChanged: boolean }

/** What every flow-cell event says about the cell: which one and where it stands after the change. */
export interface FlowCellFacts { productCode: string; serial: string; lot: string | null; status: string }
/** `FlowCellReceived.data`. */
export interface FlowCellReceivedData extends FlowCellFacts { receivedAt: string; expiresAt: string; storageLocation: string | null }
/** `FlowCellChecked.data`: a platform check; below the warranty threshold on an unused cell it is FAILED_CHECK and flagged for return. */
export interface FlowCellCheckedData extends FlowCellFacts { poreCount: number; warrantyThreshold: number; belowWarranty: boolean; flaggedForReturn: boolean; previousStatus: string }
/** `FlowCellPicked.data`: taken for a run (IN_USE, or REUSED after a wash) by a sample's setup step or a pool. */
export interface FlowCellPickedData extends FlowCellFacts { previousStatus: string; useCount: number; sampleId: string | null; poolId: string | null; stepId: string | null; poreCount: number | null }
/** `FlowCellWashed.data`. */
export interface FlowCellWashedData extends FlowCellFacts { washKit: string; washCount: number; poreCountAtEnd: number | null; previousStatus: string }
/** `FlowCellRetired.data`. */
export interface FlowCellRetiredData extends FlowCellFacts { previousStatus: string; flaggedForReturn: boolean; poreCountAtEnd: number | null }
/** `FlowCellStockLow.data`: usable cells (IN_STOCK or CHECKED, unexpired, not flagged) of a product left after the change. */
export interface FlowCellStockLowData { productCode: string; available: number; threshold: number }
/** `FlowCellExpiringSoon.data`. */
export interface FlowCellExpiringSoonData extends FlowCellFacts { expiresAt: string; daysLeft: number }
/** One pooled library: the sample, its barcode (the kit's label, e.g. NB05) and its molar ratio in the pool. */
export interface PoolMemberFacts { sampleId: string; barcode: string; molarRatio: number }
/** `PoolCreated`, `PoolMembersAdded` and `PoolMemberRemoved` `.data` (`members`: the ones added or removed). */
export interface PoolEventData { name: string; barcodeKit: string; status: string; memberCount: number; members: PoolMemberFacts[] }
/** `PoolLoaded.data`: the pool went onto one flow cell. */
export interface PoolLoadedData { name: string; barcodeKit: string; memberCount: number; flowCellId: string; serial: string; productCode: string }
/** What every sequencing-run event says about the run. */
export interface SequencingRunFacts { poolId: string | null; sampleId: string | null; flowCellId: string; serial: string; model: string; position: string; experimentId: string; minknowRunId: string | null; status: string }
/** `SequencingRunStarted.data`. */
export interface SequencingRunStartedData extends SequencingRunFacts { startedAt: string; poreCountAtStart: number | null; deviceSerial: string | null }
/** `SequencingRunEnded.data`. */
export interface SequencingRunEndedData extends SequencingRunFacts { endedAt: string; poreCountAtEnd: number | null; previousStatus: string }
/** `RunMetricsImported.data`: the run's totals and, per barcode, its reads and bases with the sample it maps to (null: unclassified or not in the pool). */
export interface RunMetricsImportedData extends SequencingRunFacts {
  sources: string[]; readCount: number | null; baseCount: number | null; n50: number | null; passPercent: number | null; meanQScore: number | null;
  barcodes: { barcode: string; sampleId: string | null; readCount: number; baseCount: number }[];
}

// ── ai ──

/** `ExtractionJobQueued.data`; `source`: a stored file (fileId), a multipart upload, or inline base64. */
export interface ExtractionJobQueuedData { method: string; source: 'FILE' | 'UPLOAD' | 'INLINE'; fileId: string | null | undefined; filename: string | null | undefined; byteSize: number }
/** `ExtractionProgress.data`: one progress report of a running job. */
export interface ExtractionProgressData {
  jobId: string;
  status: string;
  stage: string;
  page: number;
  pages: number;
  progress: number;
  message: string | null;
}
/** `ExtractionCompleted.data`; the PDF pipeline adds what it read of the form. */
export interface ExtractionCompletedData {
  method: string;
  resultCount: number;
  /** Fields below the confidence threshold (notifications ask staff to review them). */
  needsReviewCount: number;
  fields?: string[];
  form?: unknown;
  pages?: number;
  sampleCount?: number;
  warnings?: unknown;
  llmModel?: string | null;
}
/** `ExtractionJobCreated.data`. */
export interface ExtractionJobCreatedData { method: string; submissionId: string | null; sampleId: string | null; source: 'TEXT'; textLength: number }
/** `ExtractionFailed.data`. */
export interface ExtractionFailedData { method: string; error: string | null }
/** `ExtractionAccepted.data`: what the reviewer accepted. */
export interface ExtractionAcceptedData { form: unknown; fields: Record<string, unknown>; samples: unknown }
/** `ExtractionFieldCorrected.data`. */
export interface ExtractionFieldCorrectedData { fieldName: string | null; correctionId: string }
/** `ExtractedSampleCorrected.data`. */
export interface ExtractedSampleCorrectedData { sampleNumber: string; field: string }

// ── files ──

/** `FileUploaded` (the first version) and `FileVersionAdded` (a later one) `.data`. */
export interface FileVersionStoredData {
  version: number;
  filename: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  scanStatus: string;
  comment?: string;
  kind: string;
  ownerType: string;
  ownerId: string;
}
/** `FileDeleted.data`. */
export interface FileDeletedData { filename: string }
/** `FilePurged.data`: the versions whose bytes were removed. */
export interface FilePurgedData { filename: string; versions: { version: number; sha256: string; byteSize: number }[] }
/** `FileUploadRequested.data`. */
export interface FileUploadRequestedData { filename: string; contentType: string; byteSize: number; ownerType: string; ownerId: string }
/** `FileUploadRejected.data`. */
export interface FileUploadRejectedData { reason: string }
/** `FileScanned` and `FileQuarantined` `.data`: the virus scanner's verdict on one version. */
export interface FileScanData { version: number; versionId: string; sha256: string; verdict: string; signature?: string }

// ── audit ──

/** `RetentionPolicyChanged.data`. */
export interface RetentionPolicyChangedData { category: string; retainDays: number | null }
/**
 * `LegalHoldPlaced.data`: the hold covers entries (and files) of `subjectId` (every subject when
 * null) that happened between `from` and `to`; a null side is open.
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
/** `AuditPruned.data`. */
export interface AuditPrunedData { fromSeq: number | null; toSeq: number | null; pruned: number; anchorHash: string | null; archiveFile: string | null }

// ── submission ──

/** The counters of an intake job: the `after` of every intake event, and part of `IntakeProgress.data`. */
export interface IntakeJobCounts {
  status: string;
  rowCount: number;
  errorCount: number;
  excludedCount: number;
  committedCount: number;
  failedCount: number;
}
/** What every intake job event's `.data` starts with; each event adds its own fields. */
export interface IntakeJobEventData { kind: string; filename: string | null | undefined; [field: string]: unknown }
/** One committed row of `IntakeRowsCommitted`: its number in the intake, the sample it became, and the quote row it was read from. */
export interface IntakeCommittedRow { rowNumber: number; sampleId: string; sampleNumber: string | null }
/** `IntakeRowsCommitted.data`: one commit batch of an intake made from an accepted extraction (`extractionJobId`). */
export interface IntakeRowsCommittedData extends IntakeJobEventData { extractionJobId: string; rows: IntakeCommittedRow[] }
/** `IntakeProgress.data`: how far parsing or committing is. */
export interface IntakeProgressData extends IntakeJobCounts { jobId: string; phase: string; processed: number; total: number | null }
