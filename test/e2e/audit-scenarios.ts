import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { waitFor } from '@app/testing';
import { type TestSystem, type TestUser } from '@app/embedded/testing';
import { ok, type AuditFilter } from './audit-helpers.js';

/** What a scenario did: the entry it must leave is found by this filter (plus its types and start time). */
export interface Performed {
  /** The acting user, for mutations made by a signed-in caller. */
  actorUserId?: string;
  /** For mutations made anonymously (a reset token, say): the user they were about. */
  subjectId?: string;
  /** Only entries from then on count: set when a prerequisite left an entry of the same type and actor. */
  from?: string;
}

export interface Scenario {
  /** Audit event types the mutation must produce (each must appear). */
  events: string[];
  /** Performs the mutation successfully through the gateway, creating what it needs first. */
  run(w: World): Promise<Performed>;
}

/** Users and ready-made things scenarios share; every scenario still creates its own subject. */
export class World {
  constructor(readonly t: TestSystem, readonly staff: TestUser, readonly submitter: TestUser) {}

  gql(query: string, variables: Record<string, unknown>, as: TestUser | string | null, what: string): Promise<Record<string, any>> {
    const token = typeof as === 'string' || as === null ? as : as.token;
    return this.t.gql(query, variables, token).then((res) => ok(res, what));
  }

  async project(as: TestUser = this.submitter): Promise<string> {
    return (await this.gql(`mutation { createProject(input: { name: "Coverage project" }) { id } }`, {}, as, 'createProject')).createProject.id;
  }

