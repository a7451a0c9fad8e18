import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { recordHash } from '@app/common';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';

// Issue #15 point 6 through the gateway, as a client would: overriding a failed QC gate needs an
// e-signature (21 CFR Part 11 style). Refused without one; with one (password re-entered) it succeeds
// and the signature shows on the step, its transition and the audit trail; a signature cannot be
// moved to another record; wrong passwords are refused and throttled; a signature older than 5 minutes
// is refused. The subgraphs' clock is moved by the test instead of sleeping.
let t: TestSystem;
let staff: TestUser;
let submitter: TestUser;
let offsetMs = 0;

beforeAll(async () => {
  t = await startTestSystem({ now: () => new Date(Date.now() + offsetMs) });
  staff = await t.createUser('STAFF');
  submitter = await t.createUser('SUBMITTER', 'lab-a');
}, 120_000);
afterAll(() => t?.stop());

const ok = (query: string, variables: Record<string, unknown>, as: TestUser) => t.data(query, variables, as.token);
const refusal = async (query: string, variables: Record<string, unknown>, as: TestUser) => {
  const res = await t.gql(query, variables, as.token);
  expect(res.errors?.length).toBeTruthy();
  return res.errors![0]!;
};

/** A received sample whose SAMPLE_QC failed its gate (A260/280 too low). */
async function failedQcSample(name: string): Promise<string> {
  const project = (await ok(`mutation { createProject(input: { name: "Signed overrides" }) { id } }`, {}, submitter)).createProject.id;
  const submission = (await ok(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: project }, submitter)).createSubmission.id;
  const [sample] = (await ok(`mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id } }`,
    { s: submission, x: [{ name, sampleType: 'DNA', volume: 20, qubitConcentration: 40 }] }, submitter)).addSamples;
  await ok(`mutation($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { id } }`, { id: submission }, submitter);
  await ok(`mutation($id: ID!) { markSubmissionReceived(id: $id) { id } }`, { id: submission }, staff);
  await waitFor(async () => (await t.gql(`query($id: ID!) { sample(id: $id) { workflow { id } } }`, { id: sample.id }, staff.token)).data?.sample?.workflow,
    { what: `the workflow of ${name}`, timeoutMs: 30_000 });
  await ok(`mutation($s: ID!) { startStep(sampleId: $s, step: SAMPLE_QC) { id } }`, { s: sample.id }, staff);
  const done = await ok(`mutation($s: ID!) { completeStep(sampleId: $s, step: SAMPLE_QC, results: { sampleQc: { qubitNgPerUl: 40, volumeUl: 20, a260280: 1.3 } }) { status } }`, { s: sample.id }, staff);
  expect(done.completeStep.status).toBe('FAILED');
  return sample.id;
}

const OVERRIDE = `mutation($s: ID!, $r: String!, $sig: String) { overrideStep(sampleId: $s, step: SAMPLE_QC, reason: $r, signature: $sig) { status overridden } }`;
const SIGNABLE = `query($s: ID!, $r: String!) { stepSignatureRecord(sampleId: $s, step: SAMPLE_QC, action: OVERRIDDEN, reason: $r) { recordType recordId canonical hash } }`;
const SIGN = `mutation($i: SignRecordInput!) { signRecord(input: $i) { id token method meaning signer { id name } recordHash expiresAt } }`;
const REASON = 'PI accepts the low A260/280 for this precious sample';

/** The record to sign for overriding the sample's SAMPLE_QC, as workflow states it. */
async function signable(sampleId: string, as: TestUser): Promise<{ recordType: string; recordId: string; canonical: string; hash: string }> {
  return (await ok(SIGNABLE, { s: sampleId, r: REASON }, as)).stepSignatureRecord;
}
async function signOverride(sampleId: string, as: TestUser, password: string | null = as.password) {
  const r = await signable(sampleId, as);
  return (await ok(SIGN, { i: { recordType: r.recordType, recordId: r.recordId, recordHash: r.hash, meaning: 'APPROVED_BY', ...(password ? { password } : {}) } }, as)).signRecord;
}

