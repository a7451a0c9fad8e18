import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { startTestSubgraph, userPrincipal, waitFor, type TestSubgraph } from '@app/testing';
import type { DomainEvent, Principal, BusSubscription } from '@app/common';
import { submissionSubgraph } from '../src/server.js';

let sg: TestSubgraph;
let subscription: BusSubscription;
const events: DomainEvent[] = [];
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const otherLab = userPrincipal('SUBMITTER', { labId: 'lab-b' });
const staff = userPrincipal('STAFF');
const viewer = userPrincipal('VIEWER');

beforeAll(async () => {
  sg = await startTestSubgraph(submissionSubgraph, { env: { INTAKE_MAX_ROWS: '5' } });
  subscription = await sg.bus.subscribe({ group: 'test', handler: async (d) => { if (d.event) events.push(d.event); } });
});
afterAll(async () => {
  await subscription.close();
  await sg.stop();
});

const TEMPLATE = 'sample_name,project_id,submitter_name,submitter_email,lab_name,sample_type,sample_buffer,concentration,volume,total_amount,flow_cell_type,flow_cell_count,priority,assigned_to,library_prep_by,chart_field';
const CSV = [
  TEMPLATE,
  'S-1,P1,Zoë Ångström,zoe@uni.edu,"Smith, J. Lab",dna,EB,12.5 ng/µL,20,250,R10.4.1,2,high,,,htsf-001',
  'S-2,,Ann Lee,not-an-email,,plasma,,20000,20,,R11,1,someday,,,HTSF-1',
  '',
  's-1,,Ann Lee,ann@uni.edu,,RNA,,,,,,,,,,NANO-002',
].join('\n');
const JOB = `#graphql
  id kind status labId createdBy filename rowCount errorCount ignoredColumns submission { id }
  rows { totalCount edges { node { rowNumber status raw parsed errors { field message } } } }`;
const FROM_CSV = `mutation($input: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $input) { ${JOB} } }`;

function fromCsv(csv: string, extra: Record<string, unknown> = {}, principal: Principal = submitter) {
  return sg.call(FROM_CSV, { input: { submissionId: randomUUID(), csv, filename: 'sheet.csv', ...extra } }, principal);
}

