/// <reference lib="dom" />
// The dashboard in a real browser (Debian's chromium) against the whole system on a fresh database:
// sign in, create a sample, walk it through the 8 steps from the queue page while a second browser
// on the board sees it move live, fail a QC step and override it, upload a CSV, download an export.
// Every page is photographed into web/test/screenshots/.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { ensureWebBuilt, launchBrowser, screenshot, signIn, watchErrors, type BrowserHandle } from './harness.js';

const SAMPLE = 'WEB-001';
const SHA = 'a'.repeat(64);

/** What a technician types to complete each step (LIBRARY_QC is first failed on purpose). */
const STEP_VALUES: Record<string, Record<string, string>> = {
  SAMPLE_QC: { 'Qubit (ng/µl)': '52', 'Volume (µl)': '30', 'A260/280': '1.85' },
  LIBRARY_PREP: { 'Kit code': 'SQK-LSK114', 'Input (ng)': '1000', 'Mean fragment length (bp)': '8000' },
  LIBRARY_QC: { 'Concentration (ng/µl)': '12', 'Loaded (fmol)': '20' },
  SEQUENCING_SETUP: { Position: '1A', 'Flow cell id': 'PAW12345', 'Flow cell product': 'FLO-PRO114M', 'Pores at check': '7200' },
  SEQUENCING_RUN: { 'Run id': 'run-web-001', 'Started at': '2026-12-01T09:30' },
  BASECALLING: { Software: 'dorado', Model: 'dna_r10.4.1_e8.2_400bps_sup@v5.0.0' },
  QUALITY_ASSESSMENT: { 'Mean Q': '18.5' },
  DATA_DELIVERY: { Location: '/data/deliveries/web-001', 'Delivered files': `reads.fastq.gz 1048576 ${SHA}` },
};
const SELECTS: Record<string, Record<string, string>> = { SEQUENCING_SETUP: { Device: 'PROMETHION' }, DATA_DELIVERY: { Method: 'ITS_STORAGE' } };
const STEPS = Object.keys(STEP_VALUES);

let t: TestSystem;
let viewer: TestUser;
let browser: BrowserHandle;
let staffCtx: BrowserContext;
let boardCtx: BrowserContext;
let page: Page;
let board: Page;

beforeAll(async () => {
  ensureWebBuilt();
  t = await startTestSystem();
  viewer = await t.createUser('VIEWER');
  browser = await launchBrowser();
  staffCtx = await browser.newContext();
  boardCtx = await browser.newContext();
  page = await staffCtx.newPage();
  board = await boardCtx.newPage();
  for (const p of [page, board]) { const seen = watchErrors(p); (p as Page & { seen?: string[] }).seen = seen; }
}, 180_000);

