/**
 * Quote-PDF extraction benchmark (no Ollama):
 *  1. the geometric reader alone on the 5-page, 96-row fixture (dna-jl147), N runs after a warm-up;
 *  2. end to end through the ai subgraph: startPdfExtraction (inline) → worker → NEEDS_REVIEW,
 *     measured from the mutation to the first poll that sees NEEDS_REVIEW (10 ms polls);
 *  3. memory of reading the 200-row, 6-page fixture (dna-200): peak RSS and heap above the baseline.
 *   node --expose-gc --import tsx bench/ai-extraction.ts [runs]
 * Uses an embedded PGlite (or BENCH_DATABASE_URL). Writes bench/results/ai-extraction.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, printTable, writeResult } from './lib/report.js';
import { latencyStats, timed } from './lib/stats.js';
import { createTestDatabase, startTestSubgraph, userPrincipal } from '../packages/testing/src/index.js';
import { aiSubgraph } from '../subgraphs/ai/src/server.js';
import { extractQuotePdf } from '../subgraphs/ai/src/services/pdf/extract.js';
import { DEFAULT_PDF_LIMITS } from '../subgraphs/ai/src/services/pdf/limits.js';

const runs = Number(process.argv[2] ?? 10);
const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'subgraphs', 'ai', 'test', 'fixtures', `${name}.pdf`)));
const quote96 = fixture('dna-jl147');
const quote200 = fixture('dna-200');
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function readerOnly() {
  const first = await timed(() => extractQuotePdf(quote96, DEFAULT_PDF_LIMITS));
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) ms.push(await timed(async () => { rows = (await extractQuotePdf(quote96, DEFAULT_PDF_LIMITS)).samples.length; }));
  return { firstRunMs: Math.round(first), ...latencyStats(ms), rows };
}

async function endToEnd() {
  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const db = await createTestDatabase();
  const sg = await startTestSubgraph(aiSubgraph, { db, env: { AI_WORKER_POLL_MS: '1000' } });
  const staff = userPrincipal('STAFF');
  const pdfBase64 = Buffer.from(quote96).toString('base64');
  const get = `query($id: ID!) { extractionJob(id: $id) { status samples { sampleNumber } } }`;
  const ms: number[] = [];
  try {
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
      const started = performance.now();
      const res = await sg.call(`mutation($b: String!) { startPdfExtraction(input: { pdfBase64: $b, labId: "bench" }) { id } }`, { b: pdfBase64 }, staff);
      const id = res.data!.startPdfExtraction.id as string;
      for (;;) {
        const job = (await sg.call(get, { id }, staff)).data!.extractionJob;
        if (job.status === 'NEEDS_REVIEW') { if (job.samples.length !== 96) throw new Error(`read ${job.samples.length} rows`); break; }
        if (job.status === 'FAILED') throw new Error('job failed');
        await new Promise((r) => setTimeout(r, 10));
      }
      ms.push(performance.now() - started);
    }
  } finally {
    await sg.stop();
    await db.drop();
  }
  return latencyStats(ms);
}

async function memory200() {
  gc();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => { const m = process.memoryUsage(); rss = Math.max(rss, m.rss); heap = Math.max(heap, m.heapUsed); }, 5);
  const t = performance.now();
  const draft = await extractQuotePdf(quote200, DEFAULT_PDF_LIMITS);
  const ms = performance.now() - t;
  clearInterval(timer);
  const m = process.memoryUsage();
  rss = Math.max(rss, m.rss);
  heap = Math.max(heap, m.heapUsed);
  const mb = (n: number) => Math.round(n / 1e5) / 10;
  return { pages: draft.pages, rows: draft.samples.length, ms: Math.round(ms), fileKb: Math.round(quote200.byteLength / 1024), peakRssAboveBaselineMb: mb(rss - base.rss), peakHeapAboveBaselineMb: mb(heap - base.heapUsed), baselineRssMb: mb(base.rss) };
}

const reader = await readerOnly();
const memory = await memory200();
const e2e = await endToEnd();
printTable('quote PDF extraction (no Ollama)', ['measure', 'n', 'p50 ms', 'p90 ms', 'max ms'], [
  ['reader only, 5 pages / 96 rows', reader.n, reader.p50, reader.p90, reader.max],
  ['end to end via worker, 5 pages / 96 rows', e2e.n, e2e.p50, e2e.p90, e2e.max],
]);
printTable('memory, 6 pages / 200 rows', ['rows', 'ms', 'file KB', 'peak RSS +MB', 'peak heap +MB'], [[memory.rows, memory.ms, memory.fileKb, memory.peakRssAboveBaselineMb, memory.peakHeapAboveBaselineMb]]);
console.log(`first (cold) read: ${reader.firstRunMs} ms; wrote ${writeResult('ai-extraction', { machine: machine(), reader, endToEnd: e2e, memory200: memory })}`);
