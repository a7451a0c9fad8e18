import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, waitFor, type TestSubgraph } from '@app/testing';
import { aiSubgraph } from '../src/server.js';
import { PROMPT_VERSION } from '../src/services/assist/ollama-assist.js';
import { fakeOllama, fakeQdrant } from './assist-servers.js';
import { b64, field, fixturePdf, GET_JOB, staff, START_PDF } from './helpers.js';

const single = fixturePdf('dna-single');

let sg: TestSubgraph;
let ollama: Awaited<ReturnType<typeof fakeOllama>>;
let qdrant: Awaited<ReturnType<typeof fakeQdrant>>;

beforeAll(async () => {
  ollama = await fakeOllama();
  qdrant = await fakeQdrant();
  sg = await startTestSubgraph(aiSubgraph, {
    env: { AI_WORKER_POLL_MS: '100', OLLAMA_URL: ollama.url, OLLAMA_MODEL: 'llama3.2', OLLAMA_EMBED_MODEL: 'nomic-embed-text', QDRANT_URL: qdrant.url, QDRANT_COLLECTION: 'corrections' },
  });
});
afterAll(async () => {
  await sg.stop();
  await ollama.close();
  await qdrant.close();
});

async function finished(principal = staff) {
  const res = await sg.call(START_PDF, { input: { pdfBase64: b64(single), labId: 'lab-a' } }, principal);
  const id = res.data!.startPdfExtraction.id as string;
  return waitFor(async () => {
    const job = (await sg.call(GET_JOB, { id }, staff)).data?.extractionJob;
    return job?.status === 'NEEDS_REVIEW' ? job : null;
  }, { timeoutMs: 30_000, what: 'NEEDS_REVIEW' });
}
describe('Ollama assistance and Qdrant retrieval', () => {
  it('asks the model about free text only, with a JSON-schema format, and records model, prompt version and latency', async () => {
    const job = await finished();
    expect(job.llm).toMatchObject({ model: 'llama3.2', promptVersion: PROMPT_VERSION });
    expect(job.llm.latencyMs).toBeGreaterThanOrEqual(0);
    expect(field(job, 'organismNormalized')).toMatchObject({ value: 'Escherichia coli', source: 'LLM', needsReview: true });
    expect(field(job, 'specialHandling')).toMatchObject({ values: ['KEEP_FROZEN'], source: 'LLM' });
    // The geometric fields are the reader's, not the model's.
    expect(field(job, 'kit')).toMatchObject({ value: 'SQK-RAD114', source: 'CHECKBOX' });
    const chat = ollama.requests.find((r) => r.path === '/api/chat')!.body;
    expect(chat).toMatchObject({ model: 'llama3.2', stream: false, format: { type: 'object', required: ['organism', 'specialHandling'] } });
    expect(JSON.parse(chat.messages[1].content)).toEqual({ organism: 'Escherichia coli', comments: null });
  });

  it('embeds corrections with Ollama, indexes them in Qdrant on acceptance and applies them to the next job', async () => {
    const job = await finished();
    const correct = `mutation($input: CorrectExtractionFieldInput!) { correctExtractionField(input: $input) { correctionId } }`;
    const res = await sg.call(correct, { input: { jobId: job.id, fieldName: 'coverage', value: '30x (Illumina polish)' } }, staff);
    expect(res.errors).toBeUndefined();
    expect((await sg.call(`mutation($id: ID!) { acceptExtraction(jobId: $id) { status } }`, { id: job.id }, staff)).data!.acceptExtraction.status).toBe('ACCEPTED');
    expect(ollama.requests.some((r) => r.path === '/api/embed' && r.body.model === 'nomic-embed-text')).toBe(true);
    expect(qdrant.calls).toEqual(expect.arrayContaining(['GET /exists', 'PUT /', 'PUT /points']));
    expect(qdrant.collections.get('corrections')!.size).toBe(8);
    const next = await finished();
    expect(field(next, 'coverage')).toMatchObject({ value: '30x (Illumina polish)', source: 'RETRIEVAL', correctionId: res.data!.correctExtractionField.correctionId });
    expect(qdrant.calls).toContain('POST /points/search');
  });
});

describe('without an answer in time', () => {
  it('keeps the geometric draft, says why, and records no model run', async () => {
    const slow = await fakeOllama({ delayMs: 3_000 });
    const other = await startTestSubgraph(aiSubgraph, { env: { AI_WORKER_POLL_MS: '100', OLLAMA_URL: slow.url, OLLAMA_TIMEOUT_MS: '300' } });
    try {
      const res = await other.call(START_PDF, { input: { pdfBase64: b64(single), labId: 'lab-a' } }, staff);
      const id = res.data!.startPdfExtraction.id as string;
      const job = await waitFor(async () => {
        const j = (await other.call(GET_JOB, { id }, staff)).data?.extractionJob;
        return j?.status === 'NEEDS_REVIEW' ? j : null;
      }, { timeoutMs: 30_000, what: 'NEEDS_REVIEW' });
      expect(job.llm).toBeNull();
      expect(job.warnings).toEqual([expect.stringMatching(/Language model unavailable \(no answer within 300 ms\)/)]);
      expect(field(job, 'kit').value).toBe('SQK-RAD114');
      expect(field(job, 'organismNormalized')).toBeUndefined();
    } finally {
      await other.stop();
      await slow.close();
    }
  });
});
