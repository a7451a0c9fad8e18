import { createHash, randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFixture, type Fixture } from './fixture.js';

/** A stand-in files service: echoes what reached it, so the test sees exactly what the proxy forwarded. */
function startFilesService(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.method === 'PUT' && req.url?.startsWith('/uploads/')) {
      const hash = createHash('sha256');
      let bytes = 0;
      req.on('data', (chunk: Buffer) => { bytes += chunk.length; hash.update(chunk); });
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({
          url: req.url, bytes, sha256: hash.digest('hex'), contentType: req.headers['content-type'], contentLength: req.headers['content-length'],
          authorization: req.headers.authorization ?? null, internalToken: req.headers['x-internal-token'] ?? null,
        }));
      });
      return;
    }
    if (req.method === 'GET' && req.url?.startsWith('/downloads/')) {
      const body = `file at ${req.url}`;
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(body)), 'content-disposition': 'attachment; filename="reads.txt"', 'x-secret-upstream': 'no' });
      res.end(body);
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

function rawGet(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET' }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
  });
}

let fx: Fixture;
let files: { url: string; server: Server };
beforeAll(async () => {
  files = await startFilesService();
  fx = await startFixture({}, { filesServiceUrl: files.url });
});
afterAll(async () => {
  await fx?.stop();
  await new Promise((resolve) => files?.server.close(resolve));
});

describe('/files/* proxy', () => {
  it('streams an upload body through with its type and length, adding no credentials', async () => {
    const body = randomBytes(3 * 1024 * 1024 + 17);
    const res = await fetch(`${fx.url}/files/uploads/u-1?exp=123&sig=abc`, {
      method: 'PUT', body, headers: { 'content-type': 'application/gzip', authorization: 'Bearer should-not-pass' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      url: '/uploads/u-1?exp=123&sig=abc', bytes: body.length, sha256: createHash('sha256').update(body).digest('hex'),
      contentType: 'application/gzip', contentLength: String(body.length), authorization: null, internalToken: null,
    });
  });

  it('streams a download back with its headers', async () => {
    const res = await fetch(`${fx.url}/files/downloads/f-1?v=1&exp=9&sig=x`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="reads.txt"');
    expect(res.headers.get('x-secret-upstream')).toBeNull();
    expect(await res.text()).toBe('file at /downloads/f-1?v=1&exp=9&sig=x');
  });

  it('refuses paths that would escape /files', async () => {
    expect(await rawGet(fx.url, '/files/../graphql')).toBe(400);
    expect(await rawGet(fx.url, '/files/downloads/%2e%2e/%2E%2E/metrics')).toBe(400);
  });
});
