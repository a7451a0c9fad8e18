import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestSigner, startTestSubgraph, userPrincipal, type TestSigner, type TestSubgraph } from '@app/testing';
import type { Principal } from '@app/common';
import { workflowSubgraph } from '../src/server.js';
import { createSample, expectNoErrors, goodResults, M, signFor, STEPS, WORKFLOW_FULL } from './helpers.js';

let sg: TestSubgraph;
let signer: TestSigner;
const staff = userPrincipal('STAFF');
const senior = userPrincipal('STAFF', { name: 'senior staff' });
const admin = userPrincipal('ADMIN');
const viewer = userPrincipal('VIEWER');
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const readOnlyToken = userPrincipal('STAFF', { kind: 'apiToken', scopes: ['workflow:read'], tokenId: 'tok-1', via: 'API' });
const writeToken = userPrincipal('STAFF', { kind: 'apiToken', scopes: ['workflow:read', 'workflow:write'], tokenId: 'tok-2', via: 'API' });

beforeAll(async () => {
  signer = await createTestSigner();
  sg = await startTestSubgraph(workflowSubgraph, { env: { WORKFLOW_SENIOR_STAFF_IDS: senior.userId! }, authTokens: signer.trust });
});
afterAll(() => sg.stop());

const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
/** Everything stored about a workflow; the ETA is left out because it moves with the clock. */
const snapshot = async (sampleId: string) => {
  const { eta: _eta, ...rest } = (await sg.call(WORKFLOW_FULL, { id: sampleId }, staff)).data!.workflow;
  return rest;
};

async function walkTo(sampleId: string, upTo: number, who: Principal = staff): Promise<void> {
  for (const step of STEPS.slice(0, upTo)) {
    expectNoErrors(await sg.call(M.start, { s: sampleId, step }, who));
    expectNoErrors(await sg.call(M.complete, { s: sampleId, step, r: goodResults[step] }, who));
  }
}

describe('illegal transitions change nothing', () => {
  it('refuses skipping ahead, completing what is not started, completing without results and re-starting', async () => {
    const { sampleId } = await createSample(sg, staff);
    const before = await snapshot(sampleId);
    const ahead = await sg.call(M.start, { s: sampleId, step: 'LIBRARY_PREP' }, staff);
    expect(code(ahead)).toBe('INVALID_TRANSITION');
    expect(ahead.errors![0]!.message).toMatch(/SAMPLE_QC is COMPLETED or SKIPPED/);
    expect(code(await sg.call(M.complete, { s: sampleId, step: 'SAMPLE_QC', r: goodResults.SAMPLE_QC }, staff))).toBe('INVALID_TRANSITION');
    expect(code(await sg.call(M.skip, { s: sampleId, step: 'LIBRARY_PREP', reason: 'not needed' }, staff))).toBe('INVALID_TRANSITION');
    expect(await snapshot(sampleId)).toEqual(before);

    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff));
    const started = await snapshot(sampleId);
    expect(code(await sg.call(M.complete, { s: sampleId, step: 'SAMPLE_QC' }, staff))).toBe('INVALID_TRANSITION');
    expect(code(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff))).toBe('INVALID_TRANSITION');
    const wrongBlock = await sg.call(M.complete, { s: sampleId, step: 'SAMPLE_QC', r: goodResults.LIBRARY_PREP }, staff);
    expect(wrongBlock.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'results.libraryPrep' });
    const incomplete = await sg.call(M.complete, { s: sampleId, step: 'SAMPLE_QC', r: { sampleQc: { qubitNgPerUl: -1 } } }, staff);
    expect(incomplete.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'results.sampleQc.qubitNgPerUl' });
    expect(await snapshot(sampleId)).toEqual(started);
  });

  it('requires a reason to fail, skip, reopen and override', async () => {
    const { sampleId } = await createSample(sg, staff);
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff));
    for (const op of [M.fail, M.skip, M.reopen, M.override]) {
      const res = await sg.call(op, { s: sampleId, step: 'SAMPLE_QC', reason: '   ' }, admin);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
    expect((await snapshot(sampleId)).transitions.totalCount).toBe(1);
  });
});

