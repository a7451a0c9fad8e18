/**
 * Quote-PDF extraction benchmark (no Ollama):
 *  1. the geometric reader alone on the 5-page, 96-row fixture (dna-jl147), in this process, N runs after a warm-up;
 *  2. end to end through the ai subgraph: startPdfExtraction (inline) → worker → reader thread → NEEDS_REVIEW,
 *     measured from the mutation to the first poll that sees NEEDS_REVIEW (5 ms polls); the first job
 *     (which starts the reader thread) is reported apart, then N jobs give p50/p99;
 *  3. memory of reading the 200-row, 6-page fixture (dna-200), each in a fresh child process: the
 *     kernel's peak RSS (getrusage maxrss, so a peak between samples is not missed) above the process's
 *     RSS before the read, read in a reader thread (as the worker does) and in the process itself.
 *   node --expose-gc --import tsx bench/ai-extraction.ts [runs=20]
 * The children import the built reader (subgraphs/ai/dist, as a deployment runs it) when it exists:
 * run `npm run build` first. Uses an embedded PGlite (or BENCH_DATABASE_URL). Writes bench/results/ai-extraction.json.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..');
const fixture = (name: string) => new Uint8Array(readFileSync(join(root, 'subgraphs', 'ai', 'test', 'fixtures', `${name}.pdf`)));
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** `--memory <thread|inline>`: this process is a child that reads dna-200 once and prints its memory as JSON. */
async function memoryChild(mode: 'thread' | 'inline'): Promise<void> {
  const built = join(root, 'subgraphs', 'ai', 'dist', 'services', 'pdf');
  const from = existsSync(join(built, 'reader-pool.js')) ? built : join(root, 'subgraphs', 'ai', 'src', 'services', 'pdf');
  const ext = from === built ? 'js' : 'ts';
  const load = async <T>(file: string) => (await import(pathToFileURL(join(from, `${file}.${ext}`)).href)) as T;
  const { DEFAULT_PDF_LIMITS } = await load<typeof import('../subgraphs/ai/src/services/pdf/limits.js')>('limits');
  const { PdfReaderPool } = await load<typeof import('../subgraphs/ai/src/services/pdf/reader-pool.js')>('reader-pool');
  const { extractQuotePdf } = await load<typeof import('../subgraphs/ai/src/services/pdf/extract.js')>('extract');
  const quote200 = fixture('dna-200');
  gc();
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const pool = new PdfReaderPool({ maxIdle: 1 });
  const draft = mode === 'thread' ? await pool.read(quote200, DEFAULT_PDF_LIMITS) : await extractQuotePdf(quote200, DEFAULT_PDF_LIMITS);
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  await pool.close();
  console.log(JSON.stringify({
    mode, code: ext === 'js' ? 'dist' : 'src (tsx)', pages: draft.pages, rows: draft.samples.length, ms: Math.round(ms), fileKb: Math.round(quote200.byteLength / 1024),
    rssBeforeMb: mb(before), peakRssMb: mb(peak), peakRssAboveBeforeMb: mb(peak - before),
  }));
}

async function main(): Promise<void> {
  const { machine, printTable, writeResult } = await import('./lib/report.js');
  const { latencyStats, timed } = await import('./lib/stats.js');
  const { createTestDatabase, startTestSubgraph, userPrincipal } = await import('../packages/testing/src/index.js');
  const { aiSubgraph } = await import('../subgraphs/ai/src/server.js');
  const { extractQuotePdf } = await import('../subgraphs/ai/src/services/pdf/extract.js');
  const { DEFAULT_PDF_LIMITS } = await import('../subgraphs/ai/src/services/pdf/limits.js');

  const runs = Number(process.argv[2] ?? 20);
  const quote96 = fixture('dna-jl147');

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
    const get = `query($id: ID!) { extractionJob(id: $id) { status error samples { sampleNumber } } }`;
    const one = async () => {
      const started = performance.now();
      const res = await sg.call(`mutation($b: String!) { startPdfExtraction(input: { pdfBase64: $b, labId: "bench" }) { id } }`, { b: pdfBase64 }, staff);
      const id = res.data!.startPdfExtraction.id as string;
      for (;;) {
        const job = (await sg.call(get, { id }, staff)).data!.extractionJob;
        if (job.status === 'NEEDS_REVIEW') { if (job.samples.length !== 96) throw new Error(`read ${job.samples.length} rows`); break; }
        if (job.status === 'FAILED') throw new Error(`job failed: ${job.error}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return performance.now() - started;
    };
    const ms: number[] = [];
    let firstMs: number;
    try {
      firstMs = await one();
      for (let i = 0; i < runs; i++) ms.push(await one());
    } finally {
      await sg.stop();
      await db.drop();
    }
    return { firstJobMs: Math.round(firstMs), database: db.kind, ...latencyStats(ms) };
  }

  async function memory(mode: 'thread' | 'inline') {
    const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, import.meta.filename, '--memory', mode], { cwd: root, maxBuffer: 1 << 20 });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number | string>;
  }

  const reader = await readerOnly();
  const e2e = await endToEnd();
  const memThread = await memory('thread');
  const memInline = await memory('inline');
  printTable('quote PDF extraction (no Ollama)', ['measure', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'], [
    ['reader only (this process), 5 pages / 96 rows', reader.n, reader.p50, reader.p90, reader.p99, reader.max],
    ['end to end via worker + reader thread, 5 pages / 96 rows', e2e.n, e2e.p50, e2e.p90, e2e.p99, e2e.max],
  ]);
  printTable('memory, 6 pages / 200 rows (fresh process each)', ['read in', 'code', 'rows', 'ms', 'RSS before MB', 'peak RSS MB', 'peak above before MB'], [memThread, memInline].map((m) => [
    String(m.mode), String(m.code), m.rows!, m.ms!, m.rssBeforeMb!, m.peakRssMb!, m.peakRssAboveBeforeMb!,
  ]));
  console.log(`first (cold) read: ${reader.firstRunMs} ms; first job (starts the reader thread): ${e2e.firstJobMs} ms; wrote ${writeResult('ai-extraction', {
    machine: machine(), reader, endToEnd: e2e, memory200: { thread: memThread, inline: memInline },
  })}`);
}

const at = process.argv.indexOf('--memory');
if (at >= 0) await memoryChild(process.argv[at + 1] === 'inline' ? 'inline' : 'thread');
else await main();
