import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { listenHttp, closeHttpServer } from '@app/common';
import { testLogger } from '@app/testing';
import { mountWebApp } from '../src/routes/web.js';

// The dashboard's routing: pages get index.html, assets are cached for good, API paths are untouched.
let dir: string;
let server: Server;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>dashboard</title>');
  writeFileSync(join(dir, 'graphiql.html'), '<!doctype html><title>graphiql</title>');
  writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
  const app = express();
  expect(mountWebApp(app, dir, testLogger('web'))).toBe(true);
  app.all(['/graphql', '/sandbox', '/'], (_req, res) => void res.json({ api: true }));
  app.get('/exports/*path', (_req, res) => void res.json({ exports: true }));
  server = createServer(app);
  url = await listenHttp(server, 0, '127.0.0.1');
});
afterAll(async () => {
  await closeHttpServer(server);
  rmSync(dir, { recursive: true, force: true });
});

const page = (path: string, accept = 'text/html') => fetch(`${url}${path}`, { headers: { accept } });

describe('mountWebApp', () => {
  it('answers every page route with index.html and a strict content security policy', async () => {
    for (const path of ['/', '/board', '/queue?step=LIBRARY_QC', '/samples/123']) {
      const res = await page(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('dashboard');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('serves the offline GraphiQL page and immutable assets', async () => {
    expect(await (await page('/graphiql')).text()).toContain('graphiql');
    const asset = await fetch(`${url}/assets/main-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
  });

  it('leaves GraphQL, the Sandbox, exports and non-page requests to the API', async () => {
    expect(await (await page('/graphql')).json()).toEqual({ api: true });
    expect(await (await page('/sandbox')).json()).toEqual({ api: true });
    expect(await (await page('/exports/samples.csv')).json()).toEqual({ exports: true });
    expect(await (await page('/', 'application/json')).json()).toEqual({ api: true });
    expect(await (await page('/?query={me{id}}')).json()).toEqual({ api: true });
    expect(await (await fetch(`${url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()).toEqual({ api: true });
  });

  it('serves nothing when the dashboard has not been built', () => {
    expect(mountWebApp(express(), join(dir, 'nope'), testLogger('web'))).toBe(false);
  });
});
