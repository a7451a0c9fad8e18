import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { waitFor } from '@app/testing';
import { startSubmission, type SubmissionHarness } from './helpers.js';

/** The whole system through the gateway, as a SUBMITTER: upload, preview, fix, exclude, commit, commit again. */
let h: SubmissionHarness;

const JOB = `id kind status rowCount errorCount excludedCount committedCount failedCount error ignoredColumns submission { id }`;
const ROWS = `rows(first: 100, status: INVALID) { totalCount edges { node { id rowNumber status errors { field column message } } } }`;

const ok = <T = any>(query: string, variables?: Record<string, unknown>, token?: string) => h.ok<T>(query, variables, token);

const job = async (id: string) => (await ok(`query($id: ID!) { intakeJob(id: $id) { ${JOB} ${ROWS} } }`, { id })).intakeJob;
const settled = (id: string) => waitFor(async () => {
  const j = await job(id);
  return j.status === 'COMMITTING' ? null : j;
}, { timeoutMs: 30_000, what: 'the commit to finish' });

/** 50 data rows (sheet rows 2-51) in the old 16-column template; rows 14, 20 and 30 are bad. */
function sheet(): string[][] {
  const header = ['sample_name', 'project_id', 'submitter_name', 'submitter_email', 'lab_name', 'sample_type', 'sample_buffer', 'concentration', 'volume', 'total_amount', 'flow_cell_type', 'flow_cell_count', 'priority', 'assigned_to', 'library_prep_by', 'chart_field'];
  const rows = Array.from({ length: 50 }, (_, i) => {
    const n = i + 2;
    return [`S-${String(n).padStart(3, '0')}`, 'P1', 'Zoë Ångström', 'zoe@uni.edu', 'Smith, J. Lab', n % 2 ? 'DNA' : 'rna', 'EB', '45.5 ng/µL', '20', '910', 'R10.4.1', '1', 'normal', '', 'Ann Lee', ''];
  });
  rows[14 - 2]![5] = 'RNA';
  rows[14 - 2]![7] = '900';
  rows[14 - 2]![9] = '';
  rows[20 - 2]![5] = 'plasma';
  rows[30 - 2]![0] = 'S-003';
  return [header, ...rows];
}
const toCsv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

beforeAll(async () => { h = await startSubmission(); }, 120_000);

/** A sheet uploaded to the submission through the gateway's multipart path, as the submitter. */
async function stored(submissionId: string, name: string, bytes: string | Uint8Array): Promise<{ id: string; filename: string }> {
  const res = await h.t.upload(`mutation($f: Upload!, $s: ID!) { uploadFile(file: $f, attachTo: { submissionId: $s }, kind: SAMPLE_SHEET) { id filename } }`,
    { f: null, s: submissionId }, { f: { name, bytes } }, h.submitter.token);
  if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.uploadFile;
}
afterAll(async () => { await h?.stop(); });

