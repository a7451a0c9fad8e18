import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSubgraphFetcher } from '../src/subgraph-fetcher.js';

let server: Server;
let url: string;
const sockets = new Set<unknown>();
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (req.url === '/silent') return; // never answers
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Held briefly so concurrent requests overlap and must queue for a socket.
      setTimeout(() => {
        inFlight--;
        if (req.url === '/down') { res.writeHead(503, { 'content-type': 'text/plain' }).end('busy'); return; }
        res.writeHead(200, { 'content-type': 'application/json', 'x-seen-token': String(req.headers['x-internal-token']) });
        res.end(JSON.stringify({ data: { echo: JSON.parse(body || 'null') } }));
      }, 20);
    });
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('subgraph fetcher', () => {
  it('sends method, headers and body, and answers status, headers and JSON as fetch would', async () => {
    const fetcher = createSubgraphFetcher({ maxSockets: 4, timeoutMs: 5_000 });
    const res = await fetcher(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-internal-token': 't-1' }, body: '{"q":1}' });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${url}/graphql`);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('x-seen-token')).toBe('t-1');
    expect(await res.json()).toEqual({ data: { echo: { q: 1 } } });
    const down = await fetcher(`${url}/down`, { method: 'POST', body: '{}' });
    expect({ ok: down.ok, status: down.status, statusText: down.statusText, text: await down.text() }).toEqual({ ok: false, status: 503, statusText: 'Service Unavailable', text: 'busy' });
  });

  it('keeps connections alive and never opens more than maxSockets to one subgraph', async () => {
    sockets.clear();
    maxInFlight = 0;
    const fetcher = createSubgraphFetcher({ maxSockets: 2, timeoutMs: 5_000 });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => fetcher(`${url}/graphql`, { method: 'POST', body: String(i) }).then((r) => r.json())));
    expect(answers).toEqual(Array.from({ length: 12 }, (_, i) => ({ data: { echo: i } })));
    expect(sockets.size).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBeLessThanOrEqual(2);
  });

  it('gives up on a subgraph that does not answer in time', async () => {
    const fetcher = createSubgraphFetcher({ maxSockets: 2, timeoutMs: 200 });
    await expect(fetcher(`${url}/silent`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('hands a JSON fetch to a subgraph in this process without a socket, and everything else to HTTP', async () => {
    sockets.clear();
    const seen: { headers: Record<string, string>; body: string }[] = [];
    const local = {
      [`${url}/graphql`]: async (request: { headers: Record<string, string>; body: string }) => {
        seen.push(request);
        return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: { local: JSON.parse(request.body) } }) };
      },
      [`${url}/silent`]: () => new Promise<never>(() => undefined),
    };
    const fetcher = createSubgraphFetcher({ maxSockets: 2, timeoutMs: 200, local });
    const res = await fetcher(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-internal-token': 't-2' }, body: '{"q":2}' });
    expect({ status: res.status, type: res.headers.get('content-type'), body: await res.json() }).toEqual({ status: 200, type: 'application/json', body: { data: { local: { q: 2 } } } });
    expect(seen).toEqual([{ headers: { 'content-type': 'application/json', 'x-internal-token': 't-2' }, body: '{"q":2}' }]);
    expect(sockets.size).toBe(0);
    // Another URL goes over HTTP; a local subgraph that does not answer times out like a remote one.
    expect(await (await fetcher(`${url}/other`, { method: 'POST', body: '3' })).json()).toEqual({ data: { echo: 3 } });
    expect(sockets.size).toBe(1);
    await expect(fetcher(`${url}/silent`, { method: 'POST', body: '{}' })).rejects.toThrow(/timed out after 200 ms/);
  });
});
