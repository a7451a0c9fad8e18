import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { storedZip, workbookParts } from '@app/testing';
import { startSubmission, type SubmissionHarness } from './helpers.js';

/** Uploads through the gateway's /intake/uploads route: encodings, delimiters, and every kind of bad file. */
let h: SubmissionHarness;
let submissionId: string;

async function upload(body: Buffer | string, token = h.submitter.token) {
  const res = await fetch(`${h.t.url}/intake/uploads?submissionId=${submissionId}&filename=sheet.csv`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: typeof body === 'string' ? Buffer.from(body) : body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const rowsOf = async (id: string) => (await h.ok(`query($id: ID!) { intakeJob(id: $id) { status error rows(first: 10) { totalCount edges { node { rowNumber parsed } } } } }`, { id })).intakeJob;

beforeAll(async () => {
  h = await startSubmission('Bad input');
  submissionId = await h.newSubmission();
}, 120_000);
afterAll(async () => { await h?.stop(); });

describe('encodings and delimiters', () => {
  const text = 'Sample Name;Sample Type;Concentration;Organism\r\nProbe-1;DNA;12,5;Café\r\n';
  it.each([
    ['UTF-8 with BOM, semicolons, decimal comma', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['Windows-1252', Buffer.from(text, 'latin1')],
    ['tab delimited UTF-8', Buffer.from(text.replaceAll(';', '\t'), 'utf8')],
  ])('%s', async (_, bytes) => {
    const { status, body } = await upload(bytes);
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: 'VALIDATED', rowCount: 1, errorCount: 0 });
    const job = await rowsOf(body.id);
    expect(job.rows.edges[0].node.parsed).toMatchObject({ name: 'Probe-1', sampleType: 'DNA', qubitConcentration: 12.5, organism: 'Café' });
  });
});

describe('bad files fail the job with a clear reason and keep no rows', () => {
  const header = 'name,sample_type,volume\n';
  it.each([
    ['header only', header, /header but no data rows/],
    ['an empty file', ' \n', /is empty/],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /binary data|not valid CSV/],
    ['10 MB in one cell', `${header}S-1,DNA,"${'x'.repeat(10 * 1024 * 1024)}"\n`, /characters long|exceeds .* characters/],
    ['an unterminated quote', `${header}S-1,DNA,"20\n${'S-2,DNA,1\n'.repeat(300_000)}`, /exceeds .* characters|unterminated|Quote Not Closed/i],
    ['a CSV bomb of 10 million columns', `${header}${','.repeat(10_000_000)}\n`, /characters long|exceeds .* characters/],
    ['a formula cell', `${header}S-1,DNA,"=cmd|' /C calc'!A0"\n`, /row 2, volume: the cell holds a formula/],
    ['a missing required column', 'volume,organism\n1,x\n', /missing required column/],
  ])('%s', async (_, body, reason) => {
    const started = Date.now();
    const res = await upload(typeof body === 'string' ? Buffer.from(body) : body);
    expect(Date.now() - started).toBeLessThan(20_000);
    if (res.status === 201) {
      expect(res.body.status).toBe('FAILED');
      expect(res.body.error).toMatch(reason);
      const job = await rowsOf(res.body.id);
      expect(job).toMatchObject({ status: 'FAILED', rows: { totalCount: 0 } });
    } else {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(reason);
    }
  }, 60_000);

  it('an XLSX with a formula cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Samples');
    ws.addRow(['name', 'sample_type', 'volume']);
    ws.addRow(['S-1', 'DNA', { formula: 'SUM(1,2)', result: 3 }]);
    const { body } = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(body).toMatchObject({ kind: 'XLSX', status: 'FAILED', error: expect.stringMatching(/formula/) });
  });

  // Found by test/fuzz/intake.test.ts: a row number past int (or a repeated one) reached the row
  // table and failed the job with an internal error instead of a reason.
  it.each([
    ['a row numbered 10^12', (x: string) => x.replace('<row r="3">', '<row r="1000000000000">')],
    ['a row number repeated', (x: string) => x.replace('<row r="3">', '<row r="2">')],
    ['rows out of order', (x: string) => x.replace('<row r="2">', '<row r="4">')],
  ])('an XLSX with %s fails with a reason and keeps no rows', async (_, edit) => {
    const parts = workbookParts([['name', 'sample_type'], ['S-1', 'DNA'], ['S-2', 'RNA'], ['S-3', 'DNA']]);
    parts['xl/worksheets/sheet1.xml'] = edit(parts['xl/worksheets/sheet1.xml']!);
    const { status, body } = await upload(storedZip(Object.entries(parts)));
    expect(status).toBe(201);
    expect(body).toMatchObject({ kind: 'XLSX', status: 'FAILED', error: expect.stringMatching(/is damaged: row \d+ follows row \d+/) });
    expect((await rowsOf(body.id)).rows.totalCount).toBe(0);
  });

  it('a body over INTAKE_MAX_BYTES is refused before parsing', async () => {
    const { status, body } = await upload(Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(status).toBe(413);
    expect(body.error.field).toBe('body');
  });

  // Found by test/fuzz/intake.test.ts: a name longer than the row table's name key failed the whole
  // sheet with the driver's SQL (and the sheet's data) as its error.
  it('a name far longer than a sample name may be is a row error, duplicates of it are still found, and a fix checks it again', async () => {
    const long = `S-${'x'.repeat(9_000)}`;
    const dotted = 'İ'.repeat(200); // 200 characters, 400 once lower-cased
    const { status, body } = await upload(`name,sample_type\n${long},DNA\n${long},DNA\n${dotted},DNA\nS-ok,DNA\n`);
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: 'VALIDATED', rowCount: 4 });
    const rows = (await h.ok(`query($id: ID!) { intakeJob(id: $id) { rows(first: 10) { edges { node { id rowNumber status errors { field message } } } } } }`, { id: body.id }))
      .intakeJob.rows.edges.map((e: any) => e.node);
    expect(rows[0]).toMatchObject({ rowNumber: 2, status: 'INVALID', errors: [expect.objectContaining({ field: 'name', message: expect.stringMatching(/1-255 characters/) })] });
    expect(rows[1].errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name', message: expect.stringMatching(/repeats the name of row 2/) })]));
    expect(rows[2]).toMatchObject({ rowNumber: 4, status: 'VALID' });
    expect(rows[3]).toMatchObject({ rowNumber: 5, status: 'VALID' });
    const fixed = await h.t.gql(`mutation($id: ID!, $v: JSON!) { updateIntakeRow(id: $id, values: $v) { status errors { field message } } }`, { id: rows[3].id, v: { name: long } }, h.submitter.token);
    expect(fixed.errors).toBeUndefined();
    expect(fixed.data!.updateIntakeRow).toMatchObject({ status: 'INVALID', errors: expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/repeats the name of row 2/) })]) });
  });

  it('no credentials: 401 at the gateway', async () => {
    const res = await fetch(`${h.t.url}/intake/uploads?submissionId=${submissionId}`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(401);
  });
});