async function previewFixExcludeCommit(jobId: string, submissionId: () => Promise<string>) {
  const preview = await job(jobId);
  expect(preview.status).toBe('VALIDATED');
  expect(preview.rowCount).toBe(50);
  expect(preview.errorCount).toBe(3);
  expect(preview.ignoredColumns).toEqual(expect.arrayContaining(['project_id (not imported)', 'submitter_email (not imported)']));
  const bad = Object.fromEntries(preview.rows.edges.map((e: any) => [e.node.rowNumber, e.node]));
  expect(Object.keys(bad).map(Number)).toEqual([14, 20, 30]);
  expect(bad[14].errors).toEqual([{ field: 'qubitConcentration', column: 'concentration', message: expect.stringMatching(/900 ng\/µL .*RNA.*0\.1-500/) }]);
  expect(bad[20].errors).toEqual([{ field: 'sampleType', column: 'sample_type', message: expect.stringContaining('"plasma" is not one of DNA, RNA') }]);
  expect(bad[30].errors).toEqual([{ field: 'name', column: 'sample_name', message: '"S-003" repeats the name of row 3' }]);

  const fixed = await ok(`mutation($id: ID!, $v: JSON!) { updateIntakeRow(id: $id, values: $v) { status errors { field } } }`, { id: bad[14].id, v: { concentration: '45' } });
  expect(fixed.updateIntakeRow).toEqual({ status: 'VALID', errors: [] });
  const stillBad = await ok(`mutation($id: ID!, $v: JSON!) { updateIntakeRow(id: $id, values: $v) { status errors { field message } } }`, { id: bad[20].id, v: { sample_type: 'blood' } });
  expect(stillBad.updateIntakeRow.status).toBe('INVALID');
  await ok(`mutation($id: ID!, $v: JSON!) { updateIntakeRow(id: $id, values: $v) { status } }`, { id: bad[20].id, v: { sample_type: 'DNA' } });
  const excluded = await ok(`mutation($j: ID!, $r: [ID!]!) { excludeIntakeRows(jobId: $j, rowIds: $r) { errorCount excludedCount } }`, { j: jobId, r: [bad[30].id] });
  expect(excluded.excludeIntakeRows).toEqual({ errorCount: 0, excludedCount: 1 });

  // Live progress over the gateway's graphql-ws, current state first, then the commit's updates.
  const progress: any[] = [];
  const ws = createClient({ url: h.t.url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { token: h.submitter.token }, retryAttempts: 0 });
  const finished = new Promise<void>((resolve, reject) => {
    ws.subscribe({ query: `subscription($j: ID!) { intakeProgress(jobId: $j) { jobId status processed committedCount excludedCount } }`, variables: { j: jobId } }, {
      next: (m: any) => { if (m.errors) reject(new Error(JSON.stringify(m.errors))); progress.push(m.data.intakeProgress); if (m.data.intakeProgress.status === 'COMMITTED') resolve(); },
      error: reject, complete: () => resolve(),
    });
  });
  await waitFor(() => (progress.length ? true : null), { what: 'the progress snapshot' });
  expect(progress[0]).toMatchObject({ jobId, status: 'VALIDATED', excludedCount: 1 });

  const key = randomUUID();
  const started = await ok(`mutation($id: ID!, $k: String!) { commitIntake(id: $id, idempotencyKey: $k) { status } }`, { id: jobId, k: key });
  expect(['COMMITTING', 'COMMITTED']).toContain(started.commitIntake.status);
  const done = await settled(jobId);
  await finished;
  await ws.dispose();
  expect(progress.map((p) => p.status)).toContain('COMMITTING');
  expect(progress.at(-1)).toMatchObject({ status: 'COMMITTED', committedCount: 49 });
  expect(done).toMatchObject({ status: 'COMMITTED', committedCount: 49, failedCount: 0, excludedCount: 1 });
  const sid = await submissionId();
  expect(done.submission.id).toBe(sid);

  const samples = async () => (await ok(`query($s: ID!) { samples(filter: { submissionId: $s }, first: 100) { totalCount edges { node { name qubitConcentration notes poreChemistry workflow { id } } } } }`, { s: sid })).samples;
  const landed = await samples();
  expect(landed.totalCount).toBe(49);
  expect(landed.edges.find((e: any) => e.node.name === 'S-014').node.qubitConcentration).toBe(45);
  expect(landed.edges[0].node).toMatchObject({ poreChemistry: 'R10_4_1', notes: 'Library prep by: Ann Lee' });
  await waitFor(async () => ((await samples()).edges.every((e: any) => e.node.workflow?.id) ? true : null), { timeoutMs: 30_000, what: 'workflows for every sample' });

  const again = await ok(`mutation($id: ID!, $k: String!) { commitIntake(id: $id, idempotencyKey: $k) { status committedCount } }`, { id: jobId, k: key });
  expect(again.commitIntake).toEqual({ status: 'COMMITTED', committedCount: 49 });
  expect((await samples()).totalCount).toBe(49);
  const other = await h.t.gql(`mutation($id: ID!) { commitIntake(id: $id, idempotencyKey: "another-key-123") { status } }`, { id: jobId }, h.submitter.token);
  expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');

  const audit = async () => (await ok(`query($s: ID!) { auditEntries(filter: { submissionId: $s }, first: 100) { edges { node { type actor { userId via } } } } }`, { s: sid }, h.t.admin.token)).auditEntries.edges.map((e: any) => e.node);
  const entries = await waitFor(async () => {
    const list = await audit();
    return list.some((e: any) => e.type === 'IntakeCommitFinished') && list.filter((e: any) => e.type === 'SampleCreated').length === 49 ? list : null;
  }, { timeoutMs: 30_000, what: 'audit entries' });
  const created = entries.filter((e: any) => e.type === 'SampleCreated');
  expect(created.every((e: any) => e.actor.userId === h.submitter.id && e.actor.via === 'IMPORT')).toBe(true);
  const trail = (await ok(`query($j: ID!) { auditEntries(filter: { subjectId: $j }, first: 100) { edges { node { type actor { userId } } } } }`, { j: jobId }, h.t.admin.token)).auditEntries.edges.map((e: any) => e.node);
  expect(trail.map((e: any) => e.type)).toEqual(expect.arrayContaining(['IntakeJobCreated', 'IntakeJobValidated', 'IntakeRowUpdated', 'IntakeRowsExcluded', 'IntakeCommitStarted', 'IntakeCommitFinished']));
  expect(trail.every((e: any) => e.actor.userId === h.submitter.id)).toBe(true);
}

