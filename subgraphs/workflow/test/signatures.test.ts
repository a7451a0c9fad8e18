import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventTypes, recordHash, type DomainEvent, type StepEventData } from '@app/common';
import { collectEvents, createTestSigner, startTestSubgraph, type TestSigner, type TestSubgraph, userPrincipal } from '@app/testing';
import { workflowSubgraph } from '../src/server.js';
import { createSample, expectNoErrors, goodResults, M, signFor } from './helpers.js';

// E-signatures on step changes (issue #15 point 6), against the subgraph alone: tokens are signed by
// a test key the subgraph trusts, as auth's would be. The clock is the subgraph's, moved by the test.
let sg: TestSubgraph;
let signer: TestSigner;
let events: DomainEvent[];
let offsetMs = 0;
const staff = userPrincipal('STAFF');
const admin = userPrincipal('ADMIN', { name: 'Ada Admin' });
const otherAdmin = userPrincipal('ADMIN');

beforeAll(async () => {
  signer = await createTestSigner();
  sg = await startTestSubgraph(workflowSubgraph, { authTokens: signer.trust, now: () => new Date(Date.now() + offsetMs) });
  events = await collectEvents(sg.bus);
});
afterAll(() => sg.stop());

const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
const REASON = 'PI accepts the low yield';
const SIGNED_STEP = `query($id: ID!) { workflow(sampleId: $id) { steps { name status version
  signatures { id signer { id } signerName meaning method action signedAt usedAt recordHash record transition { action reason } } } 
  transitions(first: 50) { edges { node { action signature { id meaning signer { id } } } } } } }`;

/** A sample whose SAMPLE_QC failed its gate. */
async function failedQc(): Promise<string> {
  const { sampleId } = await createSample(sg, staff);
  expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff));
  expectNoErrors(await sg.call(M.complete, { s: sampleId, step: 'SAMPLE_QC', r: { sampleQc: { ...(goodResults.SAMPLE_QC.sampleQc as object), outcome: 'FAIL' } } }, staff));
  return sampleId;
}

