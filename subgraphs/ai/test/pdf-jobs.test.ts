import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type TestSubgraph } from '@app/testing';
import { createEvent, qualified, type DomainEvent } from '@app/common';
import { tinyPdf } from './fixtures/tiny-pdf.js';
import {
  b64, field, filesDownloadServer, fixturePdf as pdf, GET_JOB, otherLab, staff, START_PDF, startAi, submitter, viewer, type AiHarness,
} from './helpers.js';

const SECRET = 'test-files-signing-secret-0123456789abcdef';
const stored = new Map<string, Uint8Array>();

let ai: AiHarness;
let sg: TestSubgraph;
let files: Awaited<ReturnType<typeof filesDownloadServer>>;
let events: DomainEvent[];

beforeAll(async () => {
  files = await filesDownloadServer(SECRET, stored);
  ai = await startAi({
    AI_WORKER_POLL_MS: '100', AI_JOB_LEASE_MS: '3000', AI_MAX_PDF_PAGES: '20', AI_JOB_MAX_ATTEMPTS: '2', FILES_SIGNING_SECRET: SECRET, AI_FILES_URL: files.url, AI_FILE_WAIT_MS: '2000',
  });
  ({ sg, events } = ai);
});
afterAll(async () => {
  await ai?.stop();
  await files?.close();
});

async function startInline(bytes: Uint8Array, principal = staff, extra: Record<string, unknown> = { labId: 'lab-a' }) {
  const res = await sg.call(START_PDF, { input: { pdfBase64: b64(bytes), filename: 'quote.pdf', ...extra } }, principal);
  expect(res.errors).toBeUndefined();
  return res.data!.startPdfExtraction as { id: string; status: string };
}

// The first read starts a reader thread, which loads pdfjs through tsx: tens of seconds on a loaded 2-core machine.
async function settled(id: string, principal = staff, timeoutMs = 30_000) {
  return waitFor(async () => {
    const job = (await sg.call(GET_JOB, { id }, principal)).data?.extractionJob;
    return job && !['QUEUED', 'RUNNING'].includes(job.status) ? job : null;
  }, { timeoutMs, what: `job ${id} to finish` });
}

