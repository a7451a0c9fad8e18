/**
 * Who may call each operation of the supergraph: the callers that get past authorization.
 * READ_TOKEN is an API token owned by a STAFF user with the read scopes (samples, exports,
 * workflow, audit, files). Part of the API's contract, so it sits with the schema: test/e2e/access-matrix.test.ts
 * enforces it through the gateway, scripts/render-access-matrix.ts renders it into docs/access-matrix.md.
 */
export const CALLERS = ['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER', 'READ_TOKEN', 'ANONYMOUS'] as const;
export type Caller = (typeof CALLERS)[number];

/** Every caller except anonymous: people of each role and a read-scoped API token. */
const SIGNED_IN: readonly Caller[] = ['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER', 'READ_TOKEN'];
/** People signed in interactively (API tokens never manage sessions, passwords or tokens). */
const PEOPLE: readonly Caller[] = ['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER'];
/** Roles that create and edit their own lab's work. */
const WRITERS: readonly Caller[] = ['ADMIN', 'STAFF', 'SUBMITTER'];
const STAFF_ONLY: readonly Caller[] = ['ADMIN', 'STAFF'];
const ADMIN_ONLY: readonly Caller[] = ['ADMIN'];
/** Readers of facility inventory (flow cells): everyone signed in but submitters, whose lab owns none of it. */
const FACILITY_READERS: readonly Caller[] = ['ADMIN', 'STAFF', 'VIEWER', 'READ_TOKEN'];
const ALL: readonly Caller[] = CALLERS;

/**
 * Operations gated by a credential passed as an argument (password, refresh or reset token) rather
 * than by role: anyone may call them, and UNAUTHENTICATED is the credential check itself. Only
 * FORBIDDEN would count as a refusal here; none is expected.
 */
export const CREDENTIAL_OPERATIONS: Record<string, readonly Caller[]> = {
  'Mutation.login': ALL,
  'Mutation.refreshSession': ALL,
  'Mutation.resetPassword': ALL,
  'Mutation.logout': ALL,
};