describe('submission (intake) subgraph', () => {
  it('parses the CSV template into typed rows with every error named by row and field', async () => {
    const submissionId = randomUUID();
    const res = await fromCsv(CSV, { submissionId });
    expect(res.errors).toBeUndefined();
    const job = res.data!.createIntakeFromCsv;
    expect(job).toMatchObject({ kind: 'CSV', status: 'READY', labId: 'lab-a', createdBy: submitter.userId, filename: 'sheet.csv', rowCount: 3, errorCount: 2, ignoredColumns: [], submission: { id: submissionId } });
    const [first, second, third] = job.rows.edges.map((e: { node: unknown }) => e.node);
    expect(first).toMatchObject({ rowNumber: 2, status: 'VALID', errors: [], raw: expect.objectContaining({ lab_name: 'Smith, J. Lab' }) });
    expect(first.parsed).toEqual({
      sampleName: 'S-1', projectId: 'P1', submitterName: 'Zoë Ångström', submitterEmail: 'zoe@uni.edu', labName: 'Smith, J. Lab', sampleType: 'DNA',
      sampleBuffer: 'EB', concentration: 12.5, volume: 20, totalAmount: 250, flowCellType: 'R10.4.1', flowCellCount: 2, priority: 'HIGH', chartField: 'HTSF-001',
    });
    expect(second).toMatchObject({ rowNumber: 3, status: 'INVALID' });
    expect(second.errors.map((e: { field: string }) => e.field)).toEqual(['submitterEmail', 'sampleType', 'concentration', 'flowCellType', 'priority', 'chartField']);
    expect(third).toMatchObject({ rowNumber: 5, status: 'INVALID', errors: [{ field: 'sampleName', message: 'repeats the name in row 2' }] });
    await waitFor(() => events.find((e) => e.type === 'IntakeJobCreated' && e.subject.id === job.id), { what: 'IntakeJobCreated' });
    expect(events.find((e) => e.subject.id === job.id)!.data).toMatchObject({ kind: 'CSV', rowCount: 3, errorCount: 2 });
  });

  it('accepts the legacy column names and lists the columns it ignored', async () => {
    const csv = 'Sample,Submitter,Email,Type,Conc,Vol,Buffer,Billing Account,Notes\nA1,Bo Chen,bo@lab.org,RNA,5,10,Water,SEQ-003,keep cold\n';
    const job = (await fromCsv(csv)).data!.createIntakeFromCsv;
    expect(job).toMatchObject({ rowCount: 1, errorCount: 0, ignoredColumns: ['Notes'] });
    expect(job.rows.edges[0].node.parsed).toMatchObject({ sampleName: 'A1', submitterEmail: 'bo@lab.org', concentration: 5, volume: 10, sampleBuffer: 'Water', chartField: 'SEQ-003', priority: 'NORMAL', flowCellCount: 1 });
  });

  it('refuses sheets it cannot read, naming the field, and stores nothing', async () => {
    const count = async () => (await sg.call(`{ intakeJobs { totalCount } }`, {}, staff)).data!.intakeJobs.totalCount as number;
    const before = await count();
    const missing = await fromCsv('sample_name,volume\nS1,2\n');
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(missing.errors![0]!.message).toMatch(/missing required columns submitter_name, submitter_email, sample_type, chart_field/);
    const broken = await fromCsv(`${TEMPLATE}\n"S1,unclosed`);
    expect(broken.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    const tooMany = await fromCsv([TEMPLATE, ...Array.from({ length: 6 }, (_, i) => `S${i},,A B,a@b.co,,DNA,,,,,,,,,,HTSF-001`)].join('\n'));
    expect(tooMany.errors![0]!.message).toMatch(/more than 5 rows/);
    const staffNoLab = await fromCsv(CSV, {}, staff);
    expect(staffNoLab.errors![0]!.extensions).toMatchObject({ field: 'labId' });
    expect(await count()).toBe(before);
  });

  it('refuses viewers and submitters naming another lab, and hides other labs', async () => {
    expect((await fromCsv(CSV, {}, viewer)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await fromCsv(CSV, { labId: 'lab-b' })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const job = (await fromCsv(CSV, { labId: 'lab-z' }, staff)).data!.createIntakeFromCsv;
    const get = `query($id: ID!) { intakeJob(id: $id) { id rows(status: INVALID, first: 1) { totalCount edges { node { rowNumber } } pageInfo { hasNextPage endCursor } } } }`;
    expect((await sg.call(get, { id: job.id }, submitter)).data!.intakeJob).toBeNull();
    const seen = (await sg.call(get, { id: job.id }, viewer)).data!.intakeJob;
    expect(seen.rows).toMatchObject({ totalCount: 2, edges: [{ node: { rowNumber: 3 } }], pageInfo: { hasNextPage: true } });
    const next = await sg.call(`query($id: ID!, $a: String) { intakeJob(id: $id) { rows(status: INVALID, after: $a) { edges { node { rowNumber } } } } }`, { id: job.id, a: seen.rows.pageInfo.endCursor }, viewer);
    expect(next.data!.intakeJob.rows.edges).toEqual([{ node: { rowNumber: 5 } }]);
  });

  it('adds the intake jobs to Submission references, lab-scoped', async () => {
    const submissionId = randomUUID();
    const older = (await fromCsv(CSV, { submissionId })).data!.createIntakeFromCsv;
    const newer = (await fromCsv(CSV, { submissionId })).data!.createIntakeFromCsv;
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Submission { id intake { id rowCount } } } }`;
    const r = [{ __typename: 'Submission', id: submissionId }, { __typename: 'Submission', id: randomUUID() }];
    const mine = await sg.call(q, { r }, submitter);
    expect(mine.data!._entities).toEqual([{ id: submissionId, intake: [{ id: newer.id, rowCount: 3 }, { id: older.id, rowCount: 3 }] }, { id: r[1]!.id, intake: [] }]);
    expect((await sg.call(q, { r }, otherLab)).data!._entities[0]).toEqual({ id: submissionId, intake: [] });
  });

  it('reads the first worksheet of an XLSX workbook with the same rules', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Samples');
    sheet.addRow(TEMPLATE.split(','));
    sheet.addRow(['X-1', '', 'Ann Lee', 'ann@uni.edu', '', 'DNA', '', 30, 2, 60, '', '', 'urgent', '', '', 'NANO-005']);
    sheet.addRow(['X-2', '', 'Ann Lee', 'ann@uni.edu', '', 'DNA', '', -1, '', '', '', '', '', '', '', 'NANO-005']);
    const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const res = await sg.call(`mutation($input: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $input) { ${JOB} } }`, { input: { submissionId: randomUUID(), xlsxBase64 } }, submitter);
    expect(res.errors).toBeUndefined();
    const job = res.data!.createIntakeFromXlsx;
    expect(job).toMatchObject({ kind: 'XLSX', rowCount: 2, errorCount: 1 });
    expect(job.rows.edges[0].node).toMatchObject({ rowNumber: 2, status: 'VALID', parsed: expect.objectContaining({ concentration: 30, volume: 2, totalAmount: 60, priority: 'URGENT' }) });
    expect(job.rows.edges[1].node.errors).toEqual([{ field: 'concentration', message: 'must be between 0.001 and 10000 ng/µL' }]);
    const bad = await sg.call(`mutation($input: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $input) { id } }`, { input: { submissionId: randomUUID(), xlsxBase64: Buffer.from('not a workbook').toString('base64') } }, submitter);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'xlsxBase64' });
  });
});
