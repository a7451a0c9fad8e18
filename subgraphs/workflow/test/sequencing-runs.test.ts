import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, userPrincipal, type TestSubgraph } from '@app/testing';
import { workflowSubgraph } from '../src/server.js';
import { flowCellFitProblem, positionOf } from '../src/services/lab/devices.js';
import { parseFinalSummary, parseSequencingSummary } from '../src/services/lab/run-metrics.js';
import { LAB, SETUP_WITH_STOCK, checkedCell, createSample, errorCode, expectNoErrors, goodResults, toSequencingSetup } from './helpers.js';

// Sequencing runs (issue #15 point 2), pool-level steps 4-6 fanned out to members, MinKNOW summary
// import with per-barcode yields mapped to samples (point 5), and the run's sample sheet (point 4).
const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const FINAL = fixture('final_summary_FAW12345_6a2b7f3c_6a2b7f3c.txt');
const READS = fixture('sequencing_summary_FAW12345_6a2b7f3c_6a2b7f3c.txt');
const EXPECTED = JSON.parse(fixture('sequencing_summary_expected.json')) as {
  total: Record<string, number>; barcodes: Record<string, Record<string, number>>;
};
const PROTOCOL_RUN_ID = '6a2b7f3c-1d4e-4f5a-9b8c-7d6e5f4a3b2c';

let sg: TestSubgraph;
const staff = userPrincipal('STAFF');
const viewer = userPrincipal('VIEWER');
const labA = userPrincipal('SUBMITTER', { labId: 'lab-a' });

beforeAll(async () => { sg = await startTestSubgraph(workflowSubgraph); });
afterAll(() => sg.stop());

const RUN_FIELDS = `id status model deviceType position experimentId minknowRunId poreCountAtStart readCount passReadCount baseCount n50 passPercent meanQScore
  flowCell { id serial } pool { id } barcodeYields { barcode sample { id } sampleName readCount passReadCount baseCount n50 meanQScore } finalSummary { key value }`;
