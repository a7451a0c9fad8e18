/**
 * File uploads and downloads (issue 11 acceptance):
 *   npm run build && node --import tsx bench/file-uploads.ts [sizesMb=1,200]
 * For each size: a GraphQL multipart upload by curl (`-F operations -F map -F 0=@file`) and a
 * signed-URL download by curl, once through the gateway (whole system in one process) and once
 * straight to the files subgraph (alone in its process). Each server runs in a child process of
 * its own that samples its RSS every 20 ms, so the peak is the server's alone (curl is another
 * process). Throughput is MB/s of file bytes; the download's SHA-256 is checked against the upload.
 * No virus scanning (CLAMD_URL unset); local-disk storage in a temp folder. Database: TEST_DATABASE_URL, else PGlite.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { machine, printTable, writeResult } from './lib/report.js';

const run = promisify(execFile);
const MB = 1024 * 1024;

interface CaseResult { sizeMb: number; uploadMBps: number; downloadMBps: number; uploadS: number; downloadS: number; hashOk: boolean; peakUploadRssMb: number; peakDownloadRssMb: number; liveBuffersUploadMb: number; liveBuffersDownloadMb: number }
interface ModeResult { mode: string; baselineRssMb: number; baselineBuffersMb: number; cases: CaseResult[] }

/** A PDF-looking file of `bytes` (random body), written in 1 MB blocks; returns its SHA-256. */
async function makeFile(path: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const head = Buffer.from('%PDF-1.7\n');
  hash.update(head);
  out.write(head);
  for (let left = bytes - head.length; left > 0; left -= MB) {
    const block = randomBytes(Math.min(MB, left));
    hash.update(block);
    if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return hash.digest('hex');
}

const sha256sum = async (path: string) => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
};

