// Real-browser test support: Debian's chromium driven by playwright-core (no browser download),
// against the whole system started in this process on a fresh database.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const WEB_DIR = join(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(WEB_DIR, 'test', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags the machine notes list: without the network ones chromium keeps dialling hosts it cannot reach. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Builds web/dist if its sources changed (a no-op otherwise), so the gateway has something to serve. */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [join(WEB_DIR, 'scripts', 'build-if-changed.mjs')], { stdio: 'inherit' });
}

export interface BrowserHandle {
  browser: Browser;
  newContext(options?: { width?: number; height?: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserHandle> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  // launch() gives chromium a fresh empty profile (--user-data-dir in a temp folder) and removes it on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    newContext: ({ width = 1366, height = 900 } = {}) => browser.newContext({ viewport: { width, height }, acceptDownloads: true }),
    close: () => browser.close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('whoami').waitFor();
}

/** Collects uncaught page errors and failed console messages, so a broken page fails the test that saw it. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(`console: ${msg.text()}`); });
  page.on('response', (res) => { if (res.status() >= 400) errors.push(`HTTP ${res.status()} ${res.request().method()} ${res.url()}`); });
  return errors;
}