describe('QC gates', () => {
  it('fails a QC step whose metrics are out of range, blocks the next step, and lets a reopen redo it', async () => {
    const { sampleId } = await createSample(sg, staff, { sampleType: 'DNA' });
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff));
    const failed = await sg.call(M.complete, { s: sampleId, step: 'SAMPLE_QC', r: { sampleQc: { qubitNgPerUl: 50, volumeUl: 30, a260280: 1.4 } } }, staff);
    expectNoErrors(failed);
    expect(failed.data!.completeStep).toMatchObject({ status: 'FAILED', outcome: 'FAIL' });
    expect(failed.data!.completeStep.qcChecks).toContainEqual({ metric: 'a260280', passed: false, message: expect.stringMatching(/below 1.7/) });
    expect(code(await sg.call(M.start, { s: sampleId, step: 'LIBRARY_PREP' }, staff))).toBe('INVALID_TRANSITION');

    expect(code(await sg.call(M.reopen, { s: sampleId, step: 'SAMPLE_QC', reason: '' }, staff))).toBe('BAD_USER_INPUT');
    const reopened = await sg.call(M.reopen, { s: sampleId, step: 'SAMPLE_QC', reason: 'cleaned up the sample' }, staff);
    expect(reopened.data!.reopenStep).toMatchObject({ status: 'IN_PROGRESS', outcome: null });
    const redone = await sg.call(M.complete, { s: sampleId, step: 'SAMPLE_QC', r: { sampleQc: { a260280: 1.85 } } }, staff);
    expect(redone.data!.completeStep).toMatchObject({ status: 'COMPLETED', outcome: 'PASS' });
    const wf = await snapshot(sampleId);
    expect(wf.transitions.edges.map((e: { node: { action: string; reason: string | null } }) => e.node.action)).toEqual(['STARTED', 'FAILED', 'REOPENED', 'COMPLETED']);
    expect(wf.transitions.edges[1].node.reason).toMatch(/QC failed: a260280/);
    expect(wf.transitions.edges[2].node.reason).toBe('cleaned up the sample');
  });

  it('lets only ADMIN or senior staff override a failed QC step', async () => {
    const { sampleId } = await createSample(sg, staff);
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff));
    expectNoErrors(await sg.call(M.complete, { s: sampleId, step: 'SAMPLE_QC', r: { sampleQc: { ...(goodResults.SAMPLE_QC.sampleQc as object), outcome: 'FAIL' } } }, staff));
    const before = await snapshot(sampleId);
    expect(code(await sg.call(M.override, { s: sampleId, step: 'SAMPLE_QC', reason: 'customer accepts the risk' }, staff))).toBe('FORBIDDEN');
    expect(await snapshot(sampleId)).toEqual(before);
    const sig = await signFor(sg, signer, senior, sampleId, 'SAMPLE_QC', 'OVERRIDDEN', 'customer accepts the risk');
    const overridden = await sg.call(M.override, { s: sampleId, step: 'SAMPLE_QC', reason: 'customer accepts the risk', sig }, senior);
    expectNoErrors(overridden);
    expect(overridden.data!.overrideStep).toMatchObject({ status: 'COMPLETED', overridden: true, outcome: 'FAIL' });
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'LIBRARY_PREP' }, staff));
    // Admins may override too; ordinary staff may not skip a QC gate.
    expectNoErrors(await sg.call(M.complete, { s: sampleId, step: 'LIBRARY_PREP', r: goodResults.LIBRARY_PREP }, staff));
    expect(code(await sg.call(M.skip, { s: sampleId, step: 'LIBRARY_QC', reason: 'no bioanalyzer' }, staff))).toBe('FORBIDDEN');
    const skipSig = await signFor(sg, signer, admin, sampleId, 'LIBRARY_QC', 'SKIPPED', 'no bioanalyzer');
    expectNoErrors(await sg.call(M.skip, { s: sampleId, step: 'LIBRARY_QC', reason: 'no bioanalyzer', sig: skipSig }, admin));
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SEQUENCING_SETUP' }, staff));
  });

  it('applies thresholds per kit from configuration', async () => {
    const strict = await startTestSubgraph(workflowSubgraph, {
      env: { WORKFLOW_QC_THRESHOLDS: JSON.stringify({ LIBRARY_QC: { byKit: { 'SQK-NBD114.24': { fmolLoaded: { min: 30 } } } } }) },
    });
    try {
      const { sampleId } = await createSample(strict, staff);
      for (const step of STEPS.slice(0, 2)) {
        expectNoErrors(await strict.call(M.start, { s: sampleId, step }, staff));
        expectNoErrors(await strict.call(M.complete, { s: sampleId, step, r: goodResults[step] }, staff));
      }
      expectNoErrors(await strict.call(M.start, { s: sampleId, step: 'LIBRARY_QC' }, staff));
      const res = await strict.call(M.complete, { s: sampleId, step: 'LIBRARY_QC', r: goodResults.LIBRARY_QC }, staff);
      expect(res.data!.completeStep).toMatchObject({ status: 'FAILED', outcome: 'FAIL' });
      expect(res.data!.completeStep.qcChecks).toContainEqual(expect.objectContaining({ metric: 'fmolLoaded', passed: false }));
    } finally {
      await strict.stop();
    }
  });
});

describe('concurrent edits', () => {
  it('refuses a stale version with CONFLICT and keeps the winning edit', async () => {
    const { sampleId } = await createSample(sg, staff);
    const v1 = (await snapshot(sampleId)).steps[0].version;
    const alice = userPrincipal('STAFF');
    const bob = userPrincipal('STAFF');
    expectNoErrors(await sg.call(M.assign, { s: sampleId, step: 'SAMPLE_QC', a: alice.userId, v: v1 }, staff));
    const stale = await sg.call(M.assign, { s: sampleId, step: 'SAMPLE_QC', a: bob.userId, v: v1 }, staff);
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion', currentVersion: v1 + 1 });
    expect((await snapshot(sampleId)).steps[0].assignee).toEqual({ id: alice.userId });
    expect(code(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC', v: v1 }, staff))).toBe('CONFLICT');

    // Racing starts: exactly one wins, the other is refused, never both applied.
    const racing = await Promise.all([sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, alice), sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, bob)]);
    expect(racing.filter((r) => !r.errors).length).toBe(1);
    expect(racing.map(code).filter(Boolean)).toEqual(['INVALID_TRANSITION']);
    expect((await snapshot(sampleId)).transitions.totalCount).toBe(2);
  });
});

