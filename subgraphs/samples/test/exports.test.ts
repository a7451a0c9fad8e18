import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { INTERNAL_TOKEN_HEADER, type Principal } from '@app/common';
import { startTestSubgraph, userPrincipal, waitFor, type TestSubgraph } from '@app/testing';
import { samplesSubgraph } from '../src/server.js';
import { addSamples, exportEnv, makeProject, makeSubmission, ok } from './helpers.js';

let sg: TestSubgraph;
const labA = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const labB = userPrincipal('SUBMITTER', { labId: 'lab-b' });
const staff = userPrincipal('STAFF');
const biToken = userPrincipal('VIEWER', { kind: 'apiToken', scopes: ['exports:read'], tokenId: randomUUID() });
const noExportToken = userPrincipal('VIEWER', { kind: 'apiToken', scopes: ['samples:read'], tokenId: randomUUID() });

/** Names that break naive writers: separators, quotes, line breaks, non-ASCII and formula triggers. */
const TRICKY = ['plain', 'comma, inside', 'quote " inside', '=1+1', '+SUM(A1)', '-2+3', '@cmd', 'Ünïcödé 東京'];
const NOTE = 'line one\nline "two", with comma';

beforeAll(async () => {
  sg = await startTestSubgraph(samplesSubgraph, { env: exportEnv() });
  const sub = await makeSubmission(sg, labA, await makeProject(sg, labA, 'Export me'));
  await addSamples(sg, labA, sub.id, TRICKY.map((name, i) => ({ name: name.replace(/[=+@"]/g, '') || 'x', sampleType: 'DNA', qubitConcentration: 10 + i, volume: 2, notes: i === 0 ? NOTE : name })));
  const subB = await makeSubmission(sg, labB, await makeProject(sg, labB, 'Hidden'));
  await addSamples(sg, labB, subB.id, Array.from({ length: 250 }, (_, i) => ({ name: `b${i}`, sampleType: 'RNA' })));
});
afterAll(() => sg.stop());

async function get(path: string, principal: Principal): Promise<Response> {
  return fetch(`${sg.running.url}${path}`, { headers: { [INTERNAL_TOKEN_HEADER]: await sg.issuer.issue('samples', principal, { ip: '127.0.0.1', userAgent: 'jest' }) } });
}

async function save(res: Response, ext: string): Promise<string> {
  const path = join(tmpdir(), `export-test-${randomUUID()}.${ext}`);
  writeFileSync(path, Buffer.from(await res.arrayBuffer()));
  return path;
}

type Row = Record<string, unknown>;

async function readBack(format: string, res: Response): Promise<Row[]> {
  switch (format) {
    case 'csv': return parseCsv(Buffer.from(await res.arrayBuffer()), { columns: true, bom: true, relax_quotes: false }) as Row[];
    case 'json': return (await res.json()) as Row[];
    case 'ndjson': return (await res.text()).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
    case 'xml': {
      const doc = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'sample' || name === 'project' || name === 'submission' }).parse(await res.text());
      const root = Object.values(doc).find((v) => typeof v === 'object' && v !== null) as Record<string, Row[]>;
      return Object.values(root)[0] ?? [];
    }
    case 'xlsx': {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(await save(res, 'xlsx'));
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
      const rows: Row[] = [];
      ws.eachRow((row, n) => { if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1] ?? null]))); });
      return rows;
    }
    case 'parquet': return (await parquetReadObjects({ file: await asyncBufferFromFile(await save(res, 'parquet')) })) as Row[];
    default: throw new Error(format);
  }
}

describe('stable export URLs', () => {
  for (const format of ['csv', 'xlsx', 'json', 'ndjson', 'xml', 'parquet']) {
    it(`serves samples.${format} confined to the caller's lab, readable by a real reader`, async () => {
      const res = await get(`/exports/samples.${format}?sampleType=DNA`, labA);
      expect(res.status).toBe(200);
      const rows = await readBack(format, res);
      expect(rows).toHaveLength(TRICKY.length);
      const notes = rows.map((r) => r.notes);
      if (format === 'csv' || format === 'xlsx') {
        expect(notes).toEqual(expect.arrayContaining(["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", 'comma, inside', 'quote " inside', 'Ünïcödé 東京', NOTE]));
      } else {
        expect(notes).toEqual(expect.arrayContaining(['=1+1', '@cmd', 'quote " inside', 'Ünïcödé 東京', NOTE]));
      }
      const first = rows.find((r) => r.notes === NOTE)!;
      expect(Number(first.total_amount_ng)).toBe(20);
      expect(String(first.lab_id)).toBe('lab-a');
    });
  }

  it('takes fields and filters, refuses unknown ones, and checks the exports:read scope', async () => {
    const res = await get('/exports/samples.json?fields=name,status&status=SUBMITTED&search=b1', staff);
    const rows = (await res.json()) as Row[];
    expect(Object.keys(rows[0]!)).toEqual(['name', 'status']);
    expect(rows.every((r) => String(r.name).startsWith('b1'))).toBe(true);
    expect((await get('/exports/samples.csv?colour=red', staff)).status).toBe(400);
    expect((await get('/exports/samples.csv?fields=nope', staff)).status).toBe(400);
    expect((await get('/exports/samples.csv?status=BROKEN', staff)).status).toBe(400);
    expect((await get('/exports/samples.pdf', staff)).status).toBe(404);
    expect((await get('/exports/samples.csv', noExportToken)).status).toBe(403);
    expect((await get('/exports/projects.csv', biToken)).status).toBe(200);
    expect((await fetch(`${sg.running.url}/exports/samples.csv`)).status).toBe(401);
    const subs = await readBack('csv', await get('/exports/submissions.csv', labB));
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ lab_id: 'lab-b', sample_count: '250' });
  });
});

describe('export jobs', () => {
  it('run in the background with progress, and only the requester downloads the file', async () => {
    const start = await ok(sg, `mutation { exportSamples(format: PARQUET, filter: { sampleType: [RNA] }, fields: ["id", "name", "submitted_at"]) { id status fields } }`, {}, staff);
    const id = start.exportSamples.id;
    expect(start.exportSamples.fields).toEqual(['id', 'name', 'submitted_at']);
    const job = async () => (await ok(sg, `query($id: ID!) { exportJob(id: $id) { status progress rowsTotal rowsWritten downloadUrl byteSize } }`, { id }, staff)).exportJob;
    await waitFor(async () => (await job()).status === 'SUCCEEDED', { what: 'export job' });
    const done = await job();
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: 1, rowsTotal: 250, rowsWritten: 250, downloadUrl: `/exports/jobs/${id}/download` });
    expect((await ok(sg, `query($id: ID!) { exportJob(id: $id) { id } }`, { id }, labB)).exportJob).toBeNull();
    expect((await get(done.downloadUrl, labB)).status).toBe(404);
    const rows = await readBack('parquet', await get(done.downloadUrl, staff));
    expect(rows).toHaveLength(250);
    expect(rows[0]!.submitted_at).toBeInstanceOf(Date);
    const bad = await sg.call(`mutation { exportSamples(format: CSV, fields: ["nope"]) { id } }`, {}, staff);
    expect(bad.errors![0]!.extensions!.field).toBe('fields');
  });
});
