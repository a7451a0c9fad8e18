/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me { me { id name email role labId labName } }\n": typeof types.MeDocument,
    "mutation CreateUpload($input: CreateUploadInput!) {\n  createUpload(input: $input) { uploadId uploadUrl method headers { name value } maxBytes }\n}": typeof types.CreateUploadDocument,
    "mutation CompleteUpload($id: ID!) { completeUpload(uploadId: $id) { id filename } }": typeof types.CompleteUploadDocument,
    "mutation UpdateIntakeRow($id: ID!, $values: JSON!) { updateIntakeRow(id: $id, values: $values) { id status raw parsed errors { field column message } } }": typeof types.UpdateIntakeRowDocument,
    "mutation ExcludeIntakeRows($jobId: ID!, $rowIds: [ID!]!, $excluded: Boolean) { excludeIntakeRows(jobId: $jobId, rowIds: $rowIds, excluded: $excluded) { id status rowCount errorCount excludedCount } }": typeof types.ExcludeIntakeRowsDocument,
    "query Users($search: String) { users(first: 50, filter: { search: $search }) { totalCount edges { node { id name email role labId labName active lastLoginAt } } } }": typeof types.UsersDocument,
    "mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id name } }": typeof types.CreateUserDocument,
    "mutation UpdateRole($id: ID!, $role: Role!) { updateUser(id: $id, input: { role: $role }) { id role } }": typeof types.UpdateRoleDocument,
    "mutation Deactivate($id: ID!) { deactivateUser(id: $id) { id active } }": typeof types.DeactivateDocument,
    "mutation Reactivate($id: ID!) { reactivateUser(id: $id) { id active } }": typeof types.ReactivateDocument,
    "query Tokens { apiScopes apiTokens(first: 50) { edges { node { id name prefix scopes lastUsedAt expiresAt createdAt revokedAt } } } }": typeof types.TokensDocument,
    "mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name } } }": typeof types.CreateTokenDocument,
    "mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }": typeof types.RevokeTokenDocument,
    "query VerifyChain { verifyAuditChain { valid checked fromSeq toSeq firstBrokenSeq reason } }": typeof types.VerifyChainDocument,
    "query DeadLetters { deadLetters(first: 50) { totalCount edges { node { id consumerGroup eventType reason receivedAt } } } }": typeof types.DeadLettersDocument,
    "\n  fragment BoardQueue on WorkQueueConnection {\n    totalCount\n    edges { node { priority waitingSince sample { id number name overdue } workflow { id dueAt } step { id status } } }\n  }\n": typeof types.BoardQueueFragmentDoc,
    "\n  query Board($first: Int!) {\n    sampleQc: workQueue(step: SAMPLE_QC, first: $first) { ...BoardQueue }\n    libraryPrep: workQueue(step: LIBRARY_PREP, first: $first) { ...BoardQueue }\n    libraryQc: workQueue(step: LIBRARY_QC, first: $first) { ...BoardQueue }\n    sequencingSetup: workQueue(step: SEQUENCING_SETUP, first: $first) { ...BoardQueue }\n    sequencingRun: workQueue(step: SEQUENCING_RUN, first: $first) { ...BoardQueue }\n    basecalling: workQueue(step: BASECALLING, first: $first) { ...BoardQueue }\n    qualityAssessment: workQueue(step: QUALITY_ASSESSMENT, first: $first) { ...BoardQueue }\n    dataDelivery: workQueue(step: DATA_DELIVERY, first: $first) { ...BoardQueue }\n    sampleStats { total byStatus { status count } }\n  }\n": typeof types.BoardDocument,
    "\n  subscription BoardEvents { workflowEvents { seq sampleId action step status occurredAt sample { id name } } }\n": typeof types.BoardEventsDocument,
    "mutation ExportSamples($format: ExportFormat!, $filter: SampleFilter) { exportSamples(format: $format, filter: $filter) { id status } }": typeof types.ExportSamplesDocument,
    "mutation ExportSubmissions($format: ExportFormat!) { exportSubmissions(format: $format) { id status } }": typeof types.ExportSubmissionsDocument,
    "mutation ExportProjects($format: ExportFormat!) { exportProjects(format: $format) { id status } }": typeof types.ExportProjectsDocument,
    "\n  query ExportJob($id: ID!) { exportJob(id: $id) { id kind format status progress rowsTotal rowsWritten byteSize downloadUrl error createdAt finishedAt } }\n": typeof types.ExportJobDocument,
    "\n  query IntakeChoices { submissions(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id number labId project { name } } } } }\n": typeof types.IntakeChoicesDocument,
    "\n  query IntakeJob($id: ID!, $rowsAfter: String, $rowStatus: IntakeRowStatus) {\n    intakeJob(id: $id) {\n      id kind status filename rowCount errorCount excludedCount committedCount failedCount error ignoredColumns createdAt committedAt\n      submission { id number }\n      rows(first: 100, after: $rowsAfter, status: $rowStatus) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id rowNumber status raw parsed sampleId errors { field column message } } }\n      }\n    }\n  }\n": typeof types.IntakeJobDocument,
    "\n  subscription IntakeProgress($jobId: ID!) {\n    intakeProgress(jobId: $jobId) { jobId status processed total rowCount errorCount excludedCount committedCount failedCount occurredAt }\n  }\n": typeof types.IntakeProgressDocument,
    "query IntakeJobs { intakeJobs(first: 10) { edges { node { id filename kind status rowCount errorCount createdAt submission { id number } } } } }": typeof types.IntakeJobsDocument,
    "mutation IntakeCsv($input: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $input) { id status rowCount errorCount } }": typeof types.IntakeCsvDocument,
    "mutation IntakeXlsx($input: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $input) { id status rowCount errorCount } }": typeof types.IntakeXlsxDocument,
    "mutation CommitIntake($id: ID!, $idempotencyKey: String!) { commitIntake(id: $id, idempotencyKey: $idempotencyKey) { id status committedCount failedCount error } }": typeof types.CommitIntakeDocument,
    "\n  query Projects($filter: ProjectFilter, $after: String) {\n    projects(filter: $filter, first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id name description labId status createdAt owner { id name } } }\n    }\n  }\n": typeof types.ProjectsDocument,
    "mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { id name } }": typeof types.CreateProjectDocument,
    "\n  query Queue($step: WorkflowStepName!, $first: Int!, $after: String) {\n    workQueue(step: $step, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        priority waitingSince\n        assignee { id name }\n        sample { id number name overdue labId }\n        workflow { id dueAt eta }\n        step { id status version outcome overridden }\n      } }\n    }\n  }\n": typeof types.QueueDocument,
    "\n  query Assignees {\n    staff: users(filter: { role: STAFF, active: true }, first: 100) { edges { node { id name email } } }\n    admins: users(filter: { role: ADMIN, active: true }, first: 100) { edges { node { id name email } } }\n  }\n": typeof types.AssigneesDocument,
    "\n  query ExtractionJobs($status: ExtractionStatus, $after: String) {\n    extractionJobs(filter: { status: $status }, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id filename status form stage progress needsReviewCount labId createdAt submission { id number } } }\n    }\n  }\n": typeof types.ExtractionJobsDocument,
    "\n  query ExtractionJob($id: ID!) {\n    extractionJob(id: $id) {\n      id filename status method form stage progress pagesDone pagesTotal warnings error rejectReason labId createdAt finishedAt reviewedAt needsReviewCount\n      submission { id number }\n      results { id fieldName value values confidence source warning extractedValue sourceText line page boundingBox needsReview correctedBy }\n      samples { sampleNumber sampleName volume volumeUnit qubitConc qubitUnit nanodropConc nanodropUnit a260_280 a260_230 isControl confidence page warning }\n    }\n  }\n": typeof types.ExtractionJobDocument,
    "\n  subscription ExtractionProgress($jobId: ID!) { extractionProgress(jobId: $jobId) { jobId status stage page pages progress message } }\n": typeof types.ExtractionProgressDocument,
    "mutation StartPdfExtraction($input: StartPdfExtractionInput!) { startPdfExtraction(input: $input) { id status } }": typeof types.StartPdfExtractionDocument,
    "mutation CorrectExtractionField($input: CorrectExtractionFieldInput!) {\n  correctExtractionField(input: $input) { id value values confidence source warning extractedValue needsReview correctedBy }\n}": typeof types.CorrectExtractionFieldDocument,
    "mutation CorrectExtractedSample($input: CorrectExtractedSampleInput!) { correctExtractedSample(input: $input) { sampleNumber } }": typeof types.CorrectExtractedSampleDocument,
    "mutation AcceptExtraction($jobId: ID!) { acceptExtraction(jobId: $jobId) { id status reviewedAt } }": typeof types.AcceptExtractionDocument,
    "mutation RejectExtraction($jobId: ID!, $reason: String!) { rejectExtraction(jobId: $jobId, reason: $reason) { id status rejectReason reviewedAt } }": typeof types.RejectExtractionDocument,
    "\n  query SamplePage($id: ID!) {\n    sample(id: $id) {\n      id number name sampleType materialType organism buffer qubitConcentration volume fragmentSize\n      flowCellDevice poreChemistry flowCellCount labId priority status submittedAt completedAt overdue eta version notes\n      assignee { id name }\n      submission { id number }\n      project { id name }\n      attachments { id filename byteSize contentType downloadUrl createdAt }\n      workflow {\n        id progress completedSteps dueAt eta overdue\n        currentStep { name status }\n        steps {\n          id name position status startedAt completedAt estimatedHours actualHours outcome overridden notes\n          assignee { name } completedBy { name }\n          qcChecks { metric value min max passed message }\n          results {\n            __typename\n            ... on SampleQcResults { qubitNgPerUl nanodropNgPerUl volumeUl totalNg a260280 a260230 fragmentSizeBp sqcOutcome: outcome }\n            ... on LibraryPrepResults { kitCode kitLot barcodeKit barcode inputNg meanFragmentLengthBp fmol }\n            ... on LibraryQcResults { concentrationNgPerUl meanSizeBp fmolLoaded lqcOutcome: outcome }\n            ... on SequencingSetupResults { device position flowCellId flowCellProductCode poreCountAtCheck }\n            ... on SequencingRunResults { runId startedAt endedAt readCount baseCount n50 passPercent meanQScore }\n            ... on BasecallingResults { software softwareVersion model modifiedBases minQScore duplex }\n            ... on QualityAssessmentResults { qaMeanQScore: meanQScore coverage passReadsPercent qaOutcome: outcome }\n            ... on DataDeliveryResults { method location acknowledgedBy acknowledgedAt files { path bytes } }\n          }\n        }\n      }\n      history(first: 50) { totalCount edges { node { id type occurredAt reason actor { name via } } } }\n    }\n  }\n": typeof types.SamplePageDocument,
    "\n  subscription SampleProgress($id: ID!) { workflowProgress(sampleId: $id) { seq action step status progress occurredAt } }\n": typeof types.SampleProgressDocument,
    "mutation SetPriority($id: ID!, $priority: Priority!) { setSamplePriority(id: $id, priority: $priority) { id priority } }": typeof types.SetPriorityDocument,
    "\n  query SubmissionPage($id: ID!) {\n    submission(id: $id) {\n      id number status priority labId externalQuoteId specialInstructions submittedAt receivedAt sampleCount completedCount\n      project { id name } submitter { id name }\n      samples { id number name status priority overdue sampleType workflow { completedSteps currentStep { name status } } }\n      attachments { id filename byteSize downloadUrl createdAt }\n      intake { id kind status filename rowCount errorCount createdAt }\n    }\n  }\n": typeof types.SubmissionPageDocument,
    "mutation AddSamples($submissionId: ID!, $samples: [SampleInput!]!) { addSamples(submissionId: $submissionId, samples: $samples) { id name } }": typeof types.AddSamplesDocument,
    "query StaffChoices { users(first: 100, filter: { active: true }) { edges { node { id name role } } } }": typeof types.StaffChoicesDocument,
    "mutation MarkReceived($id: ID!) { markSubmissionReceived(id: $id) { id status receivedAt } }": typeof types.MarkReceivedDocument,
    "\n  query Submissions($filter: SubmissionFilter, $after: String) {\n    submissions(filter: $filter, first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id number status priority labId sampleCount completedCount createdAt project { id name } submitter { id name } } }\n    }\n  }\n": typeof types.SubmissionsDocument,
    "query ProjectChoices { projects(first: 100, filter: { status: [ACTIVE] }) { edges { node { id name labId } } } }": typeof types.ProjectChoicesDocument,
    "mutation CreateSubmission($input: CreateSubmissionInput!) { createSubmission(input: $input) { id number } }": typeof types.CreateSubmissionDocument,
    "\n  query FinishedSamples($from: DateTime!, $after: String) {\n    samples(filter: { status: [COMPLETED, DISTRIBUTED], updatedFrom: $from, includeArchived: true }, first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id submittedAt completedAt } }\n    }\n  }\n": typeof types.FinishedSamplesDocument,
    "mutation StartStep($sampleId: ID!, $step: WorkflowStepName!, $assigneeId: ID) {\n  startStep(sampleId: $sampleId, step: $step, assigneeId: $assigneeId) { id status version assignee { id name } }\n}": typeof types.StartStepDocument,
    "mutation CompleteStep($sampleId: ID!, $step: WorkflowStepName!, $results: StepResultsInput, $notes: String) {\n  completeStep(sampleId: $sampleId, step: $step, results: $results, notes: $notes) { id status outcome version qcChecks { metric passed message } }\n}": typeof types.CompleteStepDocument,
    "mutation FailStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!) {\n  failStep(sampleId: $sampleId, step: $step, reason: $reason) { id status version }\n}": typeof types.FailStepDocument,
    "mutation SkipStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  skipStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status version }\n}": typeof types.SkipStepDocument,
    "mutation OverrideStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  overrideStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status overridden version }\n}": typeof types.OverrideStepDocument,
    "mutation ReopenStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  reopenStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status version }\n}": typeof types.ReopenStepDocument,
    "mutation AssignStep($sampleId: ID!, $step: WorkflowStepName!, $assigneeId: ID, $expectedVersion: Int!) {\n  assignStep(sampleId: $sampleId, step: $step, assigneeId: $assigneeId, expectedVersion: $expectedVersion) { id status version assignee { id name } }\n}": typeof types.AssignStepDocument,
    "mutation StartSteps($inputs: [StartStepInput!]!) {\n  startSteps(inputs: $inputs) { sampleId ok error { code message field } }\n}": typeof types.StartStepsDocument,
    "mutation CompleteSteps($inputs: [CompleteStepInput!]!) {\n  completeSteps(inputs: $inputs) { sampleId ok step { id status outcome } error { code message field } }\n}": typeof types.CompleteStepsDocument,
    "query SignableStep($sampleId: ID!, $step: WorkflowStepName!, $action: StepAction!, $reason: String!) {\n  stepSignatureRecord(sampleId: $sampleId, step: $step, action: $action, reason: $reason) { recordType recordId hash canonical }\n}": typeof types.SignableStepDocument,
    "mutation SignRecord($input: SignRecordInput!) {\n  signRecord(input: $input) { id token meaning signedAt }\n}": typeof types.SignRecordDocument,
};
const documents: Documents = {
    "\n  query Me { me { id name email role labId labName } }\n": types.MeDocument,
    "mutation CreateUpload($input: CreateUploadInput!) {\n  createUpload(input: $input) { uploadId uploadUrl method headers { name value } maxBytes }\n}": types.CreateUploadDocument,
    "mutation CompleteUpload($id: ID!) { completeUpload(uploadId: $id) { id filename } }": types.CompleteUploadDocument,
    "mutation UpdateIntakeRow($id: ID!, $values: JSON!) { updateIntakeRow(id: $id, values: $values) { id status raw parsed errors { field column message } } }": types.UpdateIntakeRowDocument,
    "mutation ExcludeIntakeRows($jobId: ID!, $rowIds: [ID!]!, $excluded: Boolean) { excludeIntakeRows(jobId: $jobId, rowIds: $rowIds, excluded: $excluded) { id status rowCount errorCount excludedCount } }": types.ExcludeIntakeRowsDocument,
    "query Users($search: String) { users(first: 50, filter: { search: $search }) { totalCount edges { node { id name email role labId labName active lastLoginAt } } } }": types.UsersDocument,
    "mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id name } }": types.CreateUserDocument,
    "mutation UpdateRole($id: ID!, $role: Role!) { updateUser(id: $id, input: { role: $role }) { id role } }": types.UpdateRoleDocument,
    "mutation Deactivate($id: ID!) { deactivateUser(id: $id) { id active } }": types.DeactivateDocument,
    "mutation Reactivate($id: ID!) { reactivateUser(id: $id) { id active } }": types.ReactivateDocument,
    "query Tokens { apiScopes apiTokens(first: 50) { edges { node { id name prefix scopes lastUsedAt expiresAt createdAt revokedAt } } } }": types.TokensDocument,
    "mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name } } }": types.CreateTokenDocument,
    "mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }": types.RevokeTokenDocument,
    "query VerifyChain { verifyAuditChain { valid checked fromSeq toSeq firstBrokenSeq reason } }": types.VerifyChainDocument,
    "query DeadLetters { deadLetters(first: 50) { totalCount edges { node { id consumerGroup eventType reason receivedAt } } } }": types.DeadLettersDocument,
    "\n  fragment BoardQueue on WorkQueueConnection {\n    totalCount\n    edges { node { priority waitingSince sample { id number name overdue } workflow { id dueAt } step { id status } } }\n  }\n": types.BoardQueueFragmentDoc,
    "\n  query Board($first: Int!) {\n    sampleQc: workQueue(step: SAMPLE_QC, first: $first) { ...BoardQueue }\n    libraryPrep: workQueue(step: LIBRARY_PREP, first: $first) { ...BoardQueue }\n    libraryQc: workQueue(step: LIBRARY_QC, first: $first) { ...BoardQueue }\n    sequencingSetup: workQueue(step: SEQUENCING_SETUP, first: $first) { ...BoardQueue }\n    sequencingRun: workQueue(step: SEQUENCING_RUN, first: $first) { ...BoardQueue }\n    basecalling: workQueue(step: BASECALLING, first: $first) { ...BoardQueue }\n    qualityAssessment: workQueue(step: QUALITY_ASSESSMENT, first: $first) { ...BoardQueue }\n    dataDelivery: workQueue(step: DATA_DELIVERY, first: $first) { ...BoardQueue }\n    sampleStats { total byStatus { status count } }\n  }\n": types.BoardDocument,
    "\n  subscription BoardEvents { workflowEvents { seq sampleId action step status occurredAt sample { id name } } }\n": types.BoardEventsDocument,
    "mutation ExportSamples($format: ExportFormat!, $filter: SampleFilter) { exportSamples(format: $format, filter: $filter) { id status } }": types.ExportSamplesDocument,
    "mutation ExportSubmissions($format: ExportFormat!) { exportSubmissions(format: $format) { id status } }": types.ExportSubmissionsDocument,
    "mutation ExportProjects($format: ExportFormat!) { exportProjects(format: $format) { id status } }": types.ExportProjectsDocument,
    "\n  query ExportJob($id: ID!) { exportJob(id: $id) { id kind format status progress rowsTotal rowsWritten byteSize downloadUrl error createdAt finishedAt } }\n": types.ExportJobDocument,
    "\n  query IntakeChoices { submissions(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id number labId project { name } } } } }\n": types.IntakeChoicesDocument,
    "\n  query IntakeJob($id: ID!, $rowsAfter: String, $rowStatus: IntakeRowStatus) {\n    intakeJob(id: $id) {\n      id kind status filename rowCount errorCount excludedCount committedCount failedCount error ignoredColumns createdAt committedAt\n      submission { id number }\n      rows(first: 100, after: $rowsAfter, status: $rowStatus) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id rowNumber status raw parsed sampleId errors { field column message } } }\n      }\n    }\n  }\n": types.IntakeJobDocument,
    "\n  subscription IntakeProgress($jobId: ID!) {\n    intakeProgress(jobId: $jobId) { jobId status processed total rowCount errorCount excludedCount committedCount failedCount occurredAt }\n  }\n": types.IntakeProgressDocument,
    "query IntakeJobs { intakeJobs(first: 10) { edges { node { id filename kind status rowCount errorCount createdAt submission { id number } } } } }": types.IntakeJobsDocument,
    "mutation IntakeCsv($input: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $input) { id status rowCount errorCount } }": types.IntakeCsvDocument,
    "mutation IntakeXlsx($input: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $input) { id status rowCount errorCount } }": types.IntakeXlsxDocument,
    "mutation CommitIntake($id: ID!, $idempotencyKey: String!) { commitIntake(id: $id, idempotencyKey: $idempotencyKey) { id status committedCount failedCount error } }": types.CommitIntakeDocument,
    "\n  query Projects($filter: ProjectFilter, $after: String) {\n    projects(filter: $filter, first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id name description labId status createdAt owner { id name } } }\n    }\n  }\n": types.ProjectsDocument,
    "mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { id name } }": types.CreateProjectDocument,
    "\n  query Queue($step: WorkflowStepName!, $first: Int!, $after: String) {\n    workQueue(step: $step, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        priority waitingSince\n        assignee { id name }\n        sample { id number name overdue labId }\n        workflow { id dueAt eta }\n        step { id status version outcome overridden }\n      } }\n    }\n  }\n": types.QueueDocument,
    "\n  query Assignees {\n    staff: users(filter: { role: STAFF, active: true }, first: 100) { edges { node { id name email } } }\n    admins: users(filter: { role: ADMIN, active: true }, first: 100) { edges { node { id name email } } }\n  }\n": types.AssigneesDocument,
    "\n  query ExtractionJobs($status: ExtractionStatus, $after: String) {\n    extractionJobs(filter: { status: $status }, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id filename status form stage progress needsReviewCount labId createdAt submission { id number } } }\n    }\n  }\n": types.ExtractionJobsDocument,
    "\n  query ExtractionJob($id: ID!) {\n    extractionJob(id: $id) {\n      id filename status method form stage progress pagesDone pagesTotal warnings error rejectReason labId createdAt finishedAt reviewedAt needsReviewCount\n      submission { id number }\n      results { id fieldName value values confidence source warning extractedValue sourceText line page boundingBox needsReview correctedBy }\n      samples { sampleNumber sampleName volume volumeUnit qubitConc qubitUnit nanodropConc nanodropUnit a260_280 a260_230 isControl confidence page warning }\n    }\n  }\n": types.ExtractionJobDocument,
    "\n  subscription ExtractionProgress($jobId: ID!) { extractionProgress(jobId: $jobId) { jobId status stage page pages progress message } }\n": types.ExtractionProgressDocument,
    "mutation StartPdfExtraction($input: StartPdfExtractionInput!) { startPdfExtraction(input: $input) { id status } }": types.StartPdfExtractionDocument,
    "mutation CorrectExtractionField($input: CorrectExtractionFieldInput!) {\n  correctExtractionField(input: $input) { id value values confidence source warning extractedValue needsReview correctedBy }\n}": types.CorrectExtractionFieldDocument,
    "mutation CorrectExtractedSample($input: CorrectExtractedSampleInput!) { correctExtractedSample(input: $input) { sampleNumber } }": types.CorrectExtractedSampleDocument,
    "mutation AcceptExtraction($jobId: ID!) { acceptExtraction(jobId: $jobId) { id status reviewedAt } }": types.AcceptExtractionDocument,
    "mutation RejectExtraction($jobId: ID!, $reason: String!) { rejectExtraction(jobId: $jobId, reason: $reason) { id status rejectReason reviewedAt } }": types.RejectExtractionDocument,
    "\n  query SamplePage($id: ID!) {\n    sample(id: $id) {\n      id number name sampleType materialType organism buffer qubitConcentration volume fragmentSize\n      flowCellDevice poreChemistry flowCellCount labId priority status submittedAt completedAt overdue eta version notes\n      assignee { id name }\n      submission { id number }\n      project { id name }\n      attachments { id filename byteSize contentType downloadUrl createdAt }\n      workflow {\n        id progress completedSteps dueAt eta overdue\n        currentStep { name status }\n        steps {\n          id name position status startedAt completedAt estimatedHours actualHours outcome overridden notes\n          assignee { name } completedBy { name }\n          qcChecks { metric value min max passed message }\n          results {\n            __typename\n            ... on SampleQcResults { qubitNgPerUl nanodropNgPerUl volumeUl totalNg a260280 a260230 fragmentSizeBp sqcOutcome: outcome }\n            ... on LibraryPrepResults { kitCode kitLot barcodeKit barcode inputNg meanFragmentLengthBp fmol }\n            ... on LibraryQcResults { concentrationNgPerUl meanSizeBp fmolLoaded lqcOutcome: outcome }\n            ... on SequencingSetupResults { device position flowCellId flowCellProductCode poreCountAtCheck }\n            ... on SequencingRunResults { runId startedAt endedAt readCount baseCount n50 passPercent meanQScore }\n            ... on BasecallingResults { software softwareVersion model modifiedBases minQScore duplex }\n            ... on QualityAssessmentResults { qaMeanQScore: meanQScore coverage passReadsPercent qaOutcome: outcome }\n            ... on DataDeliveryResults { method location acknowledgedBy acknowledgedAt files { path bytes } }\n          }\n        }\n      }\n      history(first: 50) { totalCount edges { node { id type occurredAt reason actor { name via } } } }\n    }\n  }\n": types.SamplePageDocument,
    "\n  subscription SampleProgress($id: ID!) { workflowProgress(sampleId: $id) { seq action step status progress occurredAt } }\n": types.SampleProgressDocument,
    "mutation SetPriority($id: ID!, $priority: Priority!) { setSamplePriority(id: $id, priority: $priority) { id priority } }": types.SetPriorityDocument,
    "\n  query SubmissionPage($id: ID!) {\n    submission(id: $id) {\n      id number status priority labId externalQuoteId specialInstructions submittedAt receivedAt sampleCount completedCount\n      project { id name } submitter { id name }\n      samples { id number name status priority overdue sampleType workflow { completedSteps currentStep { name status } } }\n      attachments { id filename byteSize downloadUrl createdAt }\n      intake { id kind status filename rowCount errorCount createdAt }\n    }\n  }\n": types.SubmissionPageDocument,
    "mutation AddSamples($submissionId: ID!, $samples: [SampleInput!]!) { addSamples(submissionId: $submissionId, samples: $samples) { id name } }": types.AddSamplesDocument,
    "query StaffChoices { users(first: 100, filter: { active: true }) { edges { node { id name role } } } }": types.StaffChoicesDocument,
    "mutation MarkReceived($id: ID!) { markSubmissionReceived(id: $id) { id status receivedAt } }": types.MarkReceivedDocument,
    "\n  query Submissions($filter: SubmissionFilter, $after: String) {\n    submissions(filter: $filter, first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id number status priority labId sampleCount completedCount createdAt project { id name } submitter { id name } } }\n    }\n  }\n": types.SubmissionsDocument,
    "query ProjectChoices { projects(first: 100, filter: { status: [ACTIVE] }) { edges { node { id name labId } } } }": types.ProjectChoicesDocument,
    "mutation CreateSubmission($input: CreateSubmissionInput!) { createSubmission(input: $input) { id number } }": types.CreateSubmissionDocument,
    "\n  query FinishedSamples($from: DateTime!, $after: String) {\n    samples(filter: { status: [COMPLETED, DISTRIBUTED], updatedFrom: $from, includeArchived: true }, first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id submittedAt completedAt } }\n    }\n  }\n": types.FinishedSamplesDocument,
    "mutation StartStep($sampleId: ID!, $step: WorkflowStepName!, $assigneeId: ID) {\n  startStep(sampleId: $sampleId, step: $step, assigneeId: $assigneeId) { id status version assignee { id name } }\n}": types.StartStepDocument,
    "mutation CompleteStep($sampleId: ID!, $step: WorkflowStepName!, $results: StepResultsInput, $notes: String) {\n  completeStep(sampleId: $sampleId, step: $step, results: $results, notes: $notes) { id status outcome version qcChecks { metric passed message } }\n}": types.CompleteStepDocument,
    "mutation FailStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!) {\n  failStep(sampleId: $sampleId, step: $step, reason: $reason) { id status version }\n}": types.FailStepDocument,
    "mutation SkipStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  skipStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status version }\n}": types.SkipStepDocument,
    "mutation OverrideStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  overrideStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status overridden version }\n}": types.OverrideStepDocument,
    "mutation ReopenStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  reopenStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status version }\n}": types.ReopenStepDocument,
    "mutation AssignStep($sampleId: ID!, $step: WorkflowStepName!, $assigneeId: ID, $expectedVersion: Int!) {\n  assignStep(sampleId: $sampleId, step: $step, assigneeId: $assigneeId, expectedVersion: $expectedVersion) { id status version assignee { id name } }\n}": types.AssignStepDocument,
    "mutation StartSteps($inputs: [StartStepInput!]!) {\n  startSteps(inputs: $inputs) { sampleId ok error { code message field } }\n}": types.StartStepsDocument,
    "mutation CompleteSteps($inputs: [CompleteStepInput!]!) {\n  completeSteps(inputs: $inputs) { sampleId ok step { id status outcome } error { code message field } }\n}": types.CompleteStepsDocument,
    "query SignableStep($sampleId: ID!, $step: WorkflowStepName!, $action: StepAction!, $reason: String!) {\n  stepSignatureRecord(sampleId: $sampleId, step: $step, action: $action, reason: $reason) { recordType recordId hash canonical }\n}": types.SignableStepDocument,
    "mutation SignRecord($input: SignRecordInput!) {\n  signRecord(input: $input) { id token meaning signedAt }\n}": types.SignRecordDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me { me { id name email role labId labName } }\n"): (typeof documents)["\n  query Me { me { id name email role labId labName } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUpload($input: CreateUploadInput!) {\n  createUpload(input: $input) { uploadId uploadUrl method headers { name value } maxBytes }\n}"): (typeof documents)["mutation CreateUpload($input: CreateUploadInput!) {\n  createUpload(input: $input) { uploadId uploadUrl method headers { name value } maxBytes }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteUpload($id: ID!) { completeUpload(uploadId: $id) { id filename } }"): (typeof documents)["mutation CompleteUpload($id: ID!) { completeUpload(uploadId: $id) { id filename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateIntakeRow($id: ID!, $values: JSON!) { updateIntakeRow(id: $id, values: $values) { id status raw parsed errors { field column message } } }"): (typeof documents)["mutation UpdateIntakeRow($id: ID!, $values: JSON!) { updateIntakeRow(id: $id, values: $values) { id status raw parsed errors { field column message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExcludeIntakeRows($jobId: ID!, $rowIds: [ID!]!, $excluded: Boolean) { excludeIntakeRows(jobId: $jobId, rowIds: $rowIds, excluded: $excluded) { id status rowCount errorCount excludedCount } }"): (typeof documents)["mutation ExcludeIntakeRows($jobId: ID!, $rowIds: [ID!]!, $excluded: Boolean) { excludeIntakeRows(jobId: $jobId, rowIds: $rowIds, excluded: $excluded) { id status rowCount errorCount excludedCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Users($search: String) { users(first: 50, filter: { search: $search }) { totalCount edges { node { id name email role labId labName active lastLoginAt } } } }"): (typeof documents)["query Users($search: String) { users(first: 50, filter: { search: $search }) { totalCount edges { node { id name email role labId labName active lastLoginAt } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id name } }"): (typeof documents)["mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateRole($id: ID!, $role: Role!) { updateUser(id: $id, input: { role: $role }) { id role } }"): (typeof documents)["mutation UpdateRole($id: ID!, $role: Role!) { updateUser(id: $id, input: { role: $role }) { id role } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Deactivate($id: ID!) { deactivateUser(id: $id) { id active } }"): (typeof documents)["mutation Deactivate($id: ID!) { deactivateUser(id: $id) { id active } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Reactivate($id: ID!) { reactivateUser(id: $id) { id active } }"): (typeof documents)["mutation Reactivate($id: ID!) { reactivateUser(id: $id) { id active } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Tokens { apiScopes apiTokens(first: 50) { edges { node { id name prefix scopes lastUsedAt expiresAt createdAt revokedAt } } } }"): (typeof documents)["query Tokens { apiScopes apiTokens(first: 50) { edges { node { id name prefix scopes lastUsedAt expiresAt createdAt revokedAt } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name } } }"): (typeof documents)["mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }"): (typeof documents)["mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VerifyChain { verifyAuditChain { valid checked fromSeq toSeq firstBrokenSeq reason } }"): (typeof documents)["query VerifyChain { verifyAuditChain { valid checked fromSeq toSeq firstBrokenSeq reason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeadLetters { deadLetters(first: 50) { totalCount edges { node { id consumerGroup eventType reason receivedAt } } } }"): (typeof documents)["query DeadLetters { deadLetters(first: 50) { totalCount edges { node { id consumerGroup eventType reason receivedAt } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardQueue on WorkQueueConnection {\n    totalCount\n    edges { node { priority waitingSince sample { id number name overdue } workflow { id dueAt } step { id status } } }\n  }\n"): (typeof documents)["\n  fragment BoardQueue on WorkQueueConnection {\n    totalCount\n    edges { node { priority waitingSince sample { id number name overdue } workflow { id dueAt } step { id status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Board($first: Int!) {\n    sampleQc: workQueue(step: SAMPLE_QC, first: $first) { ...BoardQueue }\n    libraryPrep: workQueue(step: LIBRARY_PREP, first: $first) { ...BoardQueue }\n    libraryQc: workQueue(step: LIBRARY_QC, first: $first) { ...BoardQueue }\n    sequencingSetup: workQueue(step: SEQUENCING_SETUP, first: $first) { ...BoardQueue }\n    sequencingRun: workQueue(step: SEQUENCING_RUN, first: $first) { ...BoardQueue }\n    basecalling: workQueue(step: BASECALLING, first: $first) { ...BoardQueue }\n    qualityAssessment: workQueue(step: QUALITY_ASSESSMENT, first: $first) { ...BoardQueue }\n    dataDelivery: workQueue(step: DATA_DELIVERY, first: $first) { ...BoardQueue }\n    sampleStats { total byStatus { status count } }\n  }\n"): (typeof documents)["\n  query Board($first: Int!) {\n    sampleQc: workQueue(step: SAMPLE_QC, first: $first) { ...BoardQueue }\n    libraryPrep: workQueue(step: LIBRARY_PREP, first: $first) { ...BoardQueue }\n    libraryQc: workQueue(step: LIBRARY_QC, first: $first) { ...BoardQueue }\n    sequencingSetup: workQueue(step: SEQUENCING_SETUP, first: $first) { ...BoardQueue }\n    sequencingRun: workQueue(step: SEQUENCING_RUN, first: $first) { ...BoardQueue }\n    basecalling: workQueue(step: BASECALLING, first: $first) { ...BoardQueue }\n    qualityAssessment: workQueue(step: QUALITY_ASSESSMENT, first: $first) { ...BoardQueue }\n    dataDelivery: workQueue(step: DATA_DELIVERY, first: $first) { ...BoardQueue }\n    sampleStats { total byStatus { status count } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BoardEvents { workflowEvents { seq sampleId action step status occurredAt sample { id name } } }\n"): (typeof documents)["\n  subscription BoardEvents { workflowEvents { seq sampleId action step status occurredAt sample { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExportSamples($format: ExportFormat!, $filter: SampleFilter) { exportSamples(format: $format, filter: $filter) { id status } }"): (typeof documents)["mutation ExportSamples($format: ExportFormat!, $filter: SampleFilter) { exportSamples(format: $format, filter: $filter) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExportSubmissions($format: ExportFormat!) { exportSubmissions(format: $format) { id status } }"): (typeof documents)["mutation ExportSubmissions($format: ExportFormat!) { exportSubmissions(format: $format) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExportProjects($format: ExportFormat!) { exportProjects(format: $format) { id status } }"): (typeof documents)["mutation ExportProjects($format: ExportFormat!) { exportProjects(format: $format) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportJob($id: ID!) { exportJob(id: $id) { id kind format status progress rowsTotal rowsWritten byteSize downloadUrl error createdAt finishedAt } }\n"): (typeof documents)["\n  query ExportJob($id: ID!) { exportJob(id: $id) { id kind format status progress rowsTotal rowsWritten byteSize downloadUrl error createdAt finishedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntakeChoices { submissions(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id number labId project { name } } } } }\n"): (typeof documents)["\n  query IntakeChoices { submissions(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id number labId project { name } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntakeJob($id: ID!, $rowsAfter: String, $rowStatus: IntakeRowStatus) {\n    intakeJob(id: $id) {\n      id kind status filename rowCount errorCount excludedCount committedCount failedCount error ignoredColumns createdAt committedAt\n      submission { id number }\n      rows(first: 100, after: $rowsAfter, status: $rowStatus) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id rowNumber status raw parsed sampleId errors { field column message } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntakeJob($id: ID!, $rowsAfter: String, $rowStatus: IntakeRowStatus) {\n    intakeJob(id: $id) {\n      id kind status filename rowCount errorCount excludedCount committedCount failedCount error ignoredColumns createdAt committedAt\n      submission { id number }\n      rows(first: 100, after: $rowsAfter, status: $rowStatus) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id rowNumber status raw parsed sampleId errors { field column message } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IntakeProgress($jobId: ID!) {\n    intakeProgress(jobId: $jobId) { jobId status processed total rowCount errorCount excludedCount committedCount failedCount occurredAt }\n  }\n"): (typeof documents)["\n  subscription IntakeProgress($jobId: ID!) {\n    intakeProgress(jobId: $jobId) { jobId status processed total rowCount errorCount excludedCount committedCount failedCount occurredAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IntakeJobs { intakeJobs(first: 10) { edges { node { id filename kind status rowCount errorCount createdAt submission { id number } } } } }"): (typeof documents)["query IntakeJobs { intakeJobs(first: 10) { edges { node { id filename kind status rowCount errorCount createdAt submission { id number } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IntakeCsv($input: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $input) { id status rowCount errorCount } }"): (typeof documents)["mutation IntakeCsv($input: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $input) { id status rowCount errorCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IntakeXlsx($input: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $input) { id status rowCount errorCount } }"): (typeof documents)["mutation IntakeXlsx($input: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $input) { id status rowCount errorCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CommitIntake($id: ID!, $idempotencyKey: String!) { commitIntake(id: $id, idempotencyKey: $idempotencyKey) { id status committedCount failedCount error } }"): (typeof documents)["mutation CommitIntake($id: ID!, $idempotencyKey: String!) { commitIntake(id: $id, idempotencyKey: $idempotencyKey) { id status committedCount failedCount error } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects($filter: ProjectFilter, $after: String) {\n    projects(filter: $filter, first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id name description labId status createdAt owner { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query Projects($filter: ProjectFilter, $after: String) {\n    projects(filter: $filter, first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id name description labId status createdAt owner { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { id name } }"): (typeof documents)["mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Queue($step: WorkflowStepName!, $first: Int!, $after: String) {\n    workQueue(step: $step, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        priority waitingSince\n        assignee { id name }\n        sample { id number name overdue labId }\n        workflow { id dueAt eta }\n        step { id status version outcome overridden }\n      } }\n    }\n  }\n"): (typeof documents)["\n  query Queue($step: WorkflowStepName!, $first: Int!, $after: String) {\n    workQueue(step: $step, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        priority waitingSince\n        assignee { id name }\n        sample { id number name overdue labId }\n        workflow { id dueAt eta }\n        step { id status version outcome overridden }\n      } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assignees {\n    staff: users(filter: { role: STAFF, active: true }, first: 100) { edges { node { id name email } } }\n    admins: users(filter: { role: ADMIN, active: true }, first: 100) { edges { node { id name email } } }\n  }\n"): (typeof documents)["\n  query Assignees {\n    staff: users(filter: { role: STAFF, active: true }, first: 100) { edges { node { id name email } } }\n    admins: users(filter: { role: ADMIN, active: true }, first: 100) { edges { node { id name email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExtractionJobs($status: ExtractionStatus, $after: String) {\n    extractionJobs(filter: { status: $status }, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id filename status form stage progress needsReviewCount labId createdAt submission { id number } } }\n    }\n  }\n"): (typeof documents)["\n  query ExtractionJobs($status: ExtractionStatus, $after: String) {\n    extractionJobs(filter: { status: $status }, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id filename status form stage progress needsReviewCount labId createdAt submission { id number } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExtractionJob($id: ID!) {\n    extractionJob(id: $id) {\n      id filename status method form stage progress pagesDone pagesTotal warnings error rejectReason labId createdAt finishedAt reviewedAt needsReviewCount\n      submission { id number }\n      results { id fieldName value values confidence source warning extractedValue sourceText line page boundingBox needsReview correctedBy }\n      samples { sampleNumber sampleName volume volumeUnit qubitConc qubitUnit nanodropConc nanodropUnit a260_280 a260_230 isControl confidence page warning }\n    }\n  }\n"): (typeof documents)["\n  query ExtractionJob($id: ID!) {\n    extractionJob(id: $id) {\n      id filename status method form stage progress pagesDone pagesTotal warnings error rejectReason labId createdAt finishedAt reviewedAt needsReviewCount\n      submission { id number }\n      results { id fieldName value values confidence source warning extractedValue sourceText line page boundingBox needsReview correctedBy }\n      samples { sampleNumber sampleName volume volumeUnit qubitConc qubitUnit nanodropConc nanodropUnit a260_280 a260_230 isControl confidence page warning }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExtractionProgress($jobId: ID!) { extractionProgress(jobId: $jobId) { jobId status stage page pages progress message } }\n"): (typeof documents)["\n  subscription ExtractionProgress($jobId: ID!) { extractionProgress(jobId: $jobId) { jobId status stage page pages progress message } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartPdfExtraction($input: StartPdfExtractionInput!) { startPdfExtraction(input: $input) { id status } }"): (typeof documents)["mutation StartPdfExtraction($input: StartPdfExtractionInput!) { startPdfExtraction(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CorrectExtractionField($input: CorrectExtractionFieldInput!) {\n  correctExtractionField(input: $input) { id value values confidence source warning extractedValue needsReview correctedBy }\n}"): (typeof documents)["mutation CorrectExtractionField($input: CorrectExtractionFieldInput!) {\n  correctExtractionField(input: $input) { id value values confidence source warning extractedValue needsReview correctedBy }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CorrectExtractedSample($input: CorrectExtractedSampleInput!) { correctExtractedSample(input: $input) { sampleNumber } }"): (typeof documents)["mutation CorrectExtractedSample($input: CorrectExtractedSampleInput!) { correctExtractedSample(input: $input) { sampleNumber } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptExtraction($jobId: ID!) { acceptExtraction(jobId: $jobId) { id status reviewedAt } }"): (typeof documents)["mutation AcceptExtraction($jobId: ID!) { acceptExtraction(jobId: $jobId) { id status reviewedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectExtraction($jobId: ID!, $reason: String!) { rejectExtraction(jobId: $jobId, reason: $reason) { id status rejectReason reviewedAt } }"): (typeof documents)["mutation RejectExtraction($jobId: ID!, $reason: String!) { rejectExtraction(jobId: $jobId, reason: $reason) { id status rejectReason reviewedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SamplePage($id: ID!) {\n    sample(id: $id) {\n      id number name sampleType materialType organism buffer qubitConcentration volume fragmentSize\n      flowCellDevice poreChemistry flowCellCount labId priority status submittedAt completedAt overdue eta version notes\n      assignee { id name }\n      submission { id number }\n      project { id name }\n      attachments { id filename byteSize contentType downloadUrl createdAt }\n      workflow {\n        id progress completedSteps dueAt eta overdue\n        currentStep { name status }\n        steps {\n          id name position status startedAt completedAt estimatedHours actualHours outcome overridden notes\n          assignee { name } completedBy { name }\n          qcChecks { metric value min max passed message }\n          results {\n            __typename\n            ... on SampleQcResults { qubitNgPerUl nanodropNgPerUl volumeUl totalNg a260280 a260230 fragmentSizeBp sqcOutcome: outcome }\n            ... on LibraryPrepResults { kitCode kitLot barcodeKit barcode inputNg meanFragmentLengthBp fmol }\n            ... on LibraryQcResults { concentrationNgPerUl meanSizeBp fmolLoaded lqcOutcome: outcome }\n            ... on SequencingSetupResults { device position flowCellId flowCellProductCode poreCountAtCheck }\n            ... on SequencingRunResults { runId startedAt endedAt readCount baseCount n50 passPercent meanQScore }\n            ... on BasecallingResults { software softwareVersion model modifiedBases minQScore duplex }\n            ... on QualityAssessmentResults { qaMeanQScore: meanQScore coverage passReadsPercent qaOutcome: outcome }\n            ... on DataDeliveryResults { method location acknowledgedBy acknowledgedAt files { path bytes } }\n          }\n        }\n      }\n      history(first: 50) { totalCount edges { node { id type occurredAt reason actor { name via } } } }\n    }\n  }\n"): (typeof documents)["\n  query SamplePage($id: ID!) {\n    sample(id: $id) {\n      id number name sampleType materialType organism buffer qubitConcentration volume fragmentSize\n      flowCellDevice poreChemistry flowCellCount labId priority status submittedAt completedAt overdue eta version notes\n      assignee { id name }\n      submission { id number }\n      project { id name }\n      attachments { id filename byteSize contentType downloadUrl createdAt }\n      workflow {\n        id progress completedSteps dueAt eta overdue\n        currentStep { name status }\n        steps {\n          id name position status startedAt completedAt estimatedHours actualHours outcome overridden notes\n          assignee { name } completedBy { name }\n          qcChecks { metric value min max passed message }\n          results {\n            __typename\n            ... on SampleQcResults { qubitNgPerUl nanodropNgPerUl volumeUl totalNg a260280 a260230 fragmentSizeBp sqcOutcome: outcome }\n            ... on LibraryPrepResults { kitCode kitLot barcodeKit barcode inputNg meanFragmentLengthBp fmol }\n            ... on LibraryQcResults { concentrationNgPerUl meanSizeBp fmolLoaded lqcOutcome: outcome }\n            ... on SequencingSetupResults { device position flowCellId flowCellProductCode poreCountAtCheck }\n            ... on SequencingRunResults { runId startedAt endedAt readCount baseCount n50 passPercent meanQScore }\n            ... on BasecallingResults { software softwareVersion model modifiedBases minQScore duplex }\n            ... on QualityAssessmentResults { qaMeanQScore: meanQScore coverage passReadsPercent qaOutcome: outcome }\n            ... on DataDeliveryResults { method location acknowledgedBy acknowledgedAt files { path bytes } }\n          }\n        }\n      }\n      history(first: 50) { totalCount edges { node { id type occurredAt reason actor { name via } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SampleProgress($id: ID!) { workflowProgress(sampleId: $id) { seq action step status progress occurredAt } }\n"): (typeof documents)["\n  subscription SampleProgress($id: ID!) { workflowProgress(sampleId: $id) { seq action step status progress occurredAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetPriority($id: ID!, $priority: Priority!) { setSamplePriority(id: $id, priority: $priority) { id priority } }"): (typeof documents)["mutation SetPriority($id: ID!, $priority: Priority!) { setSamplePriority(id: $id, priority: $priority) { id priority } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubmissionPage($id: ID!) {\n    submission(id: $id) {\n      id number status priority labId externalQuoteId specialInstructions submittedAt receivedAt sampleCount completedCount\n      project { id name } submitter { id name }\n      samples { id number name status priority overdue sampleType workflow { completedSteps currentStep { name status } } }\n      attachments { id filename byteSize downloadUrl createdAt }\n      intake { id kind status filename rowCount errorCount createdAt }\n    }\n  }\n"): (typeof documents)["\n  query SubmissionPage($id: ID!) {\n    submission(id: $id) {\n      id number status priority labId externalQuoteId specialInstructions submittedAt receivedAt sampleCount completedCount\n      project { id name } submitter { id name }\n      samples { id number name status priority overdue sampleType workflow { completedSteps currentStep { name status } } }\n      attachments { id filename byteSize downloadUrl createdAt }\n      intake { id kind status filename rowCount errorCount createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddSamples($submissionId: ID!, $samples: [SampleInput!]!) { addSamples(submissionId: $submissionId, samples: $samples) { id name } }"): (typeof documents)["mutation AddSamples($submissionId: ID!, $samples: [SampleInput!]!) { addSamples(submissionId: $submissionId, samples: $samples) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StaffChoices { users(first: 100, filter: { active: true }) { edges { node { id name role } } } }"): (typeof documents)["query StaffChoices { users(first: 100, filter: { active: true }) { edges { node { id name role } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkReceived($id: ID!) { markSubmissionReceived(id: $id) { id status receivedAt } }"): (typeof documents)["mutation MarkReceived($id: ID!) { markSubmissionReceived(id: $id) { id status receivedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Submissions($filter: SubmissionFilter, $after: String) {\n    submissions(filter: $filter, first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id number status priority labId sampleCount completedCount createdAt project { id name } submitter { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query Submissions($filter: SubmissionFilter, $after: String) {\n    submissions(filter: $filter, first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id number status priority labId sampleCount completedCount createdAt project { id name } submitter { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProjectChoices { projects(first: 100, filter: { status: [ACTIVE] }) { edges { node { id name labId } } } }"): (typeof documents)["query ProjectChoices { projects(first: 100, filter: { status: [ACTIVE] }) { edges { node { id name labId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateSubmission($input: CreateSubmissionInput!) { createSubmission(input: $input) { id number } }"): (typeof documents)["mutation CreateSubmission($input: CreateSubmissionInput!) { createSubmission(input: $input) { id number } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FinishedSamples($from: DateTime!, $after: String) {\n    samples(filter: { status: [COMPLETED, DISTRIBUTED], updatedFrom: $from, includeArchived: true }, first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id submittedAt completedAt } }\n    }\n  }\n"): (typeof documents)["\n  query FinishedSamples($from: DateTime!, $after: String) {\n    samples(filter: { status: [COMPLETED, DISTRIBUTED], updatedFrom: $from, includeArchived: true }, first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id submittedAt completedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartStep($sampleId: ID!, $step: WorkflowStepName!, $assigneeId: ID) {\n  startStep(sampleId: $sampleId, step: $step, assigneeId: $assigneeId) { id status version assignee { id name } }\n}"): (typeof documents)["mutation StartStep($sampleId: ID!, $step: WorkflowStepName!, $assigneeId: ID) {\n  startStep(sampleId: $sampleId, step: $step, assigneeId: $assigneeId) { id status version assignee { id name } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteStep($sampleId: ID!, $step: WorkflowStepName!, $results: StepResultsInput, $notes: String) {\n  completeStep(sampleId: $sampleId, step: $step, results: $results, notes: $notes) { id status outcome version qcChecks { metric passed message } }\n}"): (typeof documents)["mutation CompleteStep($sampleId: ID!, $step: WorkflowStepName!, $results: StepResultsInput, $notes: String) {\n  completeStep(sampleId: $sampleId, step: $step, results: $results, notes: $notes) { id status outcome version qcChecks { metric passed message } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FailStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!) {\n  failStep(sampleId: $sampleId, step: $step, reason: $reason) { id status version }\n}"): (typeof documents)["mutation FailStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!) {\n  failStep(sampleId: $sampleId, step: $step, reason: $reason) { id status version }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SkipStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  skipStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status version }\n}"): (typeof documents)["mutation SkipStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  skipStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status version }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OverrideStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  overrideStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status overridden version }\n}"): (typeof documents)["mutation OverrideStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  overrideStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status overridden version }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReopenStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  reopenStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status version }\n}"): (typeof documents)["mutation ReopenStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {\n  reopenStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status version }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AssignStep($sampleId: ID!, $step: WorkflowStepName!, $assigneeId: ID, $expectedVersion: Int!) {\n  assignStep(sampleId: $sampleId, step: $step, assigneeId: $assigneeId, expectedVersion: $expectedVersion) { id status version assignee { id name } }\n}"): (typeof documents)["mutation AssignStep($sampleId: ID!, $step: WorkflowStepName!, $assigneeId: ID, $expectedVersion: Int!) {\n  assignStep(sampleId: $sampleId, step: $step, assigneeId: $assigneeId, expectedVersion: $expectedVersion) { id status version assignee { id name } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartSteps($inputs: [StartStepInput!]!) {\n  startSteps(inputs: $inputs) { sampleId ok error { code message field } }\n}"): (typeof documents)["mutation StartSteps($inputs: [StartStepInput!]!) {\n  startSteps(inputs: $inputs) { sampleId ok error { code message field } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteSteps($inputs: [CompleteStepInput!]!) {\n  completeSteps(inputs: $inputs) { sampleId ok step { id status outcome } error { code message field } }\n}"): (typeof documents)["mutation CompleteSteps($inputs: [CompleteStepInput!]!) {\n  completeSteps(inputs: $inputs) { sampleId ok step { id status outcome } error { code message field } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SignableStep($sampleId: ID!, $step: WorkflowStepName!, $action: StepAction!, $reason: String!) {\n  stepSignatureRecord(sampleId: $sampleId, step: $step, action: $action, reason: $reason) { recordType recordId hash canonical }\n}"): (typeof documents)["query SignableStep($sampleId: ID!, $step: WorkflowStepName!, $action: StepAction!, $reason: String!) {\n  stepSignatureRecord(sampleId: $sampleId, step: $step, action: $action, reason: $reason) { recordType recordId hash canonical }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignRecord($input: SignRecordInput!) {\n  signRecord(input: $input) { id token meaning signedAt }\n}"): (typeof documents)["mutation SignRecord($input: SignRecordInput!) {\n  signRecord(input: $input) { id token meaning signedAt }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;