  async submission(as: TestUser = this.submitter): Promise<string> {
    const p = await this.project(as);
    return (await this.gql(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p }, as, 'createSubmission')).createSubmission.id;
  }

  async samples(n = 1, submissionId?: string): Promise<{ id: string; version: number }[]> {
    const s = submissionId ?? (await this.submission());
    const samples = Array.from({ length: n }, (_, i) => ({ name: `Coverage ${i + 1}`, sampleType: 'DNA', volume: 20, qubitConcentration: 40 }));
    return (await this.gql(`mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id version } }`, { s, x: samples }, this.submitter, 'addSamples')).addSamples;
  }

  async submitted(): Promise<string> {
    const s = await this.submission();
    await this.samples(1, s);
    await this.gql(`mutation($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { id } }`, { id: s }, this.submitter, 'submit');
    return s;
  }

  /** A sample of a received submission whose workflow exists: ready for step operations. */
  async labSample(): Promise<string> {
    const s = await this.submission();
    const [sample] = await this.samples(1, s);
    await this.gql(`mutation($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { id } }`, { id: s }, this.submitter, 'submit');
    await this.gql(`mutation($id: ID!) { markSubmissionReceived(id: $id) { id } }`, { id: s }, this.staff, 'markSubmissionReceived');
    await waitFor(async () => (await this.t.gql(`query($id: ID!) { sample(id: $id) { workflow { id } } }`, { id: sample!.id }, this.staff.token)).data?.sample?.workflow,
      { what: 'the workflow of a new sample', timeoutMs: 20_000 });
    return sample!.id;
  }

  step(op: string, sampleId: string, step: string, extra = '', as: TestUser = this.staff): Promise<Record<string, any>> {
    return this.gql(`mutation($s: ID!) { ${op}(sampleId: $s, step: ${step}${extra}) { status version } }`, { s: sampleId }, as, `${op} ${step}`);
  }

  /** An e-signature by `as` (with their password) for a signed step change, as a client makes one: the record from workflow, signed by auth. */
  async signature(sampleId: string, step: string, action: 'OVERRIDDEN' | 'SKIPPED' | 'REOPENED', reason: string, as: TestUser): Promise<string> {
    const { stepSignatureRecord: r } = await this.gql(`query($s: ID!, $step: WorkflowStepName!, $a: StepAction!, $r: String!) {
      stepSignatureRecord(sampleId: $s, step: $step, action: $a, reason: $r) { recordType recordId hash } }`, { s: sampleId, step, a: action, r: reason }, as, 'stepSignatureRecord');
    const input = { recordType: r.recordType, recordId: r.recordId, recordHash: r.hash, meaning: 'APPROVED_BY', password: as.password };
    return (await this.gql(`mutation($i: SignRecordInput!) { signRecord(input: $i) { token } }`, { i: input }, as, 'signRecord')).signRecord.token;
  }

  async stepVersion(sampleId: string, step: string): Promise<number> {
    const res = await this.gql(`query($id: ID!) { sample(id: $id) { workflow { steps { name version } } } }`, { id: sampleId }, this.staff, 'workflow');
    return res.sample.workflow.steps.find((s: { name: string }) => s.name === step).version;
  }

  /** A quote read by the ai worker, waiting for review (the smallest fixture quote, inline). */
  async reviewableExtraction(): Promise<string> {
    const pdfBase64 = readFileSync(join(import.meta.dirname, '..', '..', 'subgraphs', 'ai', 'test', 'fixtures', 'dna-single.pdf')).toString('base64');
    const id = (await this.gql(`mutation($b: String!) { startPdfExtraction(input: { pdfBase64: $b }) { id } }`, { b: pdfBase64 }, this.submitter, 'startPdfExtraction')).startPdfExtraction.id;
    await waitFor(async () => (await this.t.gql(`query($id: ID!) { extractionJob(id: $id) { status } }`, { id }, this.staff.token)).data?.extractionJob?.status === 'NEEDS_REVIEW',
      { what: 'the quote to be read', timeoutMs: 30_000 });
    return id;
  }

  /** A user of its own, for mutations that end sessions or change credentials. */
  person(role: 'STAFF' | 'SUBMITTER' = 'STAFF'): Promise<TestUser> {
    return this.t.createUser(role, role === 'SUBMITTER' ? 'lab-a' : null);
  }

  async session(user: TestUser): Promise<{ accessToken: string; refreshToken: string }> {
    return (await this.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`, { e: user.email, p: user.password }, null, 'login')).login;
  }

  async billingAccount(): Promise<string> {
    const code = `COV-${randomBytes(3).toString('hex').toUpperCase()}`;
    return (await this.gql(`mutation($c: String!) { createBillingAccount(input: { code: $c, labId: "lab-a" }) { id } }`, { c: code }, this.t.admin, 'createBillingAccount')).createBillingAccount.id;
  }

  /** A GraphQL multipart request through the gateway (one text part per file variable). */
  async multipart(query: string, variables: Record<string, unknown>, files: Record<string, string>, as: TestUser, what: string): Promise<Record<string, any>> {
    const parts = Object.fromEntries(Object.entries(files).map(([path, text], i) => [path, { name: `notes-${i}.txt`, bytes: text }]));
    return ok(await this.t.upload(query, variables, parts, as.token) as never, what);
  }

  /** A file uploaded through the gateway as multipart, attached to a new submission. */
  async attached(as: TestUser = this.submitter): Promise<string> {
    const s = await this.submission();
    const upload = `mutation($f: Upload!, $s: ID!) { uploadFile(file: $f, attachTo: { submissionId: $s }, kind: OTHER) { id } }`;
    return (await this.multipart(upload, { f: null, s }, { f: `coverage notes ${randomBytes(4).toString('hex')}\n` }, as, 'uploadFile')).uploadFile.id;
  }

  /**
   * A webhook endpoint receiving sample receipts at the loopback discard port (nothing answers, so
   * deliveries wait and retry); the coverage test allows private addresses so no traffic leaves the machine.
   */
  async webhookEndpoint(): Promise<string> {
    return (await this.gql(`mutation { registerWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks", events: [SAMPLE_RECEIVED] }) { endpoint { id } } }`, {},
      this.t.admin, 'registerWebhookEndpoint')).registerWebhookEndpoint.endpoint.id;
  }

  /** A flow cell received into stock (a fresh serial each time), CHECKED above the warranty when `checked`. */
  async flowCell(checked = false): Promise<string> {
    const serial = `FC${randomBytes(4).toString('hex').toUpperCase()}`;
    const expiresAt = new Date(Date.now() + 180 * 86_400_000).toISOString();
    const id = (await this.gql(`mutation($i: [ReceiveFlowCellInput!]!) { receiveFlowCells(input: $i) { id } }`,
      { i: [{ productCode: 'FLO-MIN114', serial, expiresAt }] }, this.staff, 'receiveFlowCells')).receiveFlowCells[0].id;
    if (checked) await this.gql(`mutation($id: ID!) { checkFlowCell(id: $id, input: { poreCount: 1500 }) { status } }`, { id }, this.staff, 'checkFlowCell');
    return id;
  }

  /** A pool of SQK-NBD114.24 holding one lab sample on NB01 (or empty). */
  async pool(withMember = true): Promise<{ poolId: string; sampleId: string | null }> {
    const sampleId = withMember ? await this.labSample() : null;
    const members = sampleId ? [{ sampleId, barcode: 'NB01' }] : [];
    const poolId = (await this.gql(`mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }`,
      { i: { name: `cov-${randomBytes(3).toString('hex')}`, barcodeKit: 'SQK-NBD114.24', members } }, this.staff, 'createPool')).createPool.id;
    return { poolId, sampleId };
  }

  /** A one-sample pool loaded onto a checked flow cell. */
  async loadedPool(): Promise<{ poolId: string; flowCellId: string; sampleId: string }> {
    const [{ poolId, sampleId }, flowCellId] = await Promise.all([this.pool(), this.flowCell(true)]);
    await this.gql(`mutation($p: ID!, $f: ID!) { loadPool(poolId: $p, flowCellId: $f) { status } }`, { p: poolId, f: flowCellId }, this.staff, 'loadPool');
    return { poolId, flowCellId, sampleId: sampleId! };
  }

  /** A loaded one-sample pool with a GridION run RUNNING at X1; its flow cell's serial. */
  async runningPool(): Promise<{ poolId: string; sampleId: string; runId: string; serial: string }> {
    const { poolId, sampleId } = await this.loadedPool();
    const run = (await this.gql(`mutation($p: ID!) { startSequencingRun(input: { poolId: $p, model: GRIDION_X5, position: "X1", experimentId: "coverage_run", poreCountAtStart: 1400 }) { id flowCell { serial } } }`,
      { p: poolId }, this.staff, 'startSequencingRun')).startSequencingRun;
    return { poolId, sampleId, runId: run.id, serial: run.flowCell.serial };
  }

  /** Walks a sample through steps 1-3 with passing results, so SEQUENCING_SETUP may start. */
  async throughLibraryQc(sampleId: string): Promise<void> {
    for (const [step, results] of Object.entries(THROUGH_LIBRARY_QC)) {
      await this.gql(`mutation($s: ID!, $step: WorkflowStepName!) { startStep(sampleId: $s, step: $step) { id } }`, { s: sampleId, step }, this.staff, 'startStep');
      await this.gql(`mutation($s: ID!, $step: WorkflowStepName!, $r: StepResultsInput) { completeStep(sampleId: $s, step: $step, results: $r) { status } }`, { s: sampleId, step, r: results }, this.staff, 'completeStep');
    }
  }

  /** Requests an upload ticket and PUTs the bytes through the gateway's /files proxy. */
  async uploaded(): Promise<{ uploadId: string }> {
    const s = await this.submission();
    const bytes = Buffer.from(`coverage file ${randomBytes(4).toString('hex')}\n`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const ticket = (await this.gql(`mutation($i: CreateUploadInput!) { createUpload(input: $i) { uploadId uploadUrl headers { name value } } }`, {
      i: { ownerType: 'SUBMISSION', ownerId: s, filename: 'notes.txt', contentType: 'text/plain', byteSize: bytes.length, sha256 },
    }, this.submitter, 'createUpload')).createUpload;
    const url = new URL(ticket.uploadUrl);
    const headers = Object.fromEntries(ticket.headers.map((h: { name: string; value: string }) => [h.name, h.value]));
    const put = await fetch(`${this.t.url}${url.pathname}${url.search}`, { method: 'PUT', headers, body: bytes });
    if (put.status >= 300) throw new Error(`upload PUT answered ${put.status}: ${await put.text()}`);
    return { uploadId: ticket.uploadId };
  }
}