describe('e-signed overrides through the gateway', () => {
  it('refuses an override without re-authentication; with it the override succeeds and the signature is on the step, its history and the audit trail', async () => {
    const sampleId = await failedQcSample('SIG-01');
    const unsigned = await refusal(OVERRIDE, { s: sampleId, r: REASON }, t.admin);
    expect(unsigned).toMatchObject({ extensions: { code: 'SIGNATURE_REQUIRED' }, message: expect.stringMatching(/needs your e-signature/) });

    const record = await signable(sampleId, t.admin);
    expect(recordHash(JSON.parse(record.canonical))).toBe(record.hash);
    const signature = await signOverride(sampleId, t.admin);
    expect(signature).toMatchObject({ method: 'PASSWORD', meaning: 'APPROVED_BY', signer: { id: t.admin.id }, recordHash: record.hash });
    expect((await ok(OVERRIDE, { s: sampleId, r: REASON, sig: signature.token }, t.admin)).overrideStep).toEqual({ status: 'COMPLETED', overridden: true });

    // On the step and its transition (the step's history)...
    const wf = (await ok(`query($id: ID!) { sample(id: $id) { workflow { steps { name signatures { id meaning method signer { id name } signerName recordHash action } }
      transitions(first: 20) { edges { node { action reason actor { id } signature { id meaning signer { id } } } } } } } }`, { id: sampleId }, staff)).sample.workflow;
    const qc = wf.steps.find((s: { name: string }) => s.name === 'SAMPLE_QC');
    expect(qc.signatures).toEqual([{ id: signature.id, meaning: 'APPROVED_BY', method: 'PASSWORD', signer: { id: t.admin.id, name: signature.signer.name }, signerName: signature.signer.name, recordHash: record.hash, action: 'OVERRIDDEN' }]);
    const overridden = wf.transitions.edges.map((e: { node: any }) => e.node).find((n: { action: string }) => n.action === 'OVERRIDDEN');
    expect(overridden).toMatchObject({ reason: REASON, actor: { id: t.admin.id }, signature: { id: signature.id, meaning: 'APPROVED_BY', signer: { id: t.admin.id } } });

    // ...and in the audit trail: the override's entry carries the signature, and the signing itself is a security entry.
    const history = await waitFor(async () => {
      const edges = (await t.gql(`query($id: ID!) { sample(id: $id) { history(first: 100) { edges { node { type data reason actor { userId } } } } } }`, { id: sampleId }, staff.token))
        .data?.sample?.history?.edges ?? [];
      return edges.map((e: { node: any }) => e.node).find((n: { type: string }) => n.type === 'StepOverridden');
    }, { what: 'the override in the sample history', timeoutMs: 30_000 });
    expect(history).toMatchObject({ reason: REASON, actor: { userId: t.admin.id }, data: { signature: { signatureId: signature.id, signerId: t.admin.id, meaning: 'APPROVED_BY', method: 'PASSWORD', recordHash: record.hash } } });
    const issued = await waitFor(async () => (await t.gql(`query($u: ID!) { auditEntries(filter: { types: ["SignatureIssued"], actorUserId: $u }, first: 50) { edges { node { data category } } } }`,
      { u: t.admin.id }, t.admin.token)).data?.auditEntries?.edges.map((e: { node: any }) => e.node).find((n: { data: { signatureId: string } }) => n.data.signatureId === signature.id),
    { what: 'SignatureIssued in the audit trail', timeoutMs: 30_000 });
    expect(issued).toMatchObject({ category: 'SECURITY', data: { recordType: 'WorkflowStep', recordId: record.recordId, recordHash: record.hash, meaning: 'APPROVED_BY' } });
  });

  it('refuses a signature for another record, and a spent signature for any record', async () => {
    const first = await failedQcSample('SIG-02');
    const second = await failedQcSample('SIG-03');
    const signature = await signOverride(first, t.admin);
    const elsewhere = await refusal(OVERRIDE, { s: second, r: REASON, sig: signature.token }, t.admin);
    expect(elsewhere).toMatchObject({ extensions: { code: 'SIGNATURE_INVALID' }, message: expect.stringMatching(/another record/) });
    await ok(OVERRIDE, { s: first, r: REASON, sig: signature.token }, t.admin);
    const reused = await refusal(OVERRIDE, { s: second, r: REASON, sig: signature.token }, t.admin);
    expect(reused).toMatchObject({ extensions: { code: 'SIGNATURE_REUSED' }, message: expect.stringMatching(/already used/) });
    // Nor is a signature token an access token.
    const asBearer = await t.gql(`{ me { id } }`, {}, signature.token);
    expect(asBearer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password, and locks signing (and signing in) after five', async () => {
    const signer = await t.createUser('ADMIN');
    const sampleId = await failedQcSample('SIG-04');
    const r = await signable(sampleId, signer);
    const attempt = (password: string) => t.gql(SIGN, { i: { recordType: r.recordType, recordId: r.recordId, recordHash: r.hash, meaning: 'APPROVED_BY', password } }, signer.token);
    for (let i = 0; i < 5; i++) {
      const wrong = await attempt(`a wrong password ${i}`);
      expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'SIGNATURE_REQUIRED', field: 'password' }, message: 'The password is wrong; the record was not signed' });
    }
    expect((await attempt(signer.password)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const login = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: signer.email, p: signer.password });
    expect(login.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await refusal(OVERRIDE, { s: sampleId, r: REASON }, signer)).extensions?.code).toBe('SIGNATURE_REQUIRED');
  });

  it('signs without the password only within 5 minutes of signing in, and refuses a signature older than 5 minutes', async () => {
    const signer = await t.createUser('ADMIN'); // signed in just now
    const sampleId = await failedQcSample('SIG-05');
    const recent = await signOverride(sampleId, signer, null);
    expect(recent.method).toBe('RECENT_SIGN_IN');
    offsetMs = 6 * 60_000;
    try {
      const expired = await refusal(OVERRIDE, { s: sampleId, r: REASON, sig: recent.token }, signer);
      expect(expired).toMatchObject({ extensions: { code: 'SIGNATURE_INVALID', reason: 'EXPIRED' }, message: expect.stringMatching(/within 5 minutes of signing/) });
      const r = await signable(sampleId, signer);
      const stale = await refusal(SIGN, { i: { recordType: r.recordType, recordId: r.recordId, recordHash: r.hash, meaning: 'APPROVED_BY' } }, signer);
      expect(stale).toMatchObject({ extensions: { code: 'SIGNATURE_REQUIRED' }, message: expect.stringMatching(/Re-enter your password/) });
      const fresh = await signOverride(sampleId, signer);
      expect((await ok(OVERRIDE, { s: sampleId, r: REASON, sig: fresh.token }, signer)).overrideStep.status).toBe('COMPLETED');
    } finally {
      offsetMs = 0;
    }
  });
});