/** Child process: starts the server side of `mode`, then uploads and downloads each file with curl. */
async function child(mode: 'gateway' | 'direct', files: { path: string; sizeMb: number; sha256: string }[]): Promise<ModeResult> {
  const limits = { FILES_MAX_BYTES: String(256 * MB), FILES_MAX_REQUEST_BYTES: String(256 * MB), UPLOAD_MAX_FILE_BYTES: String(256 * MB), UPLOAD_MAX_REQUEST_BYTES: String(260 * MB) };
  const dir = await mkdtemp(join(tmpdir(), 'bench-files-'));
  let post: { url: string; headers: string[]; base: string; stop: () => Promise<void> };
  if (mode === 'gateway') {
    const { startTestSystem } = await import('@app/embedded/testing');
    const t = await startTestSystem({ env: { ...limits, FILES_DIR: dir } });
    const staff = await t.createUser('STAFF');
    post = { url: `${t.url}/graphql`, headers: [`Authorization: Bearer ${staff.token}`], base: t.url, stop: () => t.stop() };
  } else {
    const { startTestSubgraph, userPrincipal } = await import('@app/testing');
    const { filesSubgraph } = await import('@app/subgraph-files');
    const { INTERNAL_TOKEN_HEADER } = await import('@app/common');
    const sg = await startTestSubgraph(filesSubgraph, { env: { ...limits, FILES_DIR: dir } });
    const token = await sg.issuer.issue('files', userPrincipal('STAFF'), { ip: '127.0.0.1', userAgent: 'bench' });
    post = { url: `${sg.running.url}/graphql`, headers: [`${INTERNAL_TOKEN_HEADER}: ${token}`], base: sg.running.url, stop: () => sg.stop() };
  }
  global.gc?.();
  const rss = () => process.memoryUsage().rss / MB;
  const baselineRssMb = rss();
  const baselineBuffersMb = Math.round(process.memoryUsage().arrayBuffers / MB);
  const cases: CaseResult[] = [];
  for (const file of files) {
    let peak = rss();
    let peakBuffers = 0;
    let ticks = 0;
    // Every 0.5 s a full GC, then the Buffer memory still alive: what the transfer really holds.
    const sampler = setInterval(() => {
      peak = Math.max(peak, rss());
      if (++ticks % 25 !== 0 || !global.gc) return;
      global.gc();
      peakBuffers = Math.max(peakBuffers, process.memoryUsage().arrayBuffers / MB);
    }, 20);
    const query = 'mutation($f: Upload!, $to: AttachToInput!) { uploadFile(file: $f, attachTo: $to, kind: QC_REPORT, labId: "lab-bench") { id byteSize sha256 downloadUrl } }';
    const operations = JSON.stringify({ query, variables: { f: null, to: { sampleId: randomUUID() } } });
    const up = await curl(['-X', 'POST', post.url, '-H', 'Apollo-Require-Preflight: true', ...post.headers.flatMap((h) => ['-H', h]),
      '-F', `operations=${operations}`, '-F', 'map={"0":["variables.f"]}', '-F', `0=@${file.path};type=application/pdf`]);
    const body = JSON.parse(up.body);
    if (!body.data?.uploadFile) throw new Error(`upload failed: ${up.body.slice(0, 500)}`);
    const peakUpload = peak;
    const buffersUpload = peakBuffers;
    peak = rss();
    peakBuffers = 0;
    const url = new URL(body.data.uploadFile.downloadUrl, 'http://x');
    const target = join(dir, `download-${file.sizeMb}`);
    const down = await curl([`${post.base}${url.pathname}${url.search}`, '-o', target]);
    clearInterval(sampler);
    const hashOk = body.data.uploadFile.sha256 === file.sha256 && (await sha256sum(target)) === file.sha256;
    await rm(target);
    cases.push({
      sizeMb: file.sizeMb, uploadS: round(up.seconds), downloadS: round(down.seconds), hashOk, peakUploadRssMb: Math.round(peakUpload), peakDownloadRssMb: Math.round(peak), liveBuffersUploadMb: Math.round(buffersUpload), liveBuffersDownloadMb: Math.round(peakBuffers),
      uploadMBps: round(file.sizeMb / up.seconds), downloadMBps: round(file.sizeMb / down.seconds),
    });
  }
  await post.stop();
  await rm(dir, { recursive: true, force: true });
  return { mode, baselineRssMb: Math.round(baselineRssMb), baselineBuffersMb, cases };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** curl in its own process; `time_total` is its own measure of the transfer. */
async function curl(args: string[]): Promise<{ body: string; seconds: number }> {
  const { stdout } = await run('curl', ['-sS', '-w', '\n%{time_total}', ...args], { maxBuffer: 4 * MB });
  const cut = stdout.lastIndexOf('\n');
  return { body: stdout.slice(0, cut), seconds: Number(stdout.slice(cut + 1)) };
}

if (process.argv[2] === '--child') {
  const result = await child(process.argv[3] as 'gateway' | 'direct', JSON.parse(process.argv[4]!));
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

const sizes = (process.argv[2] ?? '1,200').split(',').map(Number);
const work = await mkdtemp(join(tmpdir(), 'bench-upload-src-'));
const files: { path: string; sizeMb: number; sha256: string }[] = [];
for (const sizeMb of sizes) {
  const path = join(work, `file-${sizeMb}mb.pdf`);
  files.push({ path, sizeMb, sha256: await makeFile(path, sizeMb * MB) });
}
console.log(`file-uploads benchmark: ${sizes.join(', ')} MB; database ${process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite'}`);

const modes: ModeResult[] = [];
for (const mode of (process.env.BENCH_MODES ?? 'gateway,direct').split(',') as ('gateway' | 'direct')[]) {
  const out = await new Promise<string>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--child', mode, JSON.stringify(files)], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'warn' } });
    let text = '';
    proc.stdout.on('data', (d: Buffer) => { text += d.toString(); });
    proc.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`${mode} child exited ${code}: ${text.slice(-2000)}`))));
  });
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no result from ${mode}: ${out.slice(-2000)}`);
  modes.push(JSON.parse(line.slice('RESULT '.length)) as ModeResult);
}
await rm(work, { recursive: true, force: true });

printTable('uploads and downloads (MB/s of file bytes; peak RSS of the serving process)', ['path', 'size MB', 'upload MB/s', 'download MB/s', 'baseline RSS MB', 'baseline Buffers MB', 'peak RSS upload', 'peak RSS download', 'live Buffers up', 'live Buffers down', 'hash ok'],
  modes.flatMap((m) => m.cases.map((c) => [m.mode, c.sizeMb, c.uploadMBps, c.downloadMBps, m.baselineRssMb, m.baselineBuffersMb, c.peakUploadRssMb, c.peakDownloadRssMb, c.liveBuffersUploadMb, c.liveBuffersDownloadMb, String(c.hashOk)])));
const file = writeResult('file-uploads', { machine: machine(), database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite', modes });
console.log(`results: ${file}`);
if (modes.some((m) => m.cases.some((c) => !c.hashOk))) process.exitCode = 1;