const CSV_HEADER = 'sample_name,project_id,submitter_name,submitter_email,lab_name,sample_type,sample_buffer,concentration,volume,total_amount,flow_cell_type,flow_cell_count,priority,assigned_to,library_prep_by,chart_field';
const SAMPLE_QC = `{ sampleQc: { qubitNgPerUl: 40, volumeUl: 20, a260280: 1.85, a260230: 2.1, outcome: PASS } }`;
const by = (u: TestUser): Performed => ({ actorUserId: u.id });
/** Passing results of steps 1-3, as variables. */
const THROUGH_LIBRARY_QC: Record<string, Record<string, unknown>> = {
  SAMPLE_QC: { sampleQc: { qubitNgPerUl: 50, volumeUl: 30, a260280: 1.85, a260230: 2.1, fragmentSizeBp: 12000 } },
  LIBRARY_PREP: { libraryPrep: { kitCode: 'SQK-NBD114-24', kitLot: 'L123', barcodeKit: 'SQK-NBD114.24', barcode: 'barcode01', inputNg: 1000, meanFragmentLengthBp: 10000 } },
  LIBRARY_QC: { libraryQc: { concentrationNgPerUl: 12, meanSizeBp: 9500, fmolLoaded: 20 } },
};

/**
 * Every Mutation of the supergraph → a scenario making it succeed, and the audit events it must leave.
 * A mutation missing here fails the coverage test, so this table grows with the schema.
 */