describe('e-signed step changes', () => {
  it('refuses an override without a signature, accepts a signed one and keeps the signature with the step, its transition and the event', async () => {
    const sampleId = await failedQc();
    const unsigned = await sg.call(M.override, { s: sampleId, step: 'SAMPLE_QC', reason: REASON }, admin);
    expect(unsigned.errors![0]).toMatchObject({ extensions: { code: 'SIGNATURE_REQUIRED', field: 'signature' }, message: expect.stringMatching(/Overriding the failed step SAMPLE_QC needs your e-signature/) });

    const sig = await signFor(sg, signer, admin, sampleId, 'SAMPLE_QC', 'OVERRIDDEN', REASON);
    const overridden = await sg.call(M.override, { s: sampleId, step: 'SAMPLE_QC', reason: REASON, sig }, admin);
    expectNoErrors(overridden);
    expect(overridden.data!.overrideStep).toMatchObject({ status: 'COMPLETED', overridden: true });

    const wf = (await sg.call(SIGNED_STEP, { id: sampleId }, staff)).data!.workflow;
    const qc = wf.steps.find((s: { name: string }) => s.name === 'SAMPLE_QC');
    expect(qc.signatures).toHaveLength(1);
    const [signature] = qc.signatures;
    expect(signature).toMatchObject({ signer: { id: admin.userId }, signerName: 'Ada Admin', meaning: 'APPROVED_BY', method: 'PASSWORD', action: 'OVERRIDDEN', transition: { action: 'OVERRIDDEN', reason: REASON } });
    // The stored canonical record hashes to the stored hash, and names this step, action, reason and version.
    const record = JSON.parse(signature.record);
    expect(record).toMatchObject({ recordType: 'WorkflowStep', sampleId, step: 'SAMPLE_QC', action: 'OVERRIDDEN', reason: REASON });
    expect(recordHash(record)).toBe(signature.recordHash);
    expect(wf.transitions.edges.map((e: { node: { action: string; signature: { id: string } | null } }) => [e.node.action, e.node.signature?.id ?? null]))
      .toEqual([['STARTED', null], ['FAILED', null], ['OVERRIDDEN', signature.id]]);

    const event = events.find((e) => e.type === EventTypes.StepOverridden && e.subject.id === sampleId);
    expect((event?.data as unknown as StepEventData).signature).toMatchObject({ signatureId: signature.id, signerId: admin.userId, meaning: 'APPROVED_BY', recordHash: signature.recordHash });
  });

  it('refuses a signature used twice, made for another record, by someone else, for an older version, or older than 5 minutes', async () => {
    const first = await failedQc();
    const second = await failedQc();
    const sig = await signFor(sg, signer, admin, first, 'SAMPLE_QC', 'OVERRIDDEN', REASON);
    // Another record (the second sample's step) is refused before the signature is spent.
    const elsewhere = await sg.call(M.override, { s: second, step: 'SAMPLE_QC', reason: REASON, sig }, admin);
    expect(elsewhere.errors![0]).toMatchObject({ extensions: { code: 'SIGNATURE_INVALID' }, message: expect.stringMatching(/made for another record/) });
    // Another reason is another record too.
    expect(code(await sg.call(M.override, { s: first, step: 'SAMPLE_QC', reason: 'something else', sig }, admin))).toBe('SIGNATURE_INVALID');
    // Someone else's signature is not the caller's.
    expect(code(await sg.call(M.override, { s: first, step: 'SAMPLE_QC', reason: REASON, sig }, otherAdmin))).toBe('SIGNATURE_INVALID');
    expectNoErrors(await sg.call(M.override, { s: first, step: 'SAMPLE_QC', reason: REASON, sig }, admin));
    // Spent: refused for any record, with the record it was used for.
    const reused = await sg.call(M.override, { s: second, step: 'SAMPLE_QC', reason: REASON, sig }, admin);
    expect(reused.errors![0]).toMatchObject({ extensions: { code: 'SIGNATURE_REUSED' }, message: expect.stringMatching(new RegExp(`already used \\(for OVERRIDDEN on sample ${first}\\)`)) });

    // A signature of the step before it changed is stale.
    const stale = await signFor(sg, signer, admin, second, 'SAMPLE_QC', 'OVERRIDDEN', REASON);
    const steps = (await sg.call(SIGNED_STEP, { id: second }, staff)).data!.workflow.steps;
    const v = steps.find((s: { name: string }) => s.name === 'SAMPLE_QC').version;
    expectNoErrors(await sg.call(M.assign, { s: second, step: 'SAMPLE_QC', a: otherAdmin.userId, v }, staff));
    expect(code(await sg.call(M.override, { s: second, step: 'SAMPLE_QC', reason: REASON, sig: stale }, admin))).toBe('SIGNATURE_INVALID');

    // Older than 5 minutes, by the subgraph's clock.
    const old = await signFor(sg, signer, admin, second, 'SAMPLE_QC', 'OVERRIDDEN', REASON);
    offsetMs = 6 * 60_000;
    try {
      const expired = await sg.call(M.override, { s: second, step: 'SAMPLE_QC', reason: REASON, sig: old }, admin);
      expect(expired.errors![0]).toMatchObject({ extensions: { code: 'SIGNATURE_INVALID', reason: 'EXPIRED' }, message: expect.stringMatching(/within 5 minutes/) });
    } finally {
      offsetMs = 0;
    }
    expect(code(await sg.call(M.override, { s: second, step: 'SAMPLE_QC', reason: REASON, sig: 'not.a.token' }, admin))).toBe('SIGNATURE_INVALID');
  });

  it('needs a signature to skip a step and to reopen a completed one, not to reopen a failed one', async () => {
    const { sampleId } = await createSample(sg, staff);
    expect(code(await sg.call(M.skip, { s: sampleId, step: 'SAMPLE_QC', reason: 'QC done by the customer' }, admin))).toBe('SIGNATURE_REQUIRED');
    const skipSig = await signFor(sg, signer, admin, sampleId, 'SAMPLE_QC', 'SKIPPED', 'QC done by the customer');
    expect((await sg.call(M.skip, { s: sampleId, step: 'SAMPLE_QC', reason: 'QC done by the customer', sig: skipSig }, admin)).data!.skipStep.status).toBe('SKIPPED');

    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'LIBRARY_PREP' }, staff));
    expectNoErrors(await sg.call(M.complete, { s: sampleId, step: 'LIBRARY_PREP', r: goodResults.LIBRARY_PREP }, staff));
    const reopenUnsigned = await sg.call(M.reopen, { s: sampleId, step: 'LIBRARY_PREP', reason: 'wrong kit lot recorded' }, staff);
    expect(reopenUnsigned.errors![0]).toMatchObject({ extensions: { code: 'SIGNATURE_REQUIRED' }, message: expect.stringMatching(/completed \(released\) step LIBRARY_PREP/) });
    const reopenSig = await signFor(sg, signer, staff, sampleId, 'LIBRARY_PREP', 'REOPENED', 'wrong kit lot recorded', { meaning: 'RESPONSIBLE_FOR' });
    expect((await sg.call(M.reopen, { s: sampleId, step: 'LIBRARY_PREP', reason: 'wrong kit lot recorded', sig: reopenSig }, staff)).data!.reopenStep.status).toBe('IN_PROGRESS');

    // A failed step is re-worked without signing.
    expectNoErrors(await sg.call(M.fail, { s: sampleId, step: 'LIBRARY_PREP', reason: 'adapter ligation failed' }, staff));
    expect((await sg.call(M.reopen, { s: sampleId, step: 'LIBRARY_PREP', reason: 'redo the ligation' }, staff)).data!.reopenStep.status).toBe('IN_PROGRESS');
    const steps = (await sg.call(SIGNED_STEP, { id: sampleId }, staff)).data!.workflow.steps;
    expect(steps.find((s: { name: string }) => s.name === 'LIBRARY_PREP').signatures.map((g: { meaning: string; action: string }) => [g.action, g.meaning])).toEqual([['REOPENED', 'RESPONSIBLE_FOR']]);
  });

  it('shows the record to sign only to staff, and only for signed actions', async () => {
    const { sampleId } = await createSample(sg, staff);
    const q = `query($s: ID!, $a: StepAction!) { stepSignatureRecord(sampleId: $s, step: SAMPLE_QC, action: $a, reason: " why ") { recordType action stepVersion canonical hash } }`;
    const ok = await sg.call(q, { s: sampleId, a: 'SKIPPED' }, staff);
    expectNoErrors(ok);
    expect(JSON.parse(ok.data!.stepSignatureRecord.canonical)).toMatchObject({ action: 'SKIPPED', reason: 'why', stepVersion: ok.data!.stepSignatureRecord.stepVersion });
    expect(code(await sg.call(q, { s: sampleId, a: 'STARTED' }, staff))).toBe('BAD_USER_INPUT');
    expect(code(await sg.call(q, { s: sampleId, a: 'SKIPPED' }, userPrincipal('SUBMITTER', { labId: 'lab-a' })))).toBe('FORBIDDEN');
  });
});