describe('who may act', () => {
  it('lets only STAFF, ADMIN and write-scoped tokens change steps; others read at most', async () => {
    const { sampleId } = await createSample(sg, staff);
    const before = await snapshot(sampleId);
    for (const who of [submitter, viewer, readOnlyToken]) {
      expect(code(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, who))).toBe('FORBIDDEN');
    }
    expect(code(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }))).toBe('UNAUTHENTICATED');
    expect(await snapshot(sampleId)).toEqual(before);
    expect((await sg.call(`query($id: ID!) { workflow(sampleId: $id) { id } }`, { id: sampleId }, viewer)).data!.workflow).toEqual({ id: before.id });
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, writeToken));
  });
});

describe('bulk operations and queues', () => {
  const BULK_START = `mutation($i: [StartStepInput!]!) { startSteps(inputs: $i) { sampleId ok step { status } error { code field } } }`;
  const BULK_DONE = `mutation($i: [CompleteStepInput!]!) { completeSteps(inputs: $i) { sampleId ok step { status } error { code field } } }`;

  it('starts and completes a plate sample by sample, reporting each refusal', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createSample(sg, staff)).sampleId);
    const started = await sg.call(BULK_START, { i: [...ids.map((s) => ({ sampleId: s, step: 'SAMPLE_QC' })), { sampleId: randomUUID(), step: 'LIBRARY_PREP' }] }, staff);
    expectNoErrors(started);
    expect(started.data!.startSteps.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true, false]);
    expect(started.data!.startSteps[3].error.code).toBe('NOT_FOUND');
    const done = await sg.call(BULK_DONE, { i: [
      { sampleId: ids[0], step: 'SAMPLE_QC', results: goodResults.SAMPLE_QC },
      { sampleId: ids[1], step: 'SAMPLE_QC', results: { sampleQc: { volumeUl: 30 } } },
      { sampleId: ids[2], step: 'SAMPLE_QC', results: goodResults.SAMPLE_QC, expectedVersion: 99 },
    ] }, staff);
    expect(done.data!.completeSteps).toEqual([
      { sampleId: ids[0], ok: true, step: { status: 'COMPLETED' }, error: null },
      { sampleId: ids[1], ok: false, step: null, error: { code: 'BAD_USER_INPUT', field: 'results.sampleQc.qubitNgPerUl' } },
      { sampleId: ids[2], ok: false, step: null, error: { code: 'CONFLICT', field: 'expectedVersion' } },
    ]);
    const tooMany = await sg.call(BULK_START, { i: Array.from({ length: 97 }, () => ({ sampleId: ids[0], step: 'SAMPLE_QC' })) }, staff);
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
    expect(code(await sg.call(BULK_START, { i: [{ sampleId: ids[0], step: 'LIBRARY_PREP' }] }, viewer))).toBe('FORBIDDEN');
  });

  it('orders a step queue by priority then age, and lists my work', async () => {
    const me = userPrincipal('STAFF');
    const low = await createSample(sg, staff, { priority: 'LOW', labId: 'lab-q' });
    const urgent = await createSample(sg, staff, { priority: 'URGENT', labId: 'lab-q' });
    const normal = await createSample(sg, staff, { priority: 'NORMAL', labId: 'lab-q' });
    await walkTo(urgent.sampleId, 1);
    await walkTo(normal.sampleId, 1);
    await walkTo(low.sampleId, 1);
    expectNoErrors(await sg.call(M.start, { s: normal.sampleId, step: 'LIBRARY_PREP', a: me.userId }, staff));
    const labQ = userPrincipal('SUBMITTER', { labId: 'lab-q' });
    const Q = `query($after: String) { workQueue(step: LIBRARY_PREP, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { sample { id } priority step { status } assignee { id } waitingSince } } } }`;
    const page1 = (await sg.call(Q, {}, labQ)).data!.workQueue;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: { node: { sample: { id: string } } }) => e.node.sample.id)).toEqual([urgent.sampleId, normal.sampleId]);
    expect(page1.edges[1].node).toMatchObject({ step: { status: 'IN_PROGRESS' }, assignee: { id: me.userId } });
    const page2 = (await sg.call(Q, { after: page1.pageInfo.endCursor }, labQ)).data!.workQueue;
    expect(page2.edges.map((e: { node: { sample: { id: string } } }) => e.node.sample.id)).toEqual([low.sampleId]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const mine = await sg.call(`{ myWork { totalCount edges { node { sample { id } step { name status } } } } }`, {}, me);
    expect(mine.data!.myWork).toEqual({ totalCount: 1, edges: [{ node: { sample: { id: normal.sampleId }, step: { name: 'LIBRARY_PREP', status: 'IN_PROGRESS' } } }] });
  });
});