describe('PDF extraction jobs', () => {
  it('queues an inline quote, runs it off the request path with progress, and leaves a reviewable draft', async () => {
    const queued = await startInline(pdf('dna-single'));
    expect(queued.status).toBe('QUEUED');
    const job = await settled(queued.id, staff, 100_000);
    expect(job).toMatchObject({ status: 'NEEDS_REVIEW', stage: 'DONE', progress: 1, form: 'DNA', pagesDone: 2, pagesTotal: 2, attempts: 1, labId: 'lab-a', llm: null });
    expect(field(job, 'kit')).toMatchObject({ value: 'SQK-RAD114', source: 'CHECKBOX', page: 1, needsReview: false });
    expect(field(job, 'dataRetrieval')).toMatchObject({ value: 'URL', values: ['URL'] });
    expect(field(job, 'email')).toMatchObject({ value: 'abell@unc.edu', source: 'LAYOUT' });
    expect(job.samples).toEqual([expect.objectContaining({ sampleNumber: '1', sampleName: '1', volume: '2', volumeUnit: 'µL', isControl: false })]);
    // Events leave through the outbox relay, after the job row settles: wait for the last one.
    const mine = await waitFor(() => {
      const types = events.filter((e) => e.subject.id === queued.id).map((e) => e.type);
      return types.includes('ExtractionCompleted') ? types : null;
    }, { timeoutMs: 10_000, what: 'ExtractionCompleted to be published' });
    expect(mine).toEqual(expect.arrayContaining(['ExtractionJobQueued', 'ExtractionProgress', 'ExtractionCompleted']));
    const pages = events.filter((e) => e.subject.id === queued.id && e.type === 'ExtractionProgress' && e.data.stage === 'READING').map((e) => `${e.data.page}/${e.data.pages}`);
    expect(pages).toEqual(['1/2', '2/2']);
  }, 120_000);

  it('reads a stored file by id, as the caller: lab-checked, hash-checked', async () => {
    const fileId = randomUUID();
    const bytes = pdf('dna-no-human-answer');
    stored.set(fileId, bytes);
    const uploaded = createEvent({ source: 'files', principal: { ...submitter } }, {
      type: 'FileUploaded', subject: { type: 'StoredFile', id: fileId, labId: 'lab-a' },
      data: { filename: 'HTSF--QP-7.pdf', contentType: 'application/pdf', byteSize: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), version: 1 },
    });
    await sg.bus.publish(uploaded);
    const notVisible = await sg.call(START_PDF, { input: { fileId } }, otherLab);
    expect(notVisible.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const res = await sg.call(START_PDF, { input: { fileId } }, submitter);
    expect(res.errors).toBeUndefined();
    expect(res.data!.startPdfExtraction).toMatchObject({ fileId, filename: 'HTSF--QP-7.pdf', labId: 'lab-a' });
    const job = await settled(res.data!.startPdfExtraction.id, submitter);
    expect(field(job, 'humanDna')).toMatchObject({ value: null, warning: 'No option is marked', needsReview: true });
    expect((await sg.call(START_PDF, { input: { fileId: randomUUID() } }, submitter)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('validates input: every problem named, nothing stored', async () => {
    const res = await sg.call(START_PDF, { input: { pdfBase64: 'not base64!', fileId: 'x' } }, staff);
    expect(res.errors![0]!.extensions!.problems.map((p: { field: string }) => p.field)).toEqual(['input.fileId', 'input.pdfBase64', 'input.pdfBase64']);
    expect((await sg.call(START_PDF, { input: {} }, staff)).errors![0]!.extensions!.field).toBe('input.fileId');
    expect((await sg.call(START_PDF, { input: { pdfBase64: b64(tinyPdf()), labId: 'lab-b' } }, submitter)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await sg.call(START_PDF, { input: { pdfBase64: b64(tinyPdf()) } }, viewer)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('ends bad input FAILED with a clear reason and keeps serving', async () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(Buffer.from('just some text, not a PDF')), /not a PDF/],
      [tinyPdf({ encrypted: true }), /password-protected/],
      [new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage')), /could not be read/],
      [tinyPdf({ pages: 500 }), /has 500 pages; a quote has at most 20/],
      [tinyPdf({ text: 'Invoice 2025-001' }), /not the facility's quote form/],
    ];
    const ids = [];
    for (const [bytes] of cases) ids.push((await startInline(bytes)).id);
    for (const [i, [, reason]] of cases.entries()) {
      const job = await settled(ids[i]!);
      expect(job.status).toBe('FAILED');
      expect(job.error).toMatch(reason);
    }
    expect((await settled((await startInline(pdf('dna-single'))).id)).status).toBe('NEEDS_REVIEW');
  });

  it('takes over a job whose worker died (expired lease) and gives up after the last attempt', async () => {
    const table = qualified(sg.running.orm.config.get('schema') ?? 'ai', 'extraction_job');
    const crashed = await startInline(pdf('rna-direct'));
    const hopeless = await startInline(pdf('rna-direct'));
    await waitFor(async () => (await settled(crashed.id)).status === 'NEEDS_REVIEW');
    await settled(hopeless.id);
    const conn = sg.running.orm.em.getConnection();
    // As if a worker claimed them and died: RUNNING under a lease that ran out.
    await conn.execute(`update ${table} set status = 'RUNNING', lease_owner = 'dead-worker', lease_expires_at = now() - interval '1 second', attempts = 1 where id = ?`, [crashed.id]);
    await conn.execute(`update ${table} set status = 'RUNNING', lease_owner = 'dead-worker', lease_expires_at = now() - interval '1 second', attempts = 2 where id = ?`, [hopeless.id]);
    const retaken = await settled(crashed.id);
    expect(retaken).toMatchObject({ status: 'NEEDS_REVIEW', attempts: 2, form: 'RNA' });
    expect(field(retaken, 'kit').value).toBe('SQK-RNA004');
    const given = await settled(hopeless.id);
    expect(given).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(given.error).toMatch(/Gave up after 2 attempts/);
    // A live lease held by another worker is left alone.
    await conn.execute(`update ${table} set status = 'RUNNING', lease_owner = 'other-worker', lease_expires_at = now() + interval '1 hour' where id = ?`, [crashed.id]);
    await new Promise((r) => setTimeout(r, 400));
    expect((await sg.call(GET_JOB, { id: crashed.id }, staff)).data!.extractionJob).toMatchObject({ status: 'RUNNING', attempts: 2 });
  });
});