export const ACCESS_MATRIX: Record<string, readonly Caller[]> = {
  'Query.apiScopes': ALL,
  'Query.apiTokens': PEOPLE,
  'Query.auditEntries': SIGNED_IN,
  'Query.auditEntry': SIGNED_IN,
  'Query.auditStats': SIGNED_IN,
  'Query.barcodeKits': SIGNED_IN,
  'Query.billingAccount': SIGNED_IN,
  'Query.billingAccounts': SIGNED_IN,
  'Query.deadLetters': ADMIN_ONLY,
  'Query.exportAuditEntries': SIGNED_IN,
  'Query.exportJob': SIGNED_IN,
  'Query.extractionJob': SIGNED_IN,
  'Query.extractionJobs': SIGNED_IN,
  'Query.file': SIGNED_IN,
  'Query.flowCell': FACILITY_READERS,
  'Query.flowCellStock': FACILITY_READERS,
  'Query.flowCells': FACILITY_READERS,
  'Query.intakeJob': SIGNED_IN,
  'Query.intakeJobs': SIGNED_IN,
  'Query.legalHolds': ADMIN_ONLY,
  'Query.me': ALL,
  'Query.myWork': SIGNED_IN,
  'Query.notificationDeliveries': ADMIN_ONLY,
  'Query.notificationPreferences': PEOPLE,
  'Query.notifications': PEOPLE,
  'Query.pool': SIGNED_IN,
  'Query.poolSampleSheet': SIGNED_IN,
  'Query.stepSignatureRecord': STAFF_ONLY,
  'Query.pools': SIGNED_IN,
  'Query.project': SIGNED_IN,
  'Query.projects': SIGNED_IN,
  'Query.retentionPolicies': ADMIN_ONLY,
  'Query.sample': SIGNED_IN,
  'Query.sampleQueue': SIGNED_IN,
  'Query.sampleStats': SIGNED_IN,
  'Query.samples': SIGNED_IN,
  'Query.submission': SIGNED_IN,
  'Query.submissions': SIGNED_IN,
  'Query.suggestBarcodes': SIGNED_IN,
  'Query.user': SIGNED_IN,
  'Query.users': STAFF_ONLY,
  'Query.validateSampleDrafts': WRITERS,
  'Query.verifyAuditChain': ADMIN_ONLY,
  'Query.webhookEndpoints': ADMIN_ONLY,
  'Query.workQueue': SIGNED_IN,
  'Query.workflow': SIGNED_IN,
  'Mutation.acceptExtraction': STAFF_ONLY,
  'Mutation.addPoolMembers': STAFF_ONLY,
  'Mutation.addSamples': WRITERS,
  'Mutation.archiveSample': STAFF_ONLY,
  'Mutation.assignSample': STAFF_ONLY,
  'Mutation.assignStep': STAFF_ONLY,
  'Mutation.bulkUpdateSamples': WRITERS,
  'Mutation.changePassword': PEOPLE,
  'Mutation.checkFlowCell': STAFF_ONLY,
  'Mutation.commitIntake': WRITERS,
  'Mutation.completeStep': STAFF_ONLY,
  'Mutation.completeSteps': STAFF_ONLY,
  'Mutation.completeUpload': WRITERS,
  'Mutation.correctExtractedSample': STAFF_ONLY,
  'Mutation.correctExtractionField': STAFF_ONLY,
  'Mutation.createApiToken': PEOPLE,
  'Mutation.createBillingAccount': ADMIN_ONLY,
  'Mutation.createIntakeFromCsv': WRITERS,
  'Mutation.createIntakeFromExtraction': WRITERS,
  'Mutation.createIntakeFromXlsx': WRITERS,
  'Mutation.createPool': STAFF_ONLY,
  'Mutation.createProject': WRITERS,
  'Mutation.createSubmission': WRITERS,
  'Mutation.createUpload': WRITERS,
  'Mutation.createUser': ADMIN_ONLY,
  'Mutation.deactivateBillingAccount': ADMIN_ONLY,
  'Mutation.deactivateUser': ADMIN_ONLY,
  'Mutation.deleteFile': WRITERS,
  'Mutation.excludeIntakeRows': WRITERS,
  'Mutation.exportProjects': SIGNED_IN,
  'Mutation.exportSamples': SIGNED_IN,
  'Mutation.exportSubmissions': SIGNED_IN,
  'Mutation.failStep': STAFF_ONLY,
  'Mutation.loadPool': STAFF_ONLY,
  'Mutation.logoutEverywhere': PEOPLE,
  'Mutation.markNotificationsRead': PEOPLE,
  'Mutation.markSubmissionReceived': STAFF_ONLY,
  'Mutation.overrideStep': ADMIN_ONLY,
  'Mutation.placeLegalHold': ADMIN_ONLY,
  'Mutation.pruneAuditEntries': ADMIN_ONLY,
  'Mutation.purgeFile': ADMIN_ONLY,
  'Mutation.reactivateUser': ADMIN_ONLY,
  'Mutation.receiveFlowCells': STAFF_ONLY,
  'Mutation.rejectExtraction': STAFF_ONLY,
  'Mutation.recordStepResults': STAFF_ONLY,
  'Mutation.registerWebhookEndpoint': ADMIN_ONLY,
  'Mutation.releaseLegalHold': ADMIN_ONLY,
  'Mutation.removePoolMember': STAFF_ONLY,
  'Mutation.reopenStep': STAFF_ONLY,
  'Mutation.replayNotificationDelivery': ADMIN_ONLY,
  'Mutation.requestPasswordReset': ADMIN_ONLY,
  'Mutation.retireFlowCell': STAFF_ONLY,
  'Mutation.revokeApiToken': PEOPLE,
  // Any person may e-sign (the change that spends the signature decides who may make it); API tokens never sign.
  'Mutation.signRecord': PEOPLE,
  'Mutation.setRetentionPolicy': ADMIN_ONLY,
  'Mutation.setNotificationPreference': PEOPLE,
  'Mutation.setSamplePriority': STAFF_ONLY,
  'Mutation.skipStep': STAFF_ONLY,
  'Mutation.startStep': STAFF_ONLY,
  'Mutation.startSteps': STAFF_ONLY,
  'Mutation.startPdfExtraction': WRITERS,
  'Mutation.startTextExtraction': WRITERS,
  'Mutation.updateBillingAccount': ADMIN_ONLY,
  'Mutation.updateIntakeRow': WRITERS,
  'Mutation.updateProject': WRITERS,
  'Mutation.updateSample': WRITERS,
  'Mutation.updateSubmission': WRITERS,
  'Mutation.updateUser': ADMIN_ONLY,
  'Mutation.updateWebhookEndpoint': ADMIN_ONLY,
  'Mutation.uploadFile': WRITERS,
  'Mutation.uploadFileVersion': WRITERS,
  'Mutation.uploadFiles': WRITERS,
  'Mutation.washFlowCell': STAFF_ONLY,
  ...CREDENTIAL_OPERATIONS,
};