const RUN = {
  start: `mutation($i: StartSequencingRunInput!) { startSequencingRun(input: $i) { ${RUN_FIELDS} } }`,
  end: `mutation($id: ID!, $i: EndSequencingRunInput!) { endSequencingRun(id: $id, input: $i) { id status endedAt poreCountAtEnd } }`,
  import: `mutation($id: ID!, $i: ImportRunMetricsInput!) { importRunMetrics(runId: $id, input: $i) { ${RUN_FIELDS} } }`,
  get: `query($id: ID!) { sequencingRun(id: $id) { ${RUN_FIELDS} } }`,
  poolStep: `mutation($i: PoolStepInput!) { applyPoolStep(input: $i) { sampleId ok error { code message field }
    step { name status results { ... on SequencingSetupResults { flowCellId position device stockFlowCell { id } } ... on SequencingRunResults { runId readCount baseCount n50 meanQScore passPercent } } } } }`,
  yields: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sample { id sequencingYields { barcode readCount baseCount run { id } } } } }`,
};
const problemsOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors?.[0]?.extensions?.problems ?? []) as { field: string; message: string }[];

let seq = 0;
/** A loaded pool of `n` samples of lab-a on NB01…, each walked to SEQUENCING_SETUP IN_PROGRESS when `toSetup`. */
async function loadedPool(n: number, toSetup = false) {
  const samples: { id: string; name: string }[] = [];
  for (let i = 1; i <= n; i++) {
    const name = `RUN${++seq}-${String(i).padStart(2, '0')}`;
    const { sampleId } = await createSample(sg, staff, { name, labId: 'lab-a' });
    if (toSetup) await toSequencingSetup(sg, staff, sampleId);
    samples.push({ id: sampleId, name });
  }
  const members = samples.map((s, i) => ({ sampleId: s.id, barcode: `NB${String(i + 1).padStart(2, '0')}` }));
  const pool = (await sg.call(LAB.createPool, { i: { name: `RUNPOOL-${seq}`, barcodeKit: 'SQK-NBD114.24', members } }, staff)).data!.createPool;
  const cellId = await checkedCell(sg, staff);
  const loaded = await sg.call(LAB.load, { p: pool.id, f: cellId }, staff);
  expectNoErrors(loaded);
  return { poolId: pool.id as string, cellId, serial: loaded.data!.loadPool.flowCell.serial as string, samples };
}
const gridionRun = (poolId: string, extra: Record<string, unknown> = {}) => ({ poolId, model: 'GRIDION_X5', position: 'X2', experimentId: 'KB_run_1', poreCountAtStart: 1480, ...extra });

describe('devices and positions', () => {
  it('knows each model\'s MinKNOW positions and the flow cells it takes', () => {
    expect(['X1', 'x5'].map((p) => positionOf('GRIDION_X5', p))).toEqual([{ position: 'X1' }, { position: 'X5' }]);
    expect(positionOf('GRIDION_X5', 'X6')).toEqual({ problem: '"X6" is not a position of a GridION X5; use X1-X5' });
    expect(positionOf('PROMETHION_24', '3H')).toEqual({ position: '3H' });
    expect('problem' in positionOf('PROMETHION_24', '4A')).toBe(true);
    expect(positionOf('PROMETHION_48', '6H')).toEqual({ position: '6H' });
    expect('problem' in positionOf('PROMETHION_48', '7A')).toBe(true);
    expect(positionOf('P2_SOLO', 'B')).toEqual({ position: 'B' });
    expect(positionOf('P2_SOLO', 'P2S-01234-A')).toEqual({ position: 'P2S-01234-A' });
    expect('problem' in positionOf('P2_SOLO', 'C')).toBe(true);
    expect(positionOf('MINION_MK1D', 'MD-100123')).toEqual({ position: 'MD-100123' });
    expect('problem' in positionOf('MINION_MK1D', 'MN12345')).toBe(true);
    expect(flowCellFitProblem('GRIDION_X5', 'FLO-MIN114')).toBeNull();
    expect(flowCellFitProblem('GRIDION_X5', 'FLO-FLG114')).toBeNull();
    expect(flowCellFitProblem('GRIDION_X5', 'FLO-PRO114M')).toMatch(/does not fit a GridION X5/);
    expect(flowCellFitProblem('P2_SOLO', 'FLO-MIN114')).toMatch(/does not fit a PromethION 2 Solo/);
  });
});

describe('reading MinKNOW output', () => {
  it('reads the final summary\'s key=value lines', () => {
    const s = parseFinalSummary(FINAL);
    expect(s).toMatchObject({ instrument: 'GXB02001', position: 'X2', flow_cell_id: 'FAW12345', protocol_run_id: PROTOCOL_RUN_ID, basecalling_enabled: '1', pod5_files_in_final: '412' });
  });

  it('computes reads, bases, N50, pass % and mean Q, in total and per barcode, as the independent script did', () => {
    const t = parseSequencingSummary(READS);
    const { barcodes, ...totals } = t;
    expect(totals).toEqual(EXPECTED.total);
    expect(Object.fromEntries(barcodes!)).toEqual(EXPECTED.barcodes);
    expect(barcodes!.size).toBe(25);
  });

  it('names the line and the field of every problem, and bounds the input', () => {
    const lines = READS.split('\n');
    const cols = lines[0]!.split('\t');
    const q = cols.indexOf('mean_qscore_template');
    const bad = lines[5]!.split('\t'); bad[q] = 'abc';
    const withBad = [...lines.slice(0, 5), bad.join('\t'), ...lines.slice(6)].join('\n');
    expect(() => parseSequencingSummary(withBad)).toThrow(expect.objectContaining({ message: expect.stringContaining('line 6, mean_qscore_template: "abc" is not a Q score') }));
    expect(() => parseSequencingSummary(lines.map((l) => l.split('\t').filter((_, i) => i !== q).join('\t')).join('\n')))
      .toThrow(expect.objectContaining({ message: expect.stringContaining('line 1: the header has no mean_qscore_template column') }));
    expect(() => parseSequencingSummary('x'.repeat(900_001))).toThrow(expect.objectContaining({ message: expect.stringContaining('at most 900000 characters') }));
    expect(() => parseFinalSummary('flow_cell_id=FAW1\nthis is not a pair\n')).toThrow(expect.objectContaining({ message: expect.stringContaining('line 2: "this is not a pair" is not a key=value line') }));
    expect(() => parseFinalSummary('instrument=GXB02001\n')).toThrow(expect.objectContaining({ message: expect.stringContaining('has no flow_cell_id= line') }));
  });
});

describe('sequencing runs', () => {
  it('starts a pooled run at a validated position, records its pore count, and refuses the cell for a second running run', async () => {
    const { poolId, cellId } = await loadedPool(2);
    const bad = await sg.call(RUN.start, { i: gridionRun(poolId, { position: 'X7', experimentId: 'bad id!' }) }, staff);
    expect(problemsOf(bad).map((p) => p.field)).toEqual(['input.position', 'input.experimentId']);
    const res = await sg.call(RUN.start, { i: gridionRun(poolId) }, staff);
    expectNoErrors(res);
    expect(res.data!.startSequencingRun).toMatchObject({ status: 'RUNNING', model: 'GRIDION_X5', deviceType: 'GRIDION', position: 'X2', poreCountAtStart: 1480, flowCell: { id: cellId }, pool: { id: poolId } });
    const counts = (await sg.call(LAB.cell, { id: cellId }, staff)).data!.flowCell.poreCounts.edges.map((e: { node: { kind: string; poreCount: number } }) => [e.node.kind, e.node.poreCount]);
    expect(counts).toEqual([['RUN_START', 1480], ['PLATFORM_CHECK', 1500]]);
    const again = await sg.call(RUN.start, { i: gridionRun(poolId, { position: 'X3' }) }, staff);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0]!.message).toMatch(/is in run KB_run_1 .* RUNNING at X2/);
    // Viewers read runs; submitters and viewers cannot start them.
    expect(errorCode(await sg.call(RUN.start, { i: gridionRun(poolId) }, viewer))).toBe('FORBIDDEN');
    expect(errorCode(await sg.call(RUN.get, { id: res.data!.startSequencingRun.id }, labA))).toBe('FORBIDDEN');
    expect((await sg.call(RUN.get, { id: res.data!.startSequencingRun.id }, viewer)).data!.sequencingRun.status).toBe('RUNNING');
    // Ended, the cell may carry the pool's restarted run.
    const ended = await sg.call(RUN.end, { id: res.data!.startSequencingRun.id, i: { status: 'STOPPED', reason: 'bubble', poreCountAtEnd: 900 } }, staff);
    expect(ended.data!.endSequencingRun).toMatchObject({ status: 'STOPPED', poreCountAtEnd: 900 });
    expect(errorCode(await sg.call(RUN.end, { id: res.data!.startSequencingRun.id, i: { status: 'COMPLETED' } }, staff))).toBe('INVALID_TRANSITION');
    expectNoErrors(await sg.call(RUN.start, { i: gridionRun(poolId, { position: 'X3' }) }, staff));
  });

  it('lets one of two simultaneous starts on the same cell through (row lock), the other is CONFLICT', async () => {
    const { poolId, cellId } = await loadedPool(1);
    const both = await Promise.all(['X4', 'X5'].map((position) => sg.call(RUN.start, { i: gridionRun(poolId, { position }) }, staff)));
    expect(both.map((r) => (r.errors ? errorCode(r) : 'ok')).sort()).toEqual(['CONFLICT', 'ok']);
    const running = await sg.call(`query($f: ID!) { sequencingRuns(flowCellId: $f, status: RUNNING) { totalCount } }`, { f: cellId }, staff);
    expect(running.data!.sequencingRuns.totalCount).toBe(1);
  });

  it('refuses a flow cell that does not fit the device, and a pool not on a flow cell', async () => {
    const { poolId } = await loadedPool(1);
    const res = await sg.call(RUN.start, { i: gridionRun(poolId, { model: 'PROMETHION_24', position: '1A' }) }, staff);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.model' });
    const open = (await sg.call(LAB.createPool, { i: { name: `OPEN-${++seq}`, barcodeKit: 'SQK-NBD114.24' } }, staff)).data!.createPool;
    expect(errorCode(await sg.call(RUN.start, { i: gridionRun(open.id) }, staff))).toBe('INVALID_TRANSITION');
  });

  it('imports the final summary and sequencing summary: per-barcode yields mapped to the members, visible on each sample; bad input changes nothing', async () => {
    const { poolId, serial, samples } = await loadedPool(3);
    const run = (await sg.call(RUN.start, { i: gridionRun(poolId) }, staff)).data!.startSequencingRun;
    const final = FINAL.replaceAll('FAW12345', serial);
    const reads = READS.replaceAll('FAW12345', serial);
    // One bad line: refused naming it, and nothing is applied (not even the good final summary).
    const broken = reads.split('\n').map((l, i) => (i === 7 ? l.replace(/\tTRUE\t|\tFALSE\t/, '\tmaybe\t') : l)).join('\n');
    const refused = await sg.call(RUN.import, { id: run.id, i: { finalSummary: final, sequencingSummary: broken } }, staff);
    expect(problemsOf(refused)).toEqual([{ field: 'input.sequencingSummary', message: 'line 8, passes_filtering: "maybe" is not TRUE or FALSE' }]);
    const wrongCell = await sg.call(RUN.import, { id: run.id, i: { finalSummary: FINAL } }, staff);
    expect(problemsOf(wrongCell)[0]!.message).toBe(`flow_cell_id=FAW12345 is not this run's flow cell (${serial})`);
    expect((await sg.call(RUN.get, { id: run.id }, staff)).data!.sequencingRun).toMatchObject({ readCount: null, minknowRunId: null, barcodeYields: [], finalSummary: [] });

    const res = await sg.call(RUN.import, { id: run.id, i: { finalSummary: final, sequencingSummary: reads } }, staff);
    expectNoErrors(res);
    const imported = res.data!.importRunMetrics;
    const { total, barcodes } = EXPECTED;
    expect(imported).toMatchObject({ minknowRunId: PROTOCOL_RUN_ID, readCount: total.readCount, passReadCount: total.passReadCount, baseCount: total.baseCount, n50: total.n50, passPercent: total.passPercent, meanQScore: total.meanQScore });
    expect(imported.finalSummary).toContainEqual({ key: 'instrument', value: 'GXB02001' });
    expect(imported.barcodeYields).toHaveLength(25);
    const b01 = imported.barcodeYields.find((y: { barcode: string }) => y.barcode === 'barcode01');
    expect(b01).toMatchObject({ sample: { id: samples[0]!.id }, sampleName: samples[0]!.name, readCount: barcodes.barcode01!.readCount, baseCount: barcodes.barcode01!.baseCount, n50: barcodes.barcode01!.n50 });
    expect(imported.barcodeYields.find((y: { barcode: string }) => y.barcode === 'barcode04').sample).toBeNull();
    expect(imported.barcodeYields.find((y: { barcode: string }) => y.barcode === 'unclassified').sample).toBeNull();
    // On the sample (the submitter of its lab sees the yield, not the facility's run record).
    const seen = await sg.call(RUN.yields, { r: [{ __typename: 'Sample', id: samples[2]!.id }] }, labA);
    expect(seen.data!._entities[0].sequencingYields).toEqual([{ barcode: 'barcode03', readCount: barcodes.barcode03!.readCount, baseCount: barcodes.barcode03!.baseCount, run: null }]);
    // A re-import replaces the yields rather than adding to them.
    expectNoErrors(await sg.call(RUN.import, { id: run.id, i: { sequencingSummary: reads } }, staff));
    expect((await sg.call(RUN.get, { id: run.id }, staff)).data!.sequencingRun.barcodeYields).toHaveLength(25);
  });

  it('runs a single sample on the cell its setup picked: one yield row for the sample, and no sample sheet', async () => {
    const { sampleId } = await createSample(sg, staff, { name: `SOLO-${++seq}`, labId: 'lab-a' });
    await toSequencingSetup(sg, staff, sampleId);
    const cellId = await checkedCell(sg, staff);
    expectNoErrors(await sg.call(SETUP_WITH_STOCK, { s: sampleId, f: cellId, n: 1490 }, staff));
    const i = { sampleId, flowCellId: cellId, model: 'MINION_MK1D', position: 'MD-100123', experimentId: 'solo_run' };
    expect(problemsOf(await sg.call(RUN.start, { i: { ...i, position: 'X1' } }, staff))[0]!.message).toBe('"X1" is not a position of a MinION Mk1D; use the device id, e.g. MD-100123');
    const run = (await sg.call(RUN.start, { i }, staff)).data!.startSequencingRun;
    expect(run).toMatchObject({ status: 'RUNNING', deviceType: 'MINION_MK1D', pool: null, flowCell: { id: cellId } });
    // Without barcode_arrangement: the whole run is the sample's.
    const drop = READS.split('\n')[0]!.split('\t').indexOf('barcode_arrangement');
    const plain = READS.split('\n').map((l) => l.split('\t').filter((_, k) => k !== drop).join('\t')).join('\n');
    const imported = (await sg.call(RUN.import, { id: run.id, i: { sequencingSummary: plain } }, staff)).data!.importRunMetrics;
    expect(imported.barcodeYields).toEqual([expect.objectContaining({ barcode: 'all', sample: { id: sampleId }, readCount: EXPECTED.total.readCount, baseCount: EXPECTED.total.baseCount })]);
    const sheet = await sg.call(`query($id: ID!) { runSampleSheet(runId: $id) { csv } }`, { id: run.id }, staff);
    expect(errorCode(sheet)).toBe('INVALID_TRANSITION');
  });

  it('exports a pooled run\'s sample sheet with its position, staff only', async () => {
    const { poolId, serial, samples } = await loadedPool(2);
    const run = (await sg.call(RUN.start, { i: gridionRun(poolId) }, staff)).data!.startSequencingRun;
    const q = `query($id: ID!) { runSampleSheet(runId: $id) { csv rowCount downloadPath } }`;
    const sheet = (await sg.call(q, { id: run.id }, staff)).data!.runSampleSheet;
    expect(sheet.downloadPath).toBe(`/lab/runs/${run.id}/sample-sheet.csv`);
    expect(sheet.csv.split('\r\n').slice(0, 2)).toEqual(['flow_cell_id,position_id,kit,sample_id,experiment_id,barcode,alias', `${serial},X2,SQK-NBD114-24,RUNPOOL-${seq},KB_run_1,barcode01,${samples[0]!.name}`]);
    expect(errorCode(await sg.call(q, { id: run.id }, viewer))).toBe('FORBIDDEN');
  });
});

