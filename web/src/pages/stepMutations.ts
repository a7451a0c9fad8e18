import { graphql } from '../gql';

// Every step action the queue and the sample page offer; all answer with the step's new state.
export const StartStep = graphql(`mutation StartStep($sampleId: ID!, $step: WorkflowStepName!, $assigneeId: ID) {
  startStep(sampleId: $sampleId, step: $step, assigneeId: $assigneeId) { id status version assignee { id name } }
}`);
export const CompleteStep = graphql(`mutation CompleteStep($sampleId: ID!, $step: WorkflowStepName!, $results: StepResultsInput, $notes: String) {
  completeStep(sampleId: $sampleId, step: $step, results: $results, notes: $notes) { id status outcome version qcChecks { metric passed message } }
}`);
export const FailStep = graphql(`mutation FailStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!) {
  failStep(sampleId: $sampleId, step: $step, reason: $reason) { id status version }
}`);
export const SkipStep = graphql(`mutation SkipStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {
  skipStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status version }
}`);
export const OverrideStep = graphql(`mutation OverrideStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {
  overrideStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status overridden version }
}`);
export const ReopenStep = graphql(`mutation ReopenStep($sampleId: ID!, $step: WorkflowStepName!, $reason: String!, $signature: String) {
  reopenStep(sampleId: $sampleId, step: $step, reason: $reason, signature: $signature) { id status version }
}`);
export const AssignStep = graphql(`mutation AssignStep($sampleId: ID!, $step: WorkflowStepName!, $assigneeId: ID, $expectedVersion: Int!) {
  assignStep(sampleId: $sampleId, step: $step, assigneeId: $assigneeId, expectedVersion: $expectedVersion) { id status version assignee { id name } }
}`);
export const StartSteps = graphql(`mutation StartSteps($inputs: [StartStepInput!]!) {
  startSteps(inputs: $inputs) { sampleId ok error { code message field } }
}`);
export const CompleteSteps = graphql(`mutation CompleteSteps($inputs: [CompleteStepInput!]!) {
  completeSteps(inputs: $inputs) { sampleId ok step { id status outcome } error { code message field } }
}`);

// E-signatures: the record a signed change is bound to, and auth signing its hash after re-authentication.
export const SignableStep = graphql(`query SignableStep($sampleId: ID!, $step: WorkflowStepName!, $action: StepAction!, $reason: String!) {
  stepSignatureRecord(sampleId: $sampleId, step: $step, action: $action, reason: $reason) { recordType recordId hash canonical }
}`);
export const SignRecord = graphql(`mutation SignRecord($input: SignRecordInput!) {
  signRecord(input: $input) { id token meaning signedAt }
}`);
