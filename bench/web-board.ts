/// <reference lib="dom" />
/**
 * The dashboard's board page in Debian's chromium with 1,000 samples in the facility (issue 17's
 * budget): first-load JavaScript (bytes and gzip) and time to interactive, over cold page loads.
 *   npm run build && node --import tsx bench/web-board.ts [samples=1000] [loads=5]
 * "Interactive" is when the board has rendered its columns from the API and the main thread has had
 * no long task (>50 ms) since: max(board rendered, end of the last long task). Samples are created
 * through the gateway and 30% / 15% of them are walked past the first / second step (bulk mutations),
 * so several columns are filled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startTestSystem } from '@app/embedded/testing';
import { machine, printTable, writeResult } from './lib/report.js';

const TOTAL = Number(process.argv[2] ?? 1000);
const LOADS = Number(process.argv[3] ?? 5);
const BULK = 96;
const dist = join(import.meta.dirname, '..', 'web', 'dist');

const t = await startTestSystem();
const token = t.admin.token;
const must = async <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const res = await t.gql<T>(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};

const project = await must(`mutation { createProject(input: { name: "Board bench", labId: "lab-bench" }) { id } }`);
const submission = await must(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: project.createProject.id });
const priorities = ['LOW', 'NORMAL', 'NORMAL', 'NORMAL', 'HIGH'];
const added = await must<{ addSamples: { id: string }[] }>(`mutation($s: ID!, $samples: [SampleInput!]!) { addSamples(submissionId: $s, samples: $samples) { id } }`, {
  s: submission.createSubmission.id,
  samples: Array.from({ length: TOTAL }, (_, i) => ({ name: `BENCH-${String(i + 1).padStart(4, '0')}`, sampleType: 'DNA', priority: priorities[i % priorities.length] })),
});
const ids = added.addSamples.map((s) => s.id);
async function waitForQueue(step: string, count: number) {
  for (let i = 0; i < 600; i++) {
    const q = await must(`query($s: WorkflowStepName!) { workQueue(step: $s, first: 1) { totalCount } }`, { s: step });
    if (q.workQueue.totalCount >= count) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${step} never reached ${count} samples`);
}
await waitForQueue('SAMPLE_QC', TOTAL);

const RESULTS: Record<string, Record<string, unknown>> = {
  SAMPLE_QC: { sampleQc: { qubitNgPerUl: 40, volumeUl: 30 } },
  LIBRARY_PREP: { libraryPrep: { kitCode: 'SQK-LSK114', inputNg: 1000, meanFragmentLengthBp: 8000 } },
};
async function walk(step: string, sampleIds: string[]) {
  for (let i = 0; i < sampleIds.length; i += BULK) {
    const batch = sampleIds.slice(i, i + BULK);
    await must(`mutation($in: [StartStepInput!]!) { startSteps(inputs: $in) { ok } }`, { in: batch.map((sampleId) => ({ sampleId, step })) });
    const done = await must(`mutation($in: [CompleteStepInput!]!) { completeSteps(inputs: $in) { ok error { message } } }`,
      { in: batch.map((sampleId) => ({ sampleId, step, results: RESULTS[step] })) });
    const failed = done.completeSteps.filter((r: { ok: boolean }) => !r.ok);
    if (failed.length) throw new Error(`${step}: ${JSON.stringify(failed[0])}`);
  }
}
await walk('SAMPLE_QC', ids.slice(0, Math.round(TOTAL * 0.3)));
await walk('LIBRARY_PREP', ids.slice(0, Math.round(TOTAL * 0.15)));
await waitForQueue('LIBRARY_QC', Math.round(TOTAL * 0.15));

const login = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken expiresAt refreshExpiresAt } }`,
  { e: t.admin.email, p: t.admin.password });
const stored = JSON.stringify({ ...login.data!.login, obtainedAt: Date.now() });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });

interface Load { domContentLoadedMs: number; boardRenderedMs: number; lastLongTaskEndMs: number; interactiveMs: number; longTasks: number; cards: number; scripts: string[] }
async function coldLoad(): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript((session) => {
    localStorage.setItem('nanopore.session', session);
    (window as any).__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) (window as any).__longTasks.push(e.startTime + e.duration); }).observe({ type: 'longtask', buffered: true });
  }, stored);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (req) => { if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname); });
  await page.goto(`${t.url}/board`);
  await page.waitForFunction(() => document.querySelectorAll('.card').length > 0 && document.querySelector('[data-testid="count-SAMPLE_QC"]')?.textContent !== '0');
  const boardRenderedMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1_500); // let any trailing long task land before reading them
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const tasks = (window as any).__longTasks as number[];
    return { domContentLoadedMs: nav.domContentLoadedEventEnd, lastLongTaskEndMs: tasks.length ? Math.max(...tasks) : 0, longTasks: tasks.length, cards: document.querySelectorAll('.card').length };
  });
  await context.close();
  return { ...timing, boardRenderedMs, interactiveMs: Math.max(boardRenderedMs, timing.lastLongTaskEndMs), scripts };
}

await coldLoad(); // warm the server's caches once; the browser context is new each time
const loads: Load[] = [];
for (let i = 0; i < LOADS; i++) loads.push(await coldLoad());
await browser.close();
await t.stop();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const scripts = [...new Set(loads[0]!.scripts)];
const sizes = scripts.map((path) => {
  const bytes = readFileSync(join(dist, path.replace(/^\//, '')));
  return { path, bytes: bytes.length, gzip: gzipSync(bytes).length };
});
const js = { bytes: sizes.reduce((n, s) => n + s.bytes, 0), gzip: sizes.reduce((n, s) => n + s.gzip, 0) };
printTable(`board first load: ${scripts.length} scripts`, ['script', 'bytes', 'gzip'], [...sizes.map((s) => [s.path, s.bytes, s.gzip]), ['total', js.bytes, js.gzip]]);
const figures = {
  domContentLoadedMs: median(loads.map((l) => l.domContentLoadedMs)),
  boardRenderedMs: median(loads.map((l) => l.boardRenderedMs)),
  interactiveMs: median(loads.map((l) => l.interactiveMs)),
  longTasks: median(loads.map((l) => l.longTasks)),
  cards: loads[0]!.cards,
};
printTable(`board with ${TOTAL} samples, median of ${LOADS} cold loads (ms since navigation start)`, ['DOMContentLoaded', 'board rendered', 'time to interactive', 'long tasks', 'cards shown'],
  [[figures.domContentLoadedMs.toFixed(0), figures.boardRenderedMs.toFixed(0), figures.interactiveMs.toFixed(0), figures.longTasks, figures.cards]]);
console.log(`results: ${writeResult('web-board', { machine: machine(), samples: TOTAL, loads: LOADS, js, scripts: sizes, figures, all: loads })}`);