describe('pool-level steps 4-6', () => {
  it('completes each member\'s SEQUENCING_SETUP and SEQUENCING_RUN in one action, results filled from the pool\'s cell, run and barcode yields; refusals name the sample', async () => {
    const { poolId, cellId, serial, samples } = await loadedPool(3, true);
    const run = (await sg.call(RUN.start, { i: gridionRun(poolId) }, staff)).data!.startSequencingRun;
    const setup = (await sg.call(RUN.poolStep, { i: { poolId, step: 'SEQUENCING_SETUP', action: 'COMPLETE' } }, staff)).data!.applyPoolStep;
    expect(setup.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true]);
    expect(setup[0].step).toMatchObject({ status: 'COMPLETED', results: { flowCellId: serial, position: 'X2', device: 'GRIDION', stockFlowCell: { id: cellId } } });

    expectNoErrors(await sg.call(RUN.import, { id: run.id, i: { sequencingSummary: READS.replaceAll('FAW12345', serial) } }, staff));
    expectNoErrors(await sg.call(RUN.end, { id: run.id, i: { status: 'COMPLETED' } }, staff));
    // One member already started its run step alone: the pool-level start refuses it, by name, and starts the others.
    expectNoErrors(await sg.call(`mutation($s: ID!) { startStep(sampleId: $s, step: SEQUENCING_RUN) { id } }`, { s: samples[1]!.id }, staff));
    const started = (await sg.call(RUN.poolStep, { i: { poolId, step: 'SEQUENCING_RUN', action: 'START' } }, staff)).data!.applyPoolStep;
    expect(started.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
    expect(started[1].error).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(started[1].error.message).toMatch(new RegExp(`^sample "${samples[1]!.name}" \\(${samples[1]!.id}\\): `));

    const done = (await sg.call(RUN.poolStep, { i: { poolId, step: 'SEQUENCING_RUN', action: 'COMPLETE' } }, staff)).data!.applyPoolStep;
    expect(done.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true]);
    const b = EXPECTED.barcodes;
    expect(done.map((r: { step: { results: Record<string, unknown> } }) => r.step.results)).toEqual(['barcode01', 'barcode02', 'barcode03'].map((bc) => ({
      runId: run.id, readCount: b[bc]!.readCount, baseCount: b[bc]!.baseCount, n50: b[bc]!.n50, meanQScore: b[bc]!.meanQScore,
      passPercent: Math.round((b[bc]!.passReadCount! / b[bc]!.readCount!) * 10_000) / 100,
    })));
    // BASECALLING with one set of results for all, and bad requests refused as a whole.
    expect((await sg.call(RUN.poolStep, { i: { poolId, step: 'BASECALLING', action: 'START' } }, staff)).data!.applyPoolStep.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const basecalled = (await sg.call(RUN.poolStep, { i: { poolId, step: 'BASECALLING', action: 'COMPLETE', results: goodResults.BASECALLING } }, staff)).data!.applyPoolStep;
    expect(basecalled.every((r: { ok: boolean; step: { status: string } }) => r.ok && r.step.status === 'COMPLETED')).toBe(true);
    const wrong = await sg.call(RUN.poolStep, { i: { poolId, step: 'LIBRARY_QC', action: 'START' } }, staff);
    expect(problemsOf(wrong).map((p) => p.field)).toEqual(['step']);
    expect(errorCode(await sg.call(RUN.poolStep, { i: { poolId, step: 'BASECALLING', action: 'START' } }, viewer))).toBe('FORBIDDEN');
  });
});