describe('templates', () => {
  it('serves the CSV template through the gateway, and it reads back as one valid row', async () => {
    const res = await fetch(`${h.t.url}/intake/templates/samples.csv`, { headers: { authorization: `Bearer ${h.submitter.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const csv = Buffer.from(await res.arrayBuffer());
    const { body } = await upload(csv);
    expect(body).toMatchObject({ status: 'VALIDATED', rowCount: 1, errorCount: 0 });
  });

  it('serves the XLSX template with a Lists sheet of the enums and drop-downs', async () => {
    const res = await fetch(`${h.t.url}/intake/templates/samples.xlsx`, { headers: { authorization: `Bearer ${h.submitter.token}` } });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const lists = workbook.getWorksheet('Lists')!;
    const columns = Array.from({ length: lists.columnCount }, (_, i) => lists.getColumn(i + 1).values.filter(Boolean).map(String));
    expect(columns).toContainEqual(['sample_type', 'DNA', 'RNA', 'PROTEIN', 'OTHER']);
    const samples = workbook.getWorksheet('Samples')!;
    expect(samples.getCell('B2').dataValidation).toMatchObject({ type: 'list' });
    const { body } = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(body).toMatchObject({ kind: 'XLSX', status: 'VALIDATED', rowCount: 1, errorCount: 0 });
  });
});