export const SCENARIOS: Record<string, Scenario> = {
  // auth
  login: { events: ['LoginSucceeded'], run: async (w) => {
    const u = await w.person(); // createUser signed the new user in once already
    const from = new Date().toISOString();
    await w.session(u);
    return { ...by(u), from };
  } },
  refreshSession: { events: ['SessionRefreshed'], run: async (w) => {
    const u = await w.person();
    const { refreshToken } = await w.session(u);
    await w.gql(`mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }`, { r: refreshToken }, null, 'refreshSession');
    return by(u);
  } },
  logout: { events: ['LoggedOut'], run: async (w) => {
    const u = await w.person();
    const { accessToken, refreshToken } = await w.session(u);
    const res = await w.gql(`mutation($r: String!) { logout(refreshToken: $r) }`, { r: refreshToken }, accessToken, 'logout');
    if (res.logout !== true) throw new Error('logout ended no session');
    return by(u);
  } },
  logoutEverywhere: { events: ['LoggedOut'], run: async (w) => { const u = await w.person(); await w.gql(`mutation { logoutEverywhere }`, {}, u, 'logoutEverywhere'); return by(u); } },
  changePassword: { events: ['PasswordChanged'], run: async (w) => {
    const u = await w.person();
    await w.gql(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`, { c: u.password, n: `${u.password} and more` }, u, 'changePassword');
    return by(u);
  } },
  requestPasswordReset: { events: ['PasswordResetRequested'], run: async (w) => {
    const u = await w.person();
    await w.gql(`mutation($id: ID!) { requestPasswordReset(userId: $id) { token } }`, { id: u.id }, w.t.admin, 'requestPasswordReset');
    return by(w.t.admin);
  } },
  resetPassword: { events: ['PasswordReset'], run: async (w) => {
    const u = await w.person();
    const { token } = (await w.gql(`mutation($id: ID!) { requestPasswordReset(userId: $id) { token } }`, { id: u.id }, w.t.admin, 'requestPasswordReset')).requestPasswordReset;
    await w.gql(`mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`, { t: token, p: 'a brand new long password 77' }, null, 'resetPassword');
    return { subjectId: u.id };
  } },
  createUser: { events: ['UserCreated'], run: async (w) => { await w.person(); return by(w.t.admin); } },
  updateUser: { events: ['UserUpdated'], run: async (w) => {
    const u = await w.person();
    await w.gql(`mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed by coverage" }) { id } }`, { id: u.id }, w.t.admin, 'updateUser');
    return by(w.t.admin);
  } },
  deactivateUser: { events: ['UserDeactivated'], run: async (w) => {
    const u = await w.person();
    await w.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: u.id }, w.t.admin, 'deactivateUser');
    return by(w.t.admin);
  } },
  reactivateUser: { events: ['UserUpdated'], run: async (w) => {
    const u = await w.person();
    await w.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: u.id }, w.t.admin, 'deactivateUser');
    await w.gql(`mutation($id: ID!) { reactivateUser(id: $id) { id } }`, { id: u.id }, w.t.admin, 'reactivateUser');
    return { ...by(w.t.admin), subjectId: u.id };
  } },
  createApiToken: { events: ['ApiTokenCreated'], run: async (w) => {
    await w.gql(`mutation { createApiToken(input: { name: "coverage", scopes: ["samples:read"] }) { token } }`, {}, w.staff, 'createApiToken');
    return by(w.staff);
  } },
  revokeApiToken: { events: ['ApiTokenRevoked'], run: async (w) => {
    const id = (await w.gql(`mutation { createApiToken(input: { name: "coverage", scopes: ["samples:read"] }) { apiToken { id } } }`, {}, w.staff, 'createApiToken')).createApiToken.apiToken.id;
    await w.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id }, w.staff, 'revokeApiToken');
    return by(w.staff);
  } },
  // samples
  createProject: { events: ['ProjectCreated'], run: async (w) => { await w.project(); return by(w.submitter); } },
  updateProject: { events: ['ProjectUpdated'], run: async (w) => {
    const id = await w.project();
    await w.gql(`mutation($id: ID!) { updateProject(id: $id, input: { description: "now described" }) { id } }`, { id }, w.submitter, 'updateProject');
    return by(w.submitter);
  } },
  createSubmission: { events: ['SubmissionCreated'], run: async (w) => { await w.submission(); return by(w.submitter); } },
  updateSubmission: { events: ['SubmissionUpdated'], run: async (w) => {
    const id = await w.submission();
    await w.gql(`mutation($id: ID!) { updateSubmission(id: $id, input: { specialInstructions: "keep cold" }) { id } }`, { id }, w.submitter, 'updateSubmission');
    return by(w.submitter);
  } },
  markSubmissionReceived: { events: ['SubmissionReceived'], run: async (w) => {
    const id = await w.submitted();
    await w.gql(`mutation($id: ID!) { markSubmissionReceived(id: $id) { id } }`, { id }, w.staff, 'markSubmissionReceived');
    return by(w.staff);
  } },
  addSamples: { events: ['SampleCreated'], run: async (w) => { await w.samples(2); return by(w.submitter); } },
  updateSample: { events: ['SampleUpdated'], run: async (w) => {
    const [s] = await w.samples();
    await w.gql(`mutation($id: ID!, $v: Int!) { updateSample(id: $id, input: { volume: 25 }, expectedVersion: $v) { id } }`, { id: s!.id, v: s!.version }, w.submitter, 'updateSample');
    return by(w.submitter);
  } },
  assignSample: { events: ['SampleAssigned'], run: async (w) => {
    const [s] = await w.samples();
    await w.gql(`mutation($id: ID!, $a: ID) { assignSample(id: $id, assigneeId: $a) { id } }`, { id: s!.id, a: w.staff.id }, w.staff, 'assignSample');
    return by(w.staff);
  } },
  setSamplePriority: { events: ['SamplePriorityChanged'], run: async (w) => {
    const [s] = await w.samples();
    await w.gql(`mutation($id: ID!) { setSamplePriority(id: $id, priority: HIGH) { id } }`, { id: s!.id }, w.staff, 'setSamplePriority');
    return by(w.staff);
  } },
  archiveSample: { events: ['SampleArchived'], run: async (w) => {
    const [s] = await w.samples();
    await w.gql(`mutation($id: ID!) { archiveSample(id: $id, reason: "duplicate") { id } }`, { id: s!.id }, w.staff, 'archiveSample');
    return by(w.staff);
  } },
  bulkUpdateSamples: { events: ['SamplePriorityChanged'], run: async (w) => {
    const samples = await w.samples(2);
    const res = await w.gql(`mutation($ids: [ID!]!) { bulkUpdateSamples(ids: $ids, patch: { priority: HIGH }) { ok } }`, { ids: samples.map((s) => s.id) }, w.staff, 'bulkUpdateSamples');
    if (!res.bulkUpdateSamples.every((r: { ok: boolean }) => r.ok)) throw new Error(`bulkUpdateSamples: ${JSON.stringify(res)}`);
    return by(w.staff);
  } },
  createBillingAccount: { events: ['BillingAccountCreated'], run: async (w) => { await w.billingAccount(); return by(w.t.admin); } },
  updateBillingAccount: { events: ['BillingAccountUpdated'], run: async (w) => {
    const id = await w.billingAccount();
    await w.gql(`mutation($id: ID!) { updateBillingAccount(id: $id, input: { description: "grant 42" }) { id } }`, { id }, w.t.admin, 'updateBillingAccount');
    return by(w.t.admin);
  } },
  deactivateBillingAccount: { events: ['BillingAccountDeactivated'], run: async (w) => {
    const id = await w.billingAccount();
    await w.gql(`mutation($id: ID!) { deactivateBillingAccount(id: $id) { id } }`, { id }, w.t.admin, 'deactivateBillingAccount');
    return by(w.t.admin);
  } },
  exportSamples: { events: ['ExportRequested'], run: async (w) => { await w.gql(`mutation { exportSamples(format: CSV) { id } }`, {}, w.staff, 'exportSamples'); return by(w.staff); } },
  exportSubmissions: { events: ['ExportRequested'], run: async (w) => { await w.gql(`mutation { exportSubmissions(format: JSON) { id } }`, {}, w.staff, 'exportSubmissions'); return by(w.staff); } },
  exportProjects: { events: ['ExportRequested'], run: async (w) => { await w.gql(`mutation { exportProjects(format: NDJSON) { id } }`, {}, w.staff, 'exportProjects'); return by(w.staff); } },
  // workflow
  startStep: { events: ['StepStarted'], run: async (w) => { await w.step('startStep', await w.labSample(), 'SAMPLE_QC'); return by(w.staff); } },
  recordStepResults: { events: ['StepResultsRecorded'], run: async (w) => {
    const s = await w.labSample();
    const { startStep } = await w.step('startStep', s, 'SAMPLE_QC');
    await w.step('recordStepResults', s, 'SAMPLE_QC', `, results: { sampleQc: { volumeUl: 18 } }, expectedVersion: ${startStep.version}`);
    return by(w.staff);
  } },
  completeStep: { events: ['StepCompleted'], run: async (w) => {
    const s = await w.labSample();
    await w.step('startStep', s, 'SAMPLE_QC');
    await w.step('completeStep', s, 'SAMPLE_QC', `, results: ${SAMPLE_QC}`);
    return by(w.staff);
  } },
  failStep: { events: ['StepFailed'], run: async (w) => {
    const s = await w.labSample();
    await w.step('startStep', s, 'SAMPLE_QC');
    await w.step('failStep', s, 'SAMPLE_QC', `, reason: "degraded on arrival"`);
    return by(w.staff);
  } },
  reopenStep: { events: ['StepReopened'], run: async (w) => {
    const s = await w.labSample();
    await w.step('startStep', s, 'SAMPLE_QC');
    await w.step('failStep', s, 'SAMPLE_QC', `, reason: "pipetting error"`);
    await w.step('reopenStep', s, 'SAMPLE_QC', `, reason: "re-measure"`);
    return by(w.staff);
  } },
  overrideStep: { events: ['StepOverridden'], run: async (w) => {
    const s = await w.labSample();
    await w.step('startStep', s, 'SAMPLE_QC');
    await w.step('failStep', s, 'SAMPLE_QC', `, reason: "low yield"`);
    const signature = await w.signature(s, 'SAMPLE_QC', 'OVERRIDDEN', 'PI accepts low yield', w.t.admin);
    await w.step('overrideStep', s, 'SAMPLE_QC', `, reason: "PI accepts low yield", signature: "${signature}"`, w.t.admin);
    return by(w.t.admin);
  } },
  skipStep: { events: ['StepSkipped'], run: async (w) => {
    const s = await w.labSample();
    const signature = await w.signature(s, 'SAMPLE_QC', 'SKIPPED', 'QC done by the customer', w.t.admin);
    await w.step('skipStep', s, 'SAMPLE_QC', `, reason: "QC done by the customer", signature: "${signature}"`, w.t.admin);
    return by(w.t.admin);
  } },
  signRecord: { events: ['SignatureIssued'], run: async (w) => {
    const s = await w.labSample();
    await w.signature(s, 'SAMPLE_QC', 'SKIPPED', 'QC done by the customer', w.staff);
    return by(w.staff);
  } },
  assignStep: { events: ['StepAssigned'], run: async (w) => {
    const s = await w.labSample();
    const v = await w.stepVersion(s, 'SAMPLE_QC');
    await w.gql(`mutation($s: ID!, $a: ID, $v: Int!) { assignStep(sampleId: $s, step: SAMPLE_QC, assigneeId: $a, expectedVersion: $v) { id } }`, { s, a: w.staff.id, v }, w.staff, 'assignStep');
    return by(w.staff);
  } },
  startSteps: { events: ['StepStarted'], run: async (w) => {
    const s = await w.labSample();
    const res = await w.gql(`mutation($s: ID!) { startSteps(inputs: [{ sampleId: $s, step: SAMPLE_QC }]) { ok } }`, { s }, w.staff, 'startSteps');
    if (!res.startSteps[0].ok) throw new Error(`startSteps: ${JSON.stringify(res)}`);
    return by(w.staff);
  } },
  completeSteps: { events: ['StepCompleted'], run: async (w) => {
    const s = await w.labSample();
    await w.step('startStep', s, 'SAMPLE_QC');
    const res = await w.gql(`mutation($s: ID!) { completeSteps(inputs: [{ sampleId: $s, step: SAMPLE_QC, results: ${SAMPLE_QC} }]) { ok error { message } } }`, { s }, w.staff, 'completeSteps');
    if (!res.completeSteps[0].ok) throw new Error(`completeSteps: ${JSON.stringify(res)}`);
    return by(w.staff);
  } },
  // files
  createUpload: { events: ['FileUploadRequested'], run: async (w) => { await w.uploaded(); return by(w.submitter); } },
  completeUpload: { events: ['FileUploaded'], run: async (w) => {
    const { uploadId } = await w.uploaded();
    await w.gql(`mutation($u: ID!) { completeUpload(uploadId: $u) { id } }`, { u: uploadId }, w.submitter, 'completeUpload');
    return by(w.submitter);
  } },
  deleteFile: { events: ['FileDeleted'], run: async (w) => {
    const { uploadId } = await w.uploaded();
    const id = (await w.gql(`mutation($u: ID!) { completeUpload(uploadId: $u) { id } }`, { u: uploadId }, w.submitter, 'completeUpload')).completeUpload.id;
    await w.gql(`mutation($id: ID!) { deleteFile(id: $id) { id } }`, { id }, w.submitter, 'deleteFile');
    return by(w.submitter);
  } },
  uploadFile: { events: ['FileUploaded'], run: async (w) => { await w.attached(); return by(w.submitter); } },
  uploadFiles: { events: ['FileUploaded'], run: async (w) => {
    const s = await w.submission();
    const many = `mutation($f: [Upload!]!, $s: ID!) { uploadFiles(files: $f, attachTo: { submissionId: $s }, kind: SAMPLE_SHEET) { id } }`;
    await w.multipart(many, { f: [null, null], s }, { 'f.0': 'a,b\n1,2\n', 'f.1': 'notes\n' }, w.submitter, 'uploadFiles');
    return by(w.submitter);
  } },
  uploadFileVersion: { events: ['FileVersionAdded'], run: async (w) => {
    const id = await w.attached();
    const version = `mutation($id: ID!, $f: Upload!) { uploadFileVersion(fileId: $id, file: $f, comment: "corrected") { id } }`;
    await w.multipart(version, { id, f: null }, { f: 'corrected notes\n' }, w.submitter, 'uploadFileVersion');
    return by(w.submitter);
  } },
  purgeFile: { events: ['FilePurged'], run: async (w) => {
    // The coverage system runs with FILES_PURGE_AFTER_DAYS=0, so a deleted file may be purged at once.
    const id = await w.attached();
    await w.gql(`mutation($id: ID!) { deleteFile(id: $id) { id } }`, { id }, w.submitter, 'deleteFile');
    await w.gql(`mutation($id: ID!) { purgeFile(id: $id) { id } }`, { id }, w.t.admin, 'purgeFile');
    return by(w.t.admin);
  } },
  // ai
  startTextExtraction: { events: ['ExtractionJobCreated'], run: async (w) => {
    const s = await w.submission();
    await w.gql(`mutation($s: ID!) { startTextExtraction(input: { submissionId: $s, text: "Sample A1: DNA, 30 ng/ul, 20 ul in TE buffer" }) { id } }`, { s }, w.submitter, 'startTextExtraction');
    return by(w.submitter);
  } },
  startPdfExtraction: { events: ['ExtractionJobQueued'], run: async (w) => { await w.reviewableExtraction(); return by(w.submitter); } },
  correctExtractionField: { events: ['ExtractionFieldCorrected'], run: async (w) => {
    const id = await w.reviewableExtraction();
    await w.gql(`mutation($id: ID!) { correctExtractionField(input: { jobId: $id, fieldName: "genomeSize", value: "4.6 Mbp" }) { source } }`, { id }, w.staff, 'correctExtractionField');
    return by(w.staff);
  } },
  correctExtractedSample: { events: ['ExtractedSampleCorrected'], run: async (w) => {
    const id = await w.reviewableExtraction();
    await w.gql(`mutation($id: ID!) { correctExtractedSample(input: { jobId: $id, sampleNumber: "1", field: "volume", value: "3" }) { volume } }`, { id }, w.staff, 'correctExtractedSample');
    return by(w.staff);
  } },
  acceptExtraction: { events: ['ExtractionAccepted'], run: async (w) => {
    const id = await w.reviewableExtraction();
    await w.gql(`mutation($id: ID!) { acceptExtraction(jobId: $id) { status } }`, { id }, w.staff, 'acceptExtraction');
    return by(w.staff);
  } },
  rejectExtraction: { events: ['ExtractionRejected'], run: async (w) => {
    const id = await w.reviewableExtraction();
    await w.gql(`mutation($id: ID!) { rejectExtraction(jobId: $id, reason: "Wrong quote") { status } }`, { id }, w.staff, 'rejectExtraction');
    return by(w.staff);
  } },
  // submission (intake)
  createIntakeFromCsv: { events: ['IntakeJobCreated'], run: async (w) => {
    const s = await w.submission();
    const csv = `${CSV_HEADER}\nA1,,Bo Chen,bo@lab.org,,DNA,TE,30,2,60,,,normal,,,\n`;
    await w.gql(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { id } }`, { i: { submissionId: s, csv } }, w.submitter, 'createIntakeFromCsv');
    return by(w.submitter);
  } },
  createIntakeFromExtraction: { events: ['IntakeJobCreated'], run: async (w) => {
    const id = await w.reviewableExtraction();
    await w.gql(`mutation($id: ID!) { acceptExtraction(jobId: $id) { status } }`, { id }, w.staff, 'acceptExtraction');
    const s = await w.submission();
    // Acceptance reaches submission by event: until then the extraction is not found there.
    await waitFor(async () => (await w.gql(`mutation($i: CreateIntakeFromExtractionInput!) { createIntakeFromExtraction(input: $i) { id } }`,
      { i: { extractionJobId: id, submissionId: s } }, w.submitter, 'createIntakeFromExtraction').catch(() => null))?.createIntakeFromExtraction, { what: 'the accepted extraction in submission', timeoutMs: 30_000, intervalMs: 100 });
    return by(w.submitter);
  } },
  createIntakeFromXlsx: { events: ['IntakeJobCreated'], run: async (w) => {
    const s = await w.submission();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Samples');
    sheet.addRow(CSV_HEADER.split(','));
    sheet.addRow(['X-1', '', 'Ann Lee', 'ann@uni.edu', '', 'DNA', '', 30, 2, 60, '', '', 'urgent', '', '', '']);
    const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    await w.gql(`mutation($i: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $i) { id } }`, { i: { submissionId: s, xlsxBase64 } }, w.submitter, 'createIntakeFromXlsx');
    return by(w.submitter);
  } },
  updateIntakeRow: { events: ['IntakeRowUpdated'], run: async (w) => {
    const s = await w.submission();
    const csv = `${CSV_HEADER}\nU1,,Bo Chen,bo@lab.org,,plasma,TE,30,2,60,,,normal,,,\n`;
    const job = (await w.gql(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { rows { edges { node { id } } } } }`, { i: { submissionId: s, csv } }, w.submitter, 'createIntakeFromCsv')).createIntakeFromCsv;
    await w.gql(`mutation($id: ID!) { updateIntakeRow(id: $id, values: { sample_type: "DNA" }) { id } }`, { id: job.rows.edges[0].node.id }, w.submitter, 'updateIntakeRow');
    return by(w.submitter);
  } },
  excludeIntakeRows: { events: ['IntakeRowsExcluded'], run: async (w) => {
    const s = await w.submission();
    const csv = `${CSV_HEADER}\nE1,,Bo Chen,bo@lab.org,,DNA,TE,30,2,60,,,normal,,,\n`;
    const job = (await w.gql(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { id rows { edges { node { id } } } } }`, { i: { submissionId: s, csv } }, w.submitter, 'createIntakeFromCsv')).createIntakeFromCsv;
    await w.gql(`mutation($j: ID!, $r: [ID!]!) { excludeIntakeRows(jobId: $j, rowIds: $r) { id } }`, { j: job.id, r: [job.rows.edges[0].node.id] }, w.submitter, 'excludeIntakeRows');
    return by(w.submitter);
  } },
  commitIntake: { events: ['IntakeCommitStarted'], run: async (w) => {
    const s = await w.submission();
    const csv = `${CSV_HEADER}\nC1,,Bo Chen,bo@lab.org,,DNA,TE,30,2,60,,,normal,,,\n`;
    const job = (await w.gql(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { id } }`, { i: { submissionId: s, csv } }, w.submitter, 'createIntakeFromCsv')).createIntakeFromCsv;
    await w.gql(`mutation($id: ID!) { commitIntake(id: $id, idempotencyKey: "audit-scenario-commit") { id } }`, { id: job.id }, w.submitter, 'commitIntake');
    return by(w.submitter);
  } },
  // audit
  setRetentionPolicy: { events: ['RetentionPolicyChanged'], run: async (w) => {
    // Longer than the default, so nothing recorded here ever becomes prunable.
    await w.gql(`mutation { setRetentionPolicy(category: DATA, retainDays: 3650) { retainDays } }`, {}, w.t.admin, 'setRetentionPolicy');
    return by(w.t.admin);
  } },
  placeLegalHold: { events: ['LegalHoldPlaced'], run: async (w) => {
    await w.gql(`mutation { placeLegalHold(input: { subjectId: "coverage-subject", reason: "litigation" }) { id } }`, {}, w.t.admin, 'placeLegalHold');
    return by(w.t.admin);
  } },
  releaseLegalHold: { events: ['LegalHoldReleased'], run: async (w) => {
    const id = (await w.gql(`mutation { placeLegalHold(input: { subjectId: "coverage-subject-2", reason: "inquiry" }) { id } }`, {}, w.t.admin, 'placeLegalHold')).placeLegalHold.id;
    await w.gql(`mutation($id: ID!) { releaseLegalHold(id: $id, reason: "inquiry closed") { id } }`, { id }, w.t.admin, 'releaseLegalHold');
    return by(w.t.admin);
  } },
  // the lab (workflow): flow-cell inventory and pools
  receiveFlowCells: { events: ['FlowCellReceived'], run: async (w) => { await w.flowCell(); return by(w.staff); } },
  checkFlowCell: { events: ['FlowCellChecked'], run: async (w) => { await w.flowCell(true); return by(w.staff); } },
  washFlowCell: { events: ['FlowCellWashed'], run: async (w) => {
    const { flowCellId } = await w.loadedPool();
    await w.gql(`mutation($id: ID!) { washFlowCell(id: $id, input: { washKit: "EXP-WSH004", poreCountAtEnd: 900 }) { status } }`, { id: flowCellId }, w.staff, 'washFlowCell');
    return by(w.staff);
  } },
  retireFlowCell: { events: ['FlowCellRetired'], run: async (w) => {
    const id = await w.flowCell();
    await w.gql(`mutation($id: ID!) { retireFlowCell(id: $id, input: { reason: "dropped on the floor" }) { status } }`, { id }, w.staff, 'retireFlowCell');
    return by(w.staff);
  } },
  createPool: { events: ['PoolCreated'], run: async (w) => { await w.pool(); return by(w.staff); } },
  addPoolMembers: { events: ['PoolMembersAdded'], run: async (w) => {
    const { poolId } = await w.pool(false);
    const s = await w.labSample();
    await w.gql(`mutation($p: ID!, $s: ID!) { addPoolMembers(poolId: $p, members: [{ sampleId: $s, barcode: "NB02" }]) { memberCount } }`, { p: poolId, s }, w.staff, 'addPoolMembers');
    return by(w.staff);
  } },
  removePoolMember: { events: ['PoolMemberRemoved'], run: async (w) => {
    const { poolId, sampleId } = await w.pool();
    await w.gql(`mutation($p: ID!, $s: ID!) { removePoolMember(poolId: $p, sampleId: $s) { memberCount } }`, { p: poolId, s: sampleId }, w.staff, 'removePoolMember');
    return by(w.staff);
  } },
  loadPool: { events: ['PoolLoaded', 'FlowCellPicked'], run: async (w) => { await w.loadedPool(); return by(w.staff); } },
  // the lab (workflow): sequencing runs and pool-level steps
  startSequencingRun: { events: ['SequencingRunStarted'], run: async (w) => { await w.runningPool(); return by(w.staff); } },
  endSequencingRun: { events: ['SequencingRunEnded'], run: async (w) => {
    const { runId } = await w.runningPool();
    await w.gql(`mutation($id: ID!) { endSequencingRun(id: $id, input: { status: COMPLETED, poreCountAtEnd: 700 }) { status } }`, { id: runId }, w.staff, 'endSequencingRun');
    return by(w.staff);
  } },
  importRunMetrics: { events: ['RunMetricsImported'], run: async (w) => {
    const { runId, serial } = await w.runningPool();
    const finalSummary = `instrument=GXB02001\nposition=X1\nflow_cell_id=${serial}\nprotocol_run_id=${randomUUID()}\n`;
    const sequencingSummary = `read_id\tpasses_filtering\tsequence_length_template\tmean_qscore_template\tbarcode_arrangement\n${randomUUID()}\tTRUE\t5200\t15.2\tbarcode01\n`;
    await w.gql(`mutation($id: ID!, $i: ImportRunMetricsInput!) { importRunMetrics(runId: $id, input: $i) { readCount } }`, { id: runId, i: { finalSummary, sequencingSummary } }, w.staff, 'importRunMetrics');
    return by(w.staff);
  } },
  applyPoolStep: { events: ['StepStarted'], run: async (w) => {
    const { poolId, sampleId } = await w.loadedPool();
    await w.throughLibraryQc(sampleId);
    const from = new Date().toISOString();
    const res = await w.gql(`mutation($p: ID!) { applyPoolStep(input: { poolId: $p, step: SEQUENCING_SETUP, action: START }) { ok error { message } } }`, { p: poolId }, w.staff, 'applyPoolStep');
    if (!res.applyPoolStep[0].ok) throw new Error(`applyPoolStep: ${JSON.stringify(res)}`);
    return { ...by(w.staff), from };
  } },

  // notifications (workflow)
  markNotificationsRead: { events: ['NotificationsRead'], run: async (w) => {
    await w.labSample(); // its receipt notifies the submitter in-app
    await waitFor(async () => (await w.gql(`{ notifications(unreadOnly: true) { totalCount } }`, {}, w.submitter, 'notifications')).notifications.totalCount > 0,
      { what: 'an in-app notification', timeoutMs: 20_000 });
    await w.gql(`mutation { markNotificationsRead(all: true) }`, {}, w.submitter, 'markNotificationsRead');
    return by(w.submitter);
  } },
  setNotificationPreference: { events: ['NotificationPreferenceChanged'], run: async (w) => {
    await w.gql(`mutation { setNotificationPreference(input: { event: STEP_COMPLETED, email: DIGEST }) { email } }`, {}, w.submitter, 'setNotificationPreference');
    return by(w.submitter);
  } },
  registerWebhookEndpoint: { events: ['WebhookEndpointRegistered'], run: async (w) => {
    await w.webhookEndpoint();
    return by(w.t.admin);
  } },
  updateWebhookEndpoint: { events: ['WebhookEndpointUpdated'], run: async (w) => {
    const id = await w.webhookEndpoint();
    await w.gql(`mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { active: false }) { id } }`, { id }, w.t.admin, 'updateWebhookEndpoint');
    return by(w.t.admin);
  } },
  replayNotificationDelivery: { events: ['NotificationDeliveryReplayed'], run: async (w) => {
    const e = await w.webhookEndpoint();
    await w.labSample();
    const delivery = await waitFor(async () => (await w.gql(`query($e: ID) { notificationDeliveries(endpointId: $e, first: 1) { edges { node { id } } } }`, { e }, w.t.admin, 'deliveries'))
      .notificationDeliveries.edges[0]?.node.id as string | undefined, { what: 'a webhook delivery', timeoutMs: 20_000 });
    await w.gql(`mutation($id: ID!) { replayNotificationDelivery(id: $id) { id } }`, { id: delivery }, w.t.admin, 'replayNotificationDelivery');
    await w.gql(`mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { active: false }) { id } }`, { id: e }, w.t.admin, 'deactivate');
    return by(w.t.admin);
  } },
  pruneAuditEntries: { events: ['AuditPruned'], run: async (w) => {
    // Everything is within retention, so the run removes nothing; the run itself is still an entry.
    await w.gql(`mutation { pruneAuditEntries { pruned } }`, {}, w.t.admin, 'pruneAuditEntries');
    return by(w.t.admin);
  } },
};

/** The filter that finds what a scenario left, from its start time on. */
export function filterFor(performed: Performed, events: string[], from: string): AuditFilter {
  return { types: events, from: performed.from ?? from, ...(performed.actorUserId ? { actorUserId: performed.actorUserId } : {}), ...(performed.subjectId ? { subjectId: performed.subjectId } : {}) };
}
