/// <reference lib="dom" />
// The pages added after the first dashboard, in a real browser (Debian's chromium) against the whole
// system on a fresh database: a staff member assigns queue work to another staff member, an intake
// sheet of more than 100 rows is paged through and followed live while it commits, and a quote PDF
// from the ai fixtures is read, followed live, corrected and accepted on the PDF review page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { WEB_DIR, ensureWebBuilt, launchBrowser, screenshot, signIn, watchErrors, type BrowserHandle } from './harness.js';

const LAB = 'lab-review';
const PDF = join(WEB_DIR, '..', 'subgraphs', 'ai', 'test', 'fixtures', 'dna-single.pdf');
const SHEET_ROWS = 150;

let t: TestSystem;
let staff: TestUser;
let colleague: TestUser;
let submitter: TestUser;
let browser: BrowserHandle;
let ctx: BrowserContext;
let page: Page;
let seen: string[];
let submissionId: string;

async function gqlOk<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await t.gql<T>(query, variables, t.admin.token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

beforeAll(async () => {
  ensureWebBuilt();
  t = await startTestSystem();
  staff = await t.createUser('STAFF');
  colleague = await t.createUser('STAFF');
  submitter = await t.createUser('SUBMITTER', LAB);
  const project = await gqlOk(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { name: 'Review genomes', labId: LAB } });
  const submission = await gqlOk(`mutation($i: CreateSubmissionInput!) { createSubmission(input: $i) { id } }`, { i: { projectId: project.createProject.id } });
  submissionId = submission.createSubmission.id;
  await gqlOk(`mutation { createBillingAccount(input: { code: "NANO-202", labId: "${LAB}" }) { id } }`);
  browser = await launchBrowser();
  ctx = await browser.newContext();
  page = await ctx.newPage();
  seen = watchErrors(page);
  await signIn(page, t.url, staff.email, staff.password);
}, 180_000);

afterEach(async () => { await screenshot(page, 'last-review-page').catch(() => undefined); });

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** The display name createUser gave a user (read back, so the test does not guess it). */
async function nameOf(user: TestUser): Promise<string> {
  return (await gqlOk(`query($id: ID!) { user(id: $id) { name } }`, { id: user.id })).user.name;
}