// What each browser showed when a test ended: the first thing to look at when one fails in CI.
afterEach(async () => {
  await screenshot(page, 'last-staff-page').catch(() => undefined);
  await screenshot(board, 'last-board-page').catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const pageErrors = (p: Page) => ((p as Page & { seen?: string[] }).seen ?? []).filter((e) => !/401|Unauthorized/.test(e));

async function fillStep(step: string) {
  const form = page.getByRole('form', { name: `Results for ${step}` });
  for (const [label, value] of Object.entries(STEP_VALUES[step]!)) await form.getByLabel(label, { exact: false }).first().fill(value);
  for (const [label, value] of Object.entries(SELECTS[step] ?? {})) await form.getByLabel(label).selectOption(value);
  return form;
}

async function boardShows(step: string, sample = SAMPLE) {
  await board.locator(`[data-step="${step}"] [data-sample="${sample}"]`).waitFor({ timeout: 15_000 });
}

describe('the dashboard in chromium', () => {
  it('signs in and shows the empty board, with the offline explorer and the Sandbox reachable', async () => {
    await page.goto(`${t.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, '01-login');
    await signIn(page, t.url, t.admin.email, t.admin.password);
    expect(page.url()).toMatch(/\/board$/);
    await page.getByText('Nothing waiting').first().waitFor();
    await screenshot(page, '02-board-empty');
    const sandbox = await fetch(`${t.url}/sandbox`, { headers: { accept: 'text/html' } });
    expect(await sandbox.text()).toContain('embeddable-sandbox');
  });

  it('creates a project, a submission and a sample through the pages', async () => {
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByText('New project').click();
    await page.getByLabel('Name').fill('Browser test genomes');
    await page.getByLabel('Lab id').fill('lab-web');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('status').filter({ hasText: 'Created project Browser test genomes' }).waitFor();
    await page.getByRole('link', { name: 'Browser test genomes' }).waitFor();
    await screenshot(page, '03-projects');

    await page.getByRole('link', { name: 'Submissions' }).click();
    await page.getByText('New submission').click();
    await page.getByLabel('Project').selectOption({ label: 'Browser test genomes (lab-web)' });
    await page.getByLabel('Priority').selectOption('HIGH');
    await page.getByRole('button', { name: 'Create submission' }).click();
    await page.getByRole('heading', { name: /^Submission / }).waitFor();
    const form = page.getByRole('form', { name: 'Add a sample' });
    await form.getByLabel('Name').fill(SAMPLE);
    await form.getByLabel('Priority').selectOption('URGENT');
    await form.getByLabel('Assignee').selectOption({ label: 'Administrator' });
    await form.getByLabel('Qubit ng/µl').fill('52');
    await form.getByLabel('Volume µl').fill('30');
    await form.getByRole('button', { name: 'Add sample' }).click();
    await page.getByRole('link', { name: SAMPLE }).waitFor();
    await screenshot(page, '04-submission');
  });

  it('walks the sample through all 8 steps from the queue while a second browser sees it move live', async () => {
    await signIn(board, t.url, t.admin.email, t.admin.password);
    await boardShows('SAMPLE_QC');
    await screenshot(board, '05-board-live');
    // Make the board believe its access token expires in a minute: it must rotate the refresh token
    // silently (a real refreshSession call) and keep its live feed while the sample moves.
    const firstRefreshToken = await board.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('nanopore.session')!);
      localStorage.setItem('nanopore.session', JSON.stringify({ ...stored, expiresAt: new Date(Date.now() + 62_000).toISOString(), obtainedAt: Date.now() - 600_000 }));
      return stored.refreshToken as string;
    });
    await board.reload();
    await boardShows('SAMPLE_QC');

    for (const [i, step] of STEPS.entries()) {
      await page.goto(`${t.url}/queue?step=${step}`);
      const row = page.locator(`tr[data-sample="${SAMPLE}"]`);
      await row.getByRole('button', { name: 'Start' }).click();
      await row.getByRole('button', { name: 'Complete…' }).click();
      if (step === 'LIBRARY_QC') {
        // Too much library loaded: the QC gate fails the step, and an ADMIN overrides it.
        const form = await fillStep(step);
        await form.getByLabel('Loaded (fmol)').fill('80');
        await form.getByRole('button', { name: 'Complete step' }).click();
        await page.getByText(`${SAMPLE} failed QC: fmolLoaded 80 is above 50`).waitFor();
        await row.getByText('QC fail').waitFor();
        await screenshot(page, '07-queue-qc-failed');
        await row.getByRole('button', { name: 'Override…' }).click();
        await page.getByLabel('Reason').fill('Re-quantified on the Qubit: 20 fmol loaded');
        // An override is e-signed: the admin re-enters their password (21 CFR Part 11).
        await page.getByLabel('Password to sign').fill(t.admin.password);
        await page.getByRole('button', { name: `Override ${SAMPLE}` }).click();
        await page.getByText(`Override: ${SAMPLE}`).waitFor();
      } else {
        const form = await fillStep(step);
        if (i === 0) await screenshot(page, '06-queue-complete-form');
        await form.getByRole('button', { name: 'Complete step' }).click();
        await page.getByText(`Completed ${SAMPLE}`).waitFor();
      }
      if (i + 1 < STEPS.length) await boardShows(STEPS[i + 1]!);
    }
    await board.locator(`[data-sample="${SAMPLE}"]`).waitFor({ state: 'detached', timeout: 15_000 });
    await expect(board.getByTestId('live-status').textContent()).resolves.toContain(SAMPLE);
    await screenshot(board, '08-board-after-delivery');

    // The board rotated its refresh token on its own and holds a fresh access token.
    const last = await board.evaluate(() => JSON.parse(localStorage.getItem('nanopore.session')!) as { refreshToken: string; expiresAt: string });
    expect(last.refreshToken).not.toEqual(firstRefreshToken);
    expect(Date.parse(last.expiresAt) - Date.now()).toBeGreaterThan(5 * 60_000);
    expect(pageErrors(board)).toEqual([]);
  }, 240_000);

  it('starts and completes a plate of samples at once from the queue', async () => {
    const subs = await t.gql(`{ submissions(first: 1) { edges { node { id } } } }`, {}, t.admin.token);
    const added = await t.gql(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "PLATE-A1", sampleType: DNA }, { name: "PLATE-A2", sampleType: DNA }]) { id } }`,
      { s: subs.data!.submissions.edges[0].node.id }, t.admin.token);
    expect(added.errors).toBeUndefined();
    await page.goto(`${t.url}/queue?step=SAMPLE_QC`);
    await page.locator('tr[data-sample="PLATE-A2"]').waitFor();
    await page.getByRole('button', { name: 'Select all on page' }).click();
    await page.getByRole('button', { name: 'Start selected' }).click();
    await page.getByText('Started 2 samples').waitFor();
    await page.getByRole('button', { name: 'Select all on page' }).click();
    await page.getByRole('button', { name: 'Complete selected…' }).click();
    const form = await fillStep('SAMPLE_QC');
    await form.getByRole('button', { name: 'Complete 2 samples' }).click();
    await page.getByText('Completed 2 samples').waitFor();
    await boardShows('LIBRARY_PREP', 'PLATE-A1');
    await boardShows('LIBRARY_PREP', 'PLATE-A2');
  });

  it('shows the sample with its 8 steps, results, the override and its history', async () => {
    await page.goto(`${t.url}/submissions`);
    await page.getByRole('link', { name: /^SUB-/ }).first().click();
    await page.getByRole('link', { name: SAMPLE }).click();
    await page.getByTestId('progress-text').filter({ hasText: '8 of 8 steps done' }).waitFor();
    await expect(page.locator('li.step').count()).resolves.toBe(8);
    await page.locator('[data-step="LIBRARY_QC"]').getByText('Overridden').waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await screenshot(page, '09-sample');
  });

  it('previews a CSV sample sheet, shows the per-row errors, excludes the bad row and commits the rest as samples', async () => {
    // The sheet's chart_field must be a billing account of the submission's lab for a row to be valid.
    const account = await t.gql(`mutation { createBillingAccount(input: { code: "NANO-101", labId: "lab-web" }) { id } }`, {}, t.admin.token);
    expect(account.errors).toBeUndefined();
    await page.goto(`${t.url}/intake`);
    await page.getByLabel('Submission').selectOption({ index: 1 });
    const csv = ['sample_name,submitter_name,submitter_email,sample_type,chart_field,concentration,volume',
      'CSV-001,Ada Lovelace,ada@lab-web.test,DNA,NANO-101,45,20', 'CSV-002,Ada Lovelace,ada@lab-web.test,RNA,NANO-101,30,15', 'CSV-003,Ada Lovelace,not-an-email,PLASMA,BUDGET,abc,10'].join('\n');
    await page.getByLabel('Sample sheet').setInputFiles({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('csv-preview').getByText('CSV-003').waitFor();
    await page.getByRole('button', { name: 'Upload and check' }).click();
    const job = page.getByTestId('intake-job');
    await job.getByText(/3\s*rows/).waitFor();
    await job.locator('tr.is-invalid').first().waitFor();
    await expect(job.locator('tr.is-invalid').count()).resolves.toBeGreaterThan(0);
    const bad = job.locator('tr[data-row="4"]');
    await bad.getByText(/concentration: /).waitFor();
    await screenshot(page, '10-intake');
    // Fix one cell: the row is checked again and that problem goes, the others stay.
    await job.getByRole('button', { name: 'Fix row 4' }).click();
    await job.getByRole('form', { name: 'Fix row 4' }).getByLabel('concentration').fill('45');
    await job.getByRole('button', { name: 'Save and check' }).click();
    await job.getByRole('form', { name: 'Fix row 4' }).waitFor({ state: 'detached' });
    await expect(bad.getByText(/concentration: /).count()).resolves.toBe(0);
    await job.getByRole('button', { name: 'Exclude row 4' }).click();
    await job.locator('tr[data-row="4"][data-status="EXCLUDED"]').waitFor();
    await job.getByRole('button', { name: 'Commit valid rows' }).click();
    const heading = job.getByRole('heading', { name: /: (Committed|Partially committed|Failed)$/ });
    await heading.waitFor({ timeout: 30_000 });
    await screenshot(page, '10-intake-committed');
    await expect(job.textContent()).resolves.toMatch(/: Committed/);
    await job.locator('tr[data-row="2"][data-status="COMMITTED"]').getByRole('link', { name: 'CSV-001' }).waitFor();
    await expect(job.locator('tr[data-status="COMMITTED"]').count()).resolves.toBe(2);
    const submissionId = new URL(page.url()).searchParams.get('submission');
    await page.goto(`${t.url}/submissions/${submissionId}`);
    for (const name of ['CSV-001', 'CSV-002']) await page.getByRole('link', { name }).waitFor();
  });

  it('runs an export, watches it finish and downloads it, and offers a stable BI URL', async () => {
    await page.goto(`${t.url}/export?kind=samples&format=CSV`);
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.getByTestId('export-job').getByText('SUCCEEDED').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain(SAMPLE);
    await expect(page.getByTestId('bi-url').inputValue()).resolves.toBe(`${t.url}/exports/samples.csv`);
    await screenshot(page, '11-exports');
  });

  it('draws the weekly chart and verifies the audit chain', async () => {
    await page.goto(`${t.url}/trends`);
    await page.locator('.chart canvas').waitFor();
    await screenshot(page, '12-trends');
    await page.goto(`${t.url}/admin`);
    await page.getByRole('button', { name: 'Verify the audit chain' }).click();
    await page.getByText(/Intact: \d+ entries checked/).waitFor();
    await page.getByText('No dead letters').waitFor();
    await screenshot(page, '13-admin');
    await page.goto(`${t.url}/graphiql`);
    await page.locator('.graphiql-container').waitFor();
    // The explorer runs on the dashboard's session, offline: the query answers from this gateway.
    // Under load the editor can mount after the container; run only once it holds the default query.
    await page.locator('.graphiql-query-editor', { hasText: 'role' }).waitFor();
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.locator('.result-window').getByText('"Administrator"').waitFor({ timeout: 60_000 });
    await screenshot(page, '14-graphiql');
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows a viewer only what a viewer may do, at tablet width', async () => {
    const ctx = await browser.newContext({ width: 820, height: 1180 });
    const p = await ctx.newPage();
    await signIn(p, t.url, viewer.email, viewer.password);
    await expect(p.getByRole('link', { name: 'Intake' }).count()).resolves.toBe(0);
    await p.goto(`${t.url}/board?priority=URGENT`);
    await p.getByRole('checkbox', { name: 'Urgent' }).waitFor();
    await expect(p.getByRole('checkbox', { name: 'Urgent' }).isChecked()).resolves.toBe(true);
    // Filters work from the keyboard and land in the URL, so the view can be bookmarked.
    await p.getByRole('checkbox', { name: 'High' }).focus();
    await p.keyboard.press('Space');
    await p.waitForFunction(() => decodeURIComponent(location.search) === '?priority=URGENT,HIGH');
    await expect(p.getByRole('checkbox', { name: 'High' }).isChecked()).resolves.toBe(true);
    await screenshot(p, '15-board-viewer-tablet');
    await p.goto(`${t.url}/queue?step=SAMPLE_QC`);
    await p.getByRole('heading', { name: 'Queue: Sample QC' }).waitFor();
    await expect(p.getByRole('button', { name: 'Start' }).count()).resolves.toBe(0);
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(p.evaluate(() => localStorage.getItem('nanopore.session'))).resolves.toBeNull();
    await ctx.close();
  });
});
