import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';

// Issue #15 (first increment), through the gateway as a client would: receive three flow cells,
// check one below the warranty (flagged for return), pool 24 barcoded samples onto a checked one,
// refuse a duplicate barcode naming the sample, refuse picking a cell that is in use, and export the
// pool's MinKNOW sample sheet and read it back.
let t: TestSystem;
let staff: TestUser;
let submitter: TestUser;

beforeAll(async () => {
  t = await startTestSystem();
  staff = await t.createUser('STAFF');
  submitter = await t.createUser('SUBMITTER', 'lab-a');
}, 120_000);
afterAll(() => t?.stop());

async function ok(query: string, variables: Record<string, unknown>, as: TestUser): Promise<Record<string, any>> {
  const res = await t.gql(query, variables, as.token);
  if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

/** A received submission of `n` samples (KB-01 …) in lab-a; resolves once every workflow exists. */
async function receivedSamples(n: number): Promise<{ id: string; name: string }[]> {
  const project = (await ok(`mutation { createProject(input: { name: "Pooled barcoding" }) { id } }`, {}, submitter)).createProject.id;
  const submission = (await ok(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: project }, submitter)).createSubmission.id;
  const samples = Array.from({ length: n }, (_, i) => ({ name: `KB-${String(i + 1).padStart(2, '0')}`, sampleType: 'DNA', volume: 20, qubitConcentration: 40 }));
  const added = (await ok(`mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id name } }`, { s: submission, x: samples }, submitter)).addSamples;
  await ok(`mutation($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { id } }`, { id: submission }, submitter);
  await ok(`mutation($id: ID!) { markSubmissionReceived(id: $id) { id } }`, { id: submission }, staff);
  for (const s of added) {
    await waitFor(async () => (await t.gql(`query($id: ID!) { sample(id: $id) { workflow { id } } }`, { id: s.id }, staff.token)).data?.sample?.workflow,
      { what: `the workflow of ${s.name}`, timeoutMs: 30_000 });
  }
  return added;
}

