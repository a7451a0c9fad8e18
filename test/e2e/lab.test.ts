import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';

// Issue #15 (first increment), through the gateway as a client would: receive three flow cells,
// check one below the warranty (flagged for return), pool 24 barcoded samples onto a checked one,
// refuse a duplicate barcode naming the sample, refuse picking a cell that is in use, and export the
// pool's MinKNOW sample sheet and read it back.
// Then (points 2, 4, 5): start a run of the pool at a GridION position, download its sheet from the
// gateway's stable URL, import MinKNOW's summaries and see each sample's yield, and do the pool's
// steps 4-6 in one action per step with a result per sample.
let t: TestSystem;
let staff: TestUser;
let submitter: TestUser;
const FIXTURES = join(import.meta.dirname, '../../subgraphs/workflow/test/fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

beforeAll(async () => {
  t = await startTestSystem();
  staff = await t.createUser('STAFF');
  submitter = await t.createUser('SUBMITTER', 'lab-a');
}, 120_000);
afterAll(() => t?.stop());

const ok = (query: string, variables: Record<string, unknown>, as: TestUser) => t.data(query, variables, as.token);

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

  it('runs a pool of 24 on a GridION, serves its sheet at a stable URL, imports the run summary into per-sample yields, and fans steps 4-6 out to the members', async () => {
    const serial = `FAW${randomBytes(3).toString('hex').toUpperCase()}`;
    const cell = (await ok(`mutation($i: [ReceiveFlowCellInput!]!) { receiveFlowCells(input: $i) { id } }`,
      { i: [{ productCode: 'FLO-MIN114', serial, expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString() }] }, staff)).receiveFlowCells[0].id;
    await ok(`mutation($id: ID!) { checkFlowCell(id: $id, input: { poreCount: 1550 }) { status } }`, { id: cell }, staff);
    const samples = await receivedSamples(24);
    const ids = samples.map((s) => s.id);
    // Steps 1-3 of all 24 in bulk, so SEQUENCING_SETUP can start.
    const results: Record<string, Record<string, unknown>> = {
      SAMPLE_QC: { sampleQc: { qubitNgPerUl: 50, volumeUl: 30, a260280: 1.85, a260230: 2.1 } },
      LIBRARY_PREP: { libraryPrep: { kitCode: 'SQK-NBD114-24', kitLot: 'L7', barcodeKit: 'SQK-NBD114.24', barcode: 'barcode01', inputNg: 1000, meanFragmentLengthBp: 9000 } },
      LIBRARY_QC: { libraryQc: { concentrationNgPerUl: 12, fmolLoaded: 20 } },
    };
    for (const [step, r] of Object.entries(results)) {
      const started = (await ok(`mutation($i: [StartStepInput!]!) { startSteps(inputs: $i) { ok } }`, { i: ids.map((sampleId) => ({ sampleId, step })) }, staff)).startSteps;
      const done = (await ok(`mutation($i: [CompleteStepInput!]!) { completeSteps(inputs: $i) { ok error { message } } }`, { i: ids.map((sampleId) => ({ sampleId, step, results: r })) }, staff)).completeSteps;
      expect([...started, ...done].filter((x: { ok: boolean }) => !x.ok)).toEqual([]);
    }
    const pool = (await ok(`mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }`,
      { i: { name: 'KB-POOL-RUN', barcodeKit: 'SQK-NBD114.24', members: ids.map((sampleId, i) => ({ sampleId, barcode: `NB${String(i + 1).padStart(2, '0')}` })) } }, staff)).createPool;
    await ok(`mutation($p: ID!, $f: ID!) { loadPool(poolId: $p, flowCellId: $f) { status } }`, { p: pool.id, f: cell }, staff);

    // The run: a GridION position is checked; the cell in a running run cannot go on another.
    const start = `mutation($i: StartSequencingRunInput!) { startSequencingRun(input: $i) { id status position deviceType } }`;
    const badPosition = await t.gql(start, { i: { poolId: pool.id, model: 'GRIDION_X5', position: '1A', experimentId: 'KB_run_2' } }, staff.token);
    expect(badPosition.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.position' });
    const run = (await ok(start, { i: { poolId: pool.id, model: 'GRIDION_X5', deviceSerial: 'GXB02001', position: 'X2', experimentId: 'KB_run_2', poreCountAtStart: 1530 } }, staff)).startSequencingRun;
    expect(run).toMatchObject({ status: 'RUNNING', position: 'X2', deviceType: 'GRIDION' });
    const twice = await t.gql(start, { i: { poolId: pool.id, model: 'GRIDION_X5', position: 'X3', experimentId: 'KB_run_3' } }, staff.token);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const history = (await ok(`query($id: ID!) { flowCell(id: $id) { poreCounts { edges { node { kind poreCount } } } } }`, { id: cell }, staff)).flowCell.poreCounts.edges;
    expect(history[0].node).toEqual({ kind: 'RUN_START', poreCount: 1530 });

    // The run's sheet at the gateway's stable URL: staff get the CSV, a submitter is refused.
    const sheetUrl = `${t.url}/lab/runs/${run.id}/sample-sheet.csv`;
    const sheet = await fetch(sheetUrl, { headers: { authorization: `Bearer ${staff.token}` } });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await sheet.text()).trim().split('\r\n');
    expect(lines[0]).toBe('flow_cell_id,position_id,kit,sample_id,experiment_id,barcode,alias');
    expect(lines[1]).toBe(`${serial},X2,SQK-NBD114-24,KB-POOL-RUN,KB_run_2,barcode01,${samples[0]!.name}`);
    expect(lines).toHaveLength(25);
    expect((await fetch(sheetUrl, { headers: { authorization: `Bearer ${submitter.token}` } })).status).toBe(403);
    expect((await fetch(sheetUrl)).status).toBe(401);
    expect((await fetch(`${t.url}/lab/pools/${pool.id}/sample-sheet.csv?experimentId=KB_run_2`, { headers: { authorization: `Bearer ${staff.token}` } })).status).toBe(200);

    // Import MinKNOW's final summary and sequencing summary (fixtures, ids swapped for this run's).
    const expected = JSON.parse(fixture('sequencing_summary_expected.json'));
    const imported = (await ok(`mutation($id: ID!, $i: ImportRunMetricsInput!) { importRunMetrics(runId: $id, input: $i) { readCount n50 passPercent meanQScore minknowRunId } }`, { id: run.id, i: {
      finalSummary: fixture('final_summary_FAW12345_6a2b7f3c_6a2b7f3c.txt').replaceAll('FAW12345', serial),
      sequencingSummary: fixture('sequencing_summary_FAW12345_6a2b7f3c_6a2b7f3c.txt').replaceAll('FAW12345', serial),
    } }, staff)).importRunMetrics;
    expect(imported).toEqual({ readCount: expected.total.readCount, n50: expected.total.n50, passPercent: expected.total.passPercent, meanQScore: expected.total.meanQScore, minknowRunId: '6a2b7f3c-1d4e-4f5a-9b8c-7d6e5f4a3b2c' });
    // The same file uploaded as a multipart part (the path for summaries too large for text): a bad
    // line is refused naming it; the good file gives the same figures (the yields are replaced, not added).
    const importFile = `mutation($id: ID!, $f: Upload!) { importRunMetrics(runId: $id, input: { sequencingSummaryUpload: $f }) { readCount n50 barcodeYields { barcode } } }`;
    const reads = fixture('sequencing_summary_FAW12345_6a2b7f3c_6a2b7f3c.txt').replaceAll('FAW12345', serial);
    const badFile = await t.upload(importFile, { id: run.id, f: null }, { f: { name: 'sequencing_summary.txt', bytes: reads.replace('\tTRUE\t', '\tYES\t') } }, staff.token);
    expect(badFile.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sequencingSummaryUpload' });
    expect(JSON.stringify(badFile.errors?.[0]?.extensions)).toMatch(/line \d+, passes_filtering: \\"YES\\" is not TRUE or FALSE/);
    const uploaded = await t.upload(importFile, { id: run.id, f: null }, { f: { name: 'sequencing_summary.txt', bytes: reads } }, staff.token);
    expect(uploaded.errors).toBeUndefined();
    expect(uploaded.data!.importRunMetrics).toMatchObject({ readCount: expected.total.readCount, n50: expected.total.n50 });
    expect(uploaded.data!.importRunMetrics.barcodeYields).toHaveLength(25);
    // Each sample's yield, as its submitter sees it.
    const fifth = (await ok(`query($id: ID!) { sample(id: $id) { name sequencingYields { barcode readCount baseCount n50 } } }`, { id: ids[4] }, submitter)).sample;
    expect(fifth).toEqual({ name: 'KB-05', sequencingYields: [{ barcode: 'barcode05', readCount: expected.barcodes.barcode05.readCount, baseCount: expected.barcodes.barcode05.baseCount, n50: expected.barcodes.barcode05.n50 }] });

    // Steps 4-6 at pool level: one action each, one result per sample.
    const poolStep = `mutation($i: PoolStepInput!) { applyPoolStep(input: $i) { sampleId ok error { message }
      step { status results { ... on SequencingSetupResults { flowCellId position } ... on SequencingRunResults { readCount baseCount } } } } }`;
    const act = async (step: string, action: string, extra: Record<string, unknown> = {}) => (await ok(poolStep, { i: { poolId: pool.id, step, action, ...extra } }, staff)).applyPoolStep;
    expect((await act('SEQUENCING_SETUP', 'START')).every((r: { ok: boolean }) => r.ok)).toBe(true);
    const setup = await act('SEQUENCING_SETUP', 'COMPLETE');
    expect(setup).toHaveLength(24);
    expect(setup.every((r: { ok: boolean; step: { results: unknown } }) => r.ok && JSON.stringify(r.step.results) === JSON.stringify({ flowCellId: serial, position: 'X2' }))).toBe(true);
    await ok(`mutation($id: ID!) { endSequencingRun(id: $id, input: { status: COMPLETED, poreCountAtEnd: 610 }) { status } }`, { id: run.id }, staff);
    expect((await act('SEQUENCING_RUN', 'START')).every((r: { ok: boolean }) => r.ok)).toBe(true);
    const ran = await act('SEQUENCING_RUN', 'COMPLETE');
    expect(ran.map((r: { step: { results: { readCount: number } } }) => r.step.results.readCount))
      .toEqual(ids.map((_, i) => expected.barcodes[`barcode${String(i + 1).padStart(2, '0')}`].readCount));
    // Basecalling: started for all; completing without the required results is refused per sample, naming it.
    expect((await act('BASECALLING', 'START')).every((r: { ok: boolean }) => r.ok)).toBe(true);
    const refused = await act('BASECALLING', 'COMPLETE');
    expect(refused.every((r: { ok: boolean }) => !r.ok)).toBe(true);
    expect(refused[0].error.message).toMatch(new RegExp(`^sample "KB-01" \\(${ids[0]}\\): `));
    const basecalled = await act('BASECALLING', 'COMPLETE', { results: { basecalling: { software: 'dorado', softwareVersion: '1.0.0', model: 'dna_r10.4.1_e8.2_400bps_sup@v5.0.0' } } });
    expect(basecalled.every((r: { ok: boolean; step: { status: string } }) => r.ok && r.step.status === 'COMPLETED')).toBe(true);
  }, 300_000);
});