describe('intake through the gateway as a submitter', () => {
  it('CSV: 3 bad rows of 50 named by field; fix, exclude, commit 49 samples; the same key again changes nothing', async () => {
    const submissionId = await h.newSubmission();
    const created = await ok(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { ${JOB} } }`, {
      i: { submissionId, csv: toCsv(sheet()), filename: 'sheet.csv' },
    });
    expect(created.createIntakeFromCsv.status).toBe('VALIDATED');
    await previewFixExcludeCommit(created.createIntakeFromCsv.id, async () => submissionId);
  }, 120_000);

  it('XLSX into a new submission of a project: the same flow, the commit creates the submission', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Samples');
    for (const row of sheet()) ws.addRow(row);
    const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const created = await ok(`mutation($i: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $i) { ${JOB} } }`, { i: { projectId: h.projectId, xlsxBase64 } });
    expect(created.createIntakeFromXlsx).toMatchObject({ kind: 'XLSX', status: 'VALIDATED', submission: null });
    const id = created.createIntakeFromXlsx.id;
    await previewFixExcludeCommit(id, async () => (await job(id)).submission.id);
  }, 120_000);

  it('a CSV uploaded to files first is read by fileId (as the caller): the same flow; another lab cannot read it', async () => {
    const submissionId = await h.newSubmission();
    const file = await stored(submissionId, 'lab sheet.csv', toCsv(sheet()));
    const both = await h.t.gql(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { id } }`, { i: { submissionId, csv: 'name\nA', fileId: file.id } }, h.submitter.token);
    expect(both.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'csv' } });

    const outsider = await h.t.createUser('SUBMITTER', 'lab-b');
    const theirProject = (await ok(`mutation { createProject(input: { name: "Lab B" }) { id } }`, {}, outsider.token)).createProject.id;
    const theirs = (await ok(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: theirProject }, outsider.token)).createSubmission.id;
    const refused = await h.t.gql(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { id } }`, { i: { submissionId: theirs, fileId: file.id } }, outsider.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await ok(`{ intakeJobs(first: 10) { edges { node { id } } } }`, {}, outsider.token)).intakeJobs.edges).toHaveLength(0);

    const created = (await ok(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { ${JOB} filename } }`, { i: { submissionId, fileId: file.id } })).createIntakeFromCsv;
    expect(created).toMatchObject({ kind: 'CSV', status: 'VALIDATED', filename: file.filename });
    await previewFixExcludeCommit(created.id, async () => submissionId);
  }, 120_000);

  it('an XLSX uploaded to files first is read by fileId', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Samples');
    for (const row of sheet()) ws.addRow(row);
    const submissionId = await h.newSubmission();
    const file = await stored(submissionId, 'sheet.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const created = (await ok(`mutation($i: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $i) { ${JOB} filename } }`, { i: { submissionId, fileId: file.id } })).createIntakeFromXlsx;
    expect(created).toMatchObject({ kind: 'XLSX', status: 'VALIDATED', rowCount: 50, errorCount: 3, filename: 'sheet.xlsx' });
    const neither = await h.t.gql(`mutation($i: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $i) { id } }`, { i: { submissionId } }, h.submitter.token);
    expect(neither.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'xlsxBase64' } });
  }, 120_000);

  it('a row samples refuses at commit is FAILED with its reason; fixed, the same key resumes to COMMITTED without duplicates', async () => {
    const submissionId = await h.newSubmission();
    const csv = ['name,sample_type,volume', 'R-1,DNA,10', 'R-2,DNA,10', 'R-3,DNA,10'].join('\n');
    const id = (await ok(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { id } }`, { i: { submissionId, csv } })).createIntakeFromCsv.id;
    // Someone adds R-3 to the submission after the preview and before the commit.
    await ok(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "R-3", sampleType: DNA }]) { id } }`, { s: submissionId });
    const key = randomUUID();
    await ok(`mutation($id: ID!, $k: String!) { commitIntake(id: $id, idempotencyKey: $k) { status } }`, { id, k: key });
    const partial = await settled(id);
    expect(partial).toMatchObject({ status: 'PARTIALLY_COMMITTED', committedCount: 2, failedCount: 1 });
    const failed = (await ok(`query($id: ID!) { intakeJob(id: $id) { rows(status: FAILED) { edges { node { id rowNumber errors { field column message } } } } } }`, { id })).intakeJob.rows.edges;
    expect(failed.map((e: any) => e.node)).toEqual([{ id: expect.any(String), rowNumber: 4, errors: [{ field: 'name', column: 'name', message: '"R-3" is already used in this submission' }] }]);
    await ok(`mutation($r: ID!) { updateIntakeRow(id: $r, values: { name: "R-3b" }) { status } }`, { r: failed[0].node.id });
    await ok(`mutation($id: ID!, $k: String!) { commitIntake(id: $id, idempotencyKey: $k) { status } }`, { id, k: key });
    expect(await settled(id)).toMatchObject({ status: 'COMMITTED', committedCount: 3, failedCount: 0 });
    const names = (await ok(`query($s: ID!) { samples(filter: { submissionId: $s }) { edges { node { name } } } }`, { s: submissionId })).samples.edges.map((e: any) => e.node.name);
    expect(names.sort()).toEqual(['R-1', 'R-2', 'R-3', 'R-3b']);
  }, 120_000);

  it('a sheet of several batches: rows samples refuses in later batches are FAILED, every other row is committed once', async () => {
    const submissionId = await h.newSubmission();
    const csv = ['name,sample_type,volume', ...Array.from({ length: 2_600 }, (_, i) => `B-${i + 1},DNA,10`)].join('\n');
    const created = (await ok(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { id rowCount errorCount } }`, { i: { submissionId, csv } })).createIntakeFromCsv;
    expect(created).toMatchObject({ rowCount: 2_600, errorCount: 0 });
    // Two names taken after the preview, in the second and third batch of the commit.
    await ok(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "B-1500", sampleType: DNA }, { name: "B-2400", sampleType: DNA }]) { id } }`, { s: submissionId });
    await ok(`mutation($id: ID!, $k: String!) { commitIntake(id: $id, idempotencyKey: $k) { status } }`, { id: created.id, k: randomUUID() });
    expect(await settled(created.id)).toMatchObject({ status: 'PARTIALLY_COMMITTED', committedCount: 2_598, failedCount: 2 });
    const failed = (await ok(`query($id: ID!) { intakeJob(id: $id) { rows(status: FAILED) { edges { node { rowNumber } } } } }`, { id: created.id })).intakeJob.rows.edges;
    expect(failed.map((e: any) => e.node.rowNumber)).toEqual([1501, 2401]);
    const count = await ok(`query($s: ID!) { samples(filter: { submissionId: $s }, first: 1) { totalCount } }`, { s: submissionId });
    expect(count.samples.totalCount).toBe(2_600);
  }, 120_000);

  it("a submitter cannot import into another lab's submission", async () => {
    const other = await h.t.createUser('SUBMITTER', 'lab-b');
    const submissionId = await h.newSubmission();
    const res = await h.t.gql(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { id } }`, { i: { submissionId, csv: toCsv(sheet()) } }, other.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