describe('the nanopore lab through the gateway', () => {
  it('receives, checks, pools 24 samples onto one flow cell, refuses a duplicate barcode and a second pick, and exports the sample sheet', async () => {
    // Three MinION flow cells arrive.
    const expiresAt = new Date(Date.now() + 180 * 86_400_000).toISOString();
    const serials = [0, 1, 2].map(() => `FAW${randomBytes(3).toString('hex').toUpperCase()}`);
    const received = (await ok(`mutation($i: [ReceiveFlowCellInput!]!) { receiveFlowCells(input: $i) { id serial status warrantyPoreThreshold } }`,
      { i: serials.map((serial) => ({ productCode: 'FLO-MIN114', serial, lot: 'LOT-7', expiresAt, storageLocation: 'Fridge 1' })) }, staff)).receiveFlowCells;
    expect(received.map((c: { status: string; warrantyPoreThreshold: number }) => [c.status, c.warrantyPoreThreshold])).toEqual([['IN_STOCK', 800], ['IN_STOCK', 800], ['IN_STOCK', 800]]);
    const [weak, good, spare] = received.map((c: { id: string }) => c.id) as string[];

    // One checks below the 800-pore warranty: flagged for return; another passes.
    const check = `mutation($id: ID!, $n: Int!) { checkFlowCell(id: $id, input: { poreCount: $n }) { status flaggedForReturn returnReason } }`;
    const flagged = (await ok(check, { id: weak, n: 420 }, staff)).checkFlowCell;
    expect(flagged).toMatchObject({ status: 'FAILED_CHECK', flaggedForReturn: true });
    expect(flagged.returnReason).toMatch(/420 pores, below the 800-pore warranty/);
    expect((await ok(check, { id: good, n: 1620 }, staff)).checkFlowCell).toMatchObject({ status: 'CHECKED', flaggedForReturn: false });
    expect((await ok(`{ flowCells(flaggedForReturn: true, first: 10) { edges { node { id } } } }`, {}, staff)).flowCells.edges).toEqual([{ node: { id: weak } }]);
    const submitterRead = await t.gql(`query($id: ID!) { flowCell(id: $id) { id } }`, { id: good }, submitter.token);
    expect(submitterRead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // 24 samples on the 24 barcodes of SQK-NBD114.24; a duplicate barcode is refused naming the sample.
    const samples = await receivedSamples(25);
    const members = samples.slice(0, 24).map((s, i) => ({ sampleId: s.id, barcode: `NB${String(i + 1).padStart(2, '0')}` }));
    const dup = await t.gql(`mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }`,
      { i: { name: 'DUP-POOL', barcodeKit: 'SQK-NBD114.24', members: [...members.slice(0, 2), { sampleId: samples[24]!.id, barcode: 'NB02' }] } }, staff.token);
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members.2.barcode' });
    expect(dup.errors![0]!.message).toContain(`sample "KB-25" (${samples[24]!.id}): barcode NB02 is already taken in this pool by sample "KB-02"`);

    const pool = (await ok(`mutation($i: CreatePoolInput!) { createPool(input: $i) { id memberCount labId } }`,
      { i: { name: 'KB-POOL-1', barcodeKit: 'SQK-NBD114.24', members } }, staff)).createPool;
    expect(pool).toMatchObject({ memberCount: 24, labId: 'lab-a' });
    const loaded = (await ok(`mutation($p: ID!, $f: ID!) { loadPool(poolId: $p, flowCellId: $f) { status flowCell { id status } } }`, { p: pool.id, f: good }, staff)).loadPool;
    expect(loaded).toEqual({ status: 'LOADED', flowCell: { id: good, status: 'IN_USE' } });

    // The cell in use cannot be picked again: not by another pool, nor by another sample's setup.
    const otherPool = (await ok(`mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }`,
      { i: { name: 'KB-POOL-2', barcodeKit: 'SQK-NBD114.24', members: [{ sampleId: samples[24]!.id, barcode: 'NB01' }] } }, staff)).createPool;
    const again = await t.gql(`mutation($p: ID!, $f: ID!) { loadPool(poolId: $p, flowCellId: $f) { id } }`, { p: otherPool.id, f: good }, staff.token);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors![0]!.message).toMatch(/is already IN_USE/);
    const unchecked = await t.gql(`mutation($p: ID!, $f: ID!) { loadPool(poolId: $p, flowCellId: $f) { id } }`, { p: otherPool.id, f: spare }, staff.token);
    expect(unchecked.errors?.[0]?.message).toMatch(/has not been checked yet/);

    // The submitter sees the pool of their lab (but not the inventory behind it); the sample sheet reads back.
    const seen = (await ok(`query($id: ID!) { pool(id: $id) { status memberCount flowCell { id } members { barcode sampleSheetBarcode sample { name } } } }`, { id: pool.id }, submitter)).pool;
    expect(seen).toMatchObject({ status: 'LOADED', memberCount: 24, flowCell: null });
    expect(seen.members[4]).toEqual({ barcode: 'NB05', sampleSheetBarcode: 'barcode05', sample: { name: 'KB-05' } });
    const sheet = (await ok(`query($p: ID!) { poolSampleSheet(poolId: $p, experimentId: "KB_run_1") { csv rowCount flowCellSerial } }`, { p: pool.id }, staff)).poolSampleSheet;
    expect(sheet).toMatchObject({ rowCount: 24, flowCellSerial: serials[1] });
    const [header, ...rows] = sheet.csv.trim().split('\r\n').map((line: string) => line.split(','));
    expect(header).toEqual(['flow_cell_id', 'kit', 'sample_id', 'experiment_id', 'barcode', 'alias']);
    expect(rows).toHaveLength(24);
    expect(rows[0]).toEqual([serials[1], 'SQK-NBD114-24', 'KB-POOL-1', 'KB_run_1', 'barcode01', 'KB-01']);
    expect(rows[23]).toEqual([serials[1], 'SQK-NBD114-24', 'KB-POOL-1', 'KB_run_1', 'barcode24', 'KB-24']);
    expect(new Set(rows.map((r: string[]) => r[5])).size).toBe(24);
  }, 180_000);
});
