import { describe, expect, it } from '@jest/globals';
import { createServer, Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeHttpServer, runShutdown } from '../src/index.js';
import { captureLogger } from '@app/testing';

describe('runShutdown', () => {
  it('runs steps in order and continues after a failing step', async () => {
    const { logger, lines } = captureLogger();
    const ran: string[] = [];
    await runShutdown([
      { name: 'http', run: async () => { ran.push('http'); } },
      { name: 'relay', run: () => { ran.push('relay'); throw new Error('relay stuck'); } },
      { name: 'bus', run: async () => { await new Promise((r) => setTimeout(r, 10)); ran.push('bus'); throw new Error('bus gone'); } },
      { name: 'database', run: () => { ran.push('database'); } },
    ], logger);
    expect(ran).toEqual(['http', 'relay', 'bus', 'database']);
    const errors = lines.map((l) => JSON.parse(l) as { level: number; step: string; msg: string; err: { message: string } });
    expect(errors.map((e) => [e.step, e.err.message, e.msg])).toEqual([
      ['relay', 'relay stuck', 'shutdown step failed'],
      ['bus', 'bus gone', 'shutdown step failed'],
    ]);
  });
});

describe('closeHttpServer', () => {
  it('closes a server that has an idle keep-alive connection', async () => {
    const server = createServer((_req, res) => { res.end('ok'); });
    // Far longer than the test timeout: if idle sockets were not ended, close would not finish.
    server.keepAliveTimeout = 10 * 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new Agent({ keepAlive: true });
    const { port } = server.address() as AddressInfo;
    // The socket's close is watched from the moment it exists: waiting for the response's end
    // first raced with the close under load (the socket could close before the listener was on).
    let socketClosed!: Promise<void>;
    const answered = new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('socket', (socket) => { socketClosed = new Promise<void>((closed) => socket.once('close', () => closed())); });
      req.end();
    });
    await answered;
    let connections = await new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));
    expect(connections).toBe(1);
    await closeHttpServer(server);
    await socketClosed;
    expect(server.listening).toBe(false);
    connections = await new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));
    expect(connections).toBe(0);
    agent.destroy();
  });

  it('resolves for a server that is not running', async () => {
    const server = createServer();
    await expect(closeHttpServer(server)).resolves.toBeUndefined();
  });
});
