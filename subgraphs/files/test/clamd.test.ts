import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClamdClient, ScanError } from '../src/scanning/clamd.js';
import { EICAR, EICAR_SIGNATURE, startTestClamd, type TestClamd } from './support/clamd.js';

let clamd: TestClamd;
beforeAll(async () => {
  clamd = await startTestClamd();
  console.log(`clamd answered PING ${clamd.startMs} ms after spawn (one-signature database)`);
}, 90_000);
afterAll(async () => {
  await clamd?.stop();
});

const chunks = (...parts: (string | Buffer)[]) => Readable.from(parts.map((p) => Buffer.from(p)));

describe('clamd INSTREAM client against a real clamd', () => {
  it('says clean for ordinary bytes and names the signature for EICAR, over TCP and a unix socket', async () => {
    for (const url of [clamd.tcpUrl, clamd.socketUrl]) {
      const client = new ClamdClient(url, 10_000);
      expect(await client.scan(chunks('sample,volume\n', 'S1,20\n'))).toEqual({ clean: true });
      // Split across chunks and framed in pieces: clamd reassembles the stream.
      expect(await client.scan(chunks('prefix ', EICAR.slice(0, 20), EICAR.slice(20), ' suffix'))).toEqual({ clean: false, signature: `${EICAR_SIGNATURE}.UNOFFICIAL` });
    }
  });

  it('streams a large body in 64 KB frames', async () => {
    const client = new ClamdClient(clamd.tcpUrl, 30_000);
    expect(await client.scan(Readable.from([randomBytes(3 * 1024 * 1024), randomBytes(1024 * 1024 + 5)]))).toEqual({ clean: true });
  });

  it('gives no verdict (ScanError) when clamd cannot be reached', async () => {
    const client = new ClamdClient('tcp://127.0.0.1:1', 2_000);
    await expect(client.scan(chunks('x'))).rejects.toBeInstanceOf(ScanError);
    expect(await client.ping()).toBe(false);
  });
});
