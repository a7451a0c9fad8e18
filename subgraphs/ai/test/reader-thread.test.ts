import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@app/testing';
import { UnreadablePdfError } from '../src/services/pdf/limits.js';
import { extractQuotePdf } from '../src/services/pdf/extract.js';
import { DEFAULT_PDF_LIMITS } from '../src/services/pdf/limits.js';
import { PdfReaderPool } from '../src/services/pdf/reader-pool.js';
import { tinyPdf } from './fixtures/tiny-pdf.js';
import { b64, fixturePdf, GET_JOB, staff, START_PDF, startAi, type AiHarness } from './helpers.js';

// PDFs are parsed in a worker thread with a heap limit and a wall-clock budget: a file that passes
// either has its thread stopped and its job FAILED with the reason, while the subgraph goes on serving.

describe('the PDF reader thread', () => {
  const pool = new PdfReaderPool({ maxIdle: 1 });
  afterAll(() => pool.close());

  it('reads a quote exactly as the in-process reader does, reporting every page', async () => {
    const bytes = fixturePdf('dna-jl147');
    const ticks: string[] = [];
    const draft = await pool.read(bytes, DEFAULT_PDF_LIMITS, (p) => { ticks.push(`${p.stage} ${p.page}/${p.pages}`); });
    expect(draft).toEqual(await extractQuotePdf(bytes, DEFAULT_PDF_LIMITS));
    expect(draft.samples).toHaveLength(96);
    expect(ticks).toEqual(['READING 1/5', 'READING 2/5', 'READING 3/5', 'READING 4/5', 'READING 5/5', 'FIELDS 5/5']);
    expect(pool.size).toBe(1);
  });

  it('stops a read past its time budget, then reads the next file in a new thread', async () => {
    const bomb = tinyPdf({ rectangles: 1_000_000 });
    const err = await pool.read(bomb, { ...DEFAULT_PDF_LIMITS, timeoutMs: 300 }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadablePdfError);
    expect(err).toMatchObject({ code: 'TIMEOUT', message: 'Reading the PDF took longer than 300 ms' });
    const next = await pool.read(fixturePdf('dna-single'), DEFAULT_PDF_LIMITS);
    expect(next.samples).toHaveLength(1);
  });

  it('answers an unreadable file with its reason and keeps the thread', async () => {
    const err = await pool.read(new Uint8Array(Buffer.from('not a pdf at all')), DEFAULT_PDF_LIMITS).then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ code: 'NOT_PDF' });
    expect(pool.size).toBe(1);
  });

  it('stops the read when a progress report throws (the job lost its lease)', async () => {
    const lost = new Error('lease lost');
    const err = await pool.read(fixturePdf('dna-200'), DEFAULT_PDF_LIMITS, () => { throw lost; }).then(() => null, (e: unknown) => e);
    expect(err).toBe(lost);
  });
});

describe('hostile PDFs through the worker', () => {
  let ai: AiHarness;
  beforeAll(async () => {
    ai = await startAi({ AI_WORKER_POLL_MS: '100', AI_PDF_MEMORY_MB: '320', AI_PDF_TIMEOUT_MS: '120000' });
  });
  afterAll(() => ai?.stop());

  const job = async (id: string) => (await ai.sg.call(GET_JOB, { id }, staff)).data!.extractionJob;

  it('ends a decompression bomb FAILED for its memory, answering queries meanwhile, and reads the next quote', async () => {
    // 100 KB of file that inflates to 4 million painted rectangles: more operators than 320 MB of heap holds.
    const bomb = tinyPdf({ rectangles: 4_000_000 });
    const started = await ai.sg.call(START_PDF, { input: { pdfBase64: b64(bomb), labId: 'lab-a' } }, staff);
    expect(started.errors).toBeUndefined();
    const id = started.data!.startPdfExtraction.id as string;
    // While the thread parses it, the subgraph answers (the parse does not hold its event loop).
    const running = await waitFor(async () => { const j = await job(id); return j.status === 'RUNNING' ? j : null; }, { timeoutMs: 30_000, intervalMs: 20, what: 'the bomb to be RUNNING' });
    expect(running.pagesDone).toBe(0);
    const failed = await waitFor(async () => { const j = await job(id); return j.status === 'FAILED' ? j : null; }, { timeoutMs: 120_000, intervalMs: 100, what: 'the bomb to fail' });
    expect(failed.error).toBe('Reading the PDF needed more than 320 MB of memory; the reader was stopped');

    const normal = await ai.sg.call(START_PDF, { input: { pdfBase64: b64(fixturePdf('dna-single')), labId: 'lab-a' } }, staff);
    const read = await waitFor(async () => { const j = await job(normal.data!.startPdfExtraction.id); return j.status === 'NEEDS_REVIEW' ? j : null; }, { timeoutMs: 60_000, what: 'the next quote' });
    expect(read.samples).toHaveLength(1);
  }, 180_000);
});