describe('queue assignment, long intake sheets and PDF review in chromium', () => {
  it('assigns a sample to another staff member from the queue, and starting keeps that assignee', async () => {
    await gqlOk(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "ASSIGN-1", sampleType: DNA }]) { id } }`, { s: submissionId });
    const other = await nameOf(colleague);
    await page.goto(`${t.url}/queue?step=SAMPLE_QC`);
    const row = page.locator('tr[data-sample="ASSIGN-1"]');
    const select = row.getByLabel('Assignee for ASSIGN-1');
    // The choices come from the staff list through the public `users` query; both test users share a
    // display name, so the list tells them apart by email.
    const option = select.locator(`option[value="${colleague.id}"]`);
    await option.waitFor({ state: 'attached' });
    const label = (await option.textContent())!;
    expect(label).toBe(`${other} <${colleague.email}>`);
    await select.selectOption(colleague.id);
    await page.getByText(`Assigned ASSIGN-1 to ${label}`).waitFor();
    // The queue is read again after the change: the row now shows the colleague.
    await page.waitForFunction((id) => (document.querySelector('tr[data-sample="ASSIGN-1"] select') as HTMLSelectElement | null)?.value === id, colleague.id, { timeout: 15_000 });
    await screenshot(page, '16-queue-assigned');
    await row.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Started ASSIGN-1').waitFor();
    const queue = await gqlOk(`{ workQueue(step: SAMPLE_QC, first: 50) { edges { node { sample { name } assignee { id } step { status } } } } }`);
    const item = queue.workQueue.edges.map((e: any) => e.node).find((n: any) => n.sample.name === 'ASSIGN-1');
    expect(item).toMatchObject({ assignee: { id: colleague.id }, step: { status: 'IN_PROGRESS' } });
    // The colleague sees it as theirs.
    const mine = await t.gql(`{ myWork(first: 20) { edges { node { sample { name } } } } }`, {}, colleague.token);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myWork.edges.map((e: any) => e.node.sample.name)).toContain('ASSIGN-1');
  });

  it(`pages through all ${SHEET_ROWS} rows of a sheet and follows its commit live`, async () => {
    const lines = ['sample_name,submitter_name,submitter_email,sample_type,chart_field,concentration,volume'];
    for (let i = 1; i <= SHEET_ROWS; i++) lines.push(`LONG-${String(i).padStart(3, '0')},Ada Lovelace,ada@lab-review.test,DNA,NANO-202,${i === 150 ? 'abc' : '40'},20`);
    // What the gateway's graphql-ws socket delivers to the page: the job's progress must arrive there.
    const frames: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (f) => { if (typeof f.payload === 'string' && f.payload.includes('intakeProgress')) frames.push(f.payload); }));
    await page.goto(`${t.url}/intake?submission=${submissionId}`);
    await page.getByLabel('Sample sheet').setInputFiles({ name: 'long-sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    const job = page.getByTestId('intake-job');
    await job.getByTestId('intake-counts').filter({ hasText: `${SHEET_ROWS} rows` }).waitFor({ timeout: 60_000 });
    await job.getByRole('heading', { name: /: Validated$/ }).waitFor({ timeout: 60_000 });
    // First page: rows 2-101 of the sheet (row 1 is the header); the rest is one cursor away.
    await job.locator('tr[data-row="101"]').waitFor();
    await expect(job.locator('tr[data-row]').count()).resolves.toBe(100);
    await expect(job.locator('tr[data-row="102"]').count()).resolves.toBe(0);
    await job.getByText(`100 shown of ${SHEET_ROWS}`).waitFor();
    await job.getByRole('button', { name: 'Next page' }).click();
    await job.locator('tr[data-row="151"]').waitFor();
    await expect(job.locator('tr[data-row]').count()).resolves.toBe(SHEET_ROWS - 100);
    expect(new URL(page.url()).searchParams.get('rows')).toBeTruthy();
    await expect(job.locator('tr[data-row="151"]').getAttribute('data-status')).resolves.toBe('INVALID');
    await screenshot(page, '17-intake-second-page');
    // Only the rows with problems, bookmarkable.
    await job.getByLabel('Rows to show').selectOption('INVALID');
    await job.getByText('1 shown of 1').waitFor();
    await job.getByRole('button', { name: 'Exclude row 151' }).click();
    await job.getByText('0 shown of 0').waitFor();
    await job.getByLabel('Rows to show').selectOption('');
    await job.getByText(`100 shown of ${SHEET_ROWS}`).waitFor();
    // Commit: progress arrives over intakeProgress (no polling), and the page settles on its own.
    await job.getByRole('button', { name: 'Commit valid rows' }).click();
    await job.getByRole('heading', { name: /: Committed$/ }).waitFor({ timeout: 120_000 });
    // The settled state reached the page over the socket (reports in between may be coalesced: the
    // gateway keeps only the latest per subscriber).
    expect(frames.some((f) => f.includes('"COMMITTED"'))).toBe(true);
    await job.getByTestId('intake-counts').filter({ hasText: `${SHEET_ROWS - 1} committed` }).waitFor({ timeout: 30_000 });
    await job.locator('tr[data-row="2"][data-status="COMMITTED"]').getByRole('link', { name: 'LONG-001' }).waitFor({ timeout: 30_000 });
    await screenshot(page, '18-intake-committed-live');
  }, 240_000);

  it('reads a quote PDF, follows it live, shows each field with its confidence and origin, takes a correction and accepts it', async () => {
    await page.goto(`${t.url}/review`);
    await page.getByRole('heading', { name: 'PDF quote review' }).waitFor();
    await page.getByText('No quotes are waiting for review.').waitFor();
    const form = page.getByRole('form', { name: 'Read a quote PDF' });
    await form.getByLabel('Quote PDF').setInputFiles({ name: 'dna-single.pdf', mimeType: 'application/pdf', buffer: readFileSync(PDF) });
    await form.getByLabel('Lab id').fill(LAB);
    await form.getByRole('button', { name: 'Read the PDF' }).click();
    const job = page.getByTestId('extraction-job');
    await job.getByRole('heading', { name: /^dna-single\.pdf: / }).waitFor();
    await screenshot(page, '19-review-reading');
    await page.locator('[data-testid="extraction-job"][data-status="NEEDS_REVIEW"]').waitFor({ timeout: 180_000 });
    const requester = job.locator('tr[data-field="requester"]');
    await requester.getByText('Ana Bell').waitFor();
    await expect(requester.locator('.badge').textContent()).resolves.toMatch(/^\d{1,3}%$/);
    await expect(requester.textContent()).resolves.toMatch(/page \d+, /);
    await expect(job.locator('table.extraction-samples tbody tr[data-sample-number]').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, '20-review-fields');
    // A reviewer's correction: the value changes and says it came from a reviewer.
    await requester.getByRole('button', { name: 'Correct requester' }).click();
    const edit = job.getByRole('form', { name: 'Correct requester' });
    await edit.getByLabel('requester').fill('Ana Bell-Moreno');
    await edit.getByRole('button', { name: 'Save correction' }).click();
    await requester.getByText('Ana Bell-Moreno').waitFor();
    await requester.getByText(/reviewer/).waitFor();
    // The job is listed as needing review until it is accepted.
    await page.goto(`${t.url}/review`);
    await page.locator('tr[data-job="dna-single.pdf"]').getByRole('link', { name: 'dna-single.pdf' }).click();
    await job.getByRole('button', { name: 'Accept' }).click();
    await page.locator('[data-testid="extraction-job"][data-status="ACCEPTED"]').waitFor();
    await page.getByText('No quotes are waiting for review.').waitFor();
    await screenshot(page, '21-review-accepted');
    const accepted = await gqlOk(`{ extractionJobs(filter: { status: ACCEPTED }) { edges { node { filename results { fieldName value source } } } } }`);
    const fields = accepted.extractionJobs.edges[0].node.results as { fieldName: string; value: string; source: string }[];
    expect(fields.find((f) => f.fieldName === 'requester')).toMatchObject({ value: 'Ana Bell-Moreno', source: 'MANUAL' });
    expect(seen.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
  }, 240_000);

  it('hides the PDF review from roles that may not use it', async () => {
    const other = await browser.newContext();
    const p = await other.newPage();
    await signIn(p, t.url, submitter.email, submitter.password);
    await p.getByRole('link', { name: 'Intake' }).waitFor();
    await expect(p.getByRole('link', { name: 'PDF review' }).count()).resolves.toBe(0);
    await p.goto(`${t.url}/review`);
    await p.getByText('Reviewing PDF quotes is for facility staff.').waitFor();
    await p.goto(`${t.url}/queue?step=SAMPLE_QC`);
    await p.getByRole('heading', { name: 'Queue: Sample QC' }).waitFor();
    await expect(p.getByLabel(/^Assignee for /).count()).resolves.toBe(0);
    await other.close();
  });
});
