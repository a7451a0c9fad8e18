import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';

/** What clamd said about a stream. */
export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** The scanner could not give a verdict (clamd down, timeout, size limit): try again later. */
export class ScanError extends Error {}

/** Where clamd listens: `tcp://host:port` or `unix:///path/to/socket`. */
function connectTo(url: string): Socket {
  if (url.startsWith('unix://')) return connect({ path: url.slice('unix://'.length) });
  const { hostname, port } = new URL(url);
  return connect({ host: hostname, port: Number(port) });
}

const MAX_CHUNK = 64 * 1024;

function frame(chunk: Buffer): Buffer[] {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(chunk.length);
  return [length, chunk];
}

/** clamd's INSTREAM protocol: `zINSTREAM\0`, then <u32 length><bytes> chunks, then a zero length. */
export class ClamdClient {
  constructor(private readonly url: string, private readonly timeoutMs: number) {}

  async scan(body: Readable): Promise<ScanVerdict> {
    const socket = connectTo(this.url);
    socket.setTimeout(this.timeoutMs);
    const reply = this.reply(socket);
    reply.catch(() => undefined); // awaited below; this only stops an early failure counting as unhandled
    try {
      await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
      await this.send(socket, Buffer.from('zINSTREAM\0'));
      for await (const data of body) {
        const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array);
        for (let at = 0; at < chunk.length; at += MAX_CHUNK) {
          for (const part of frame(chunk.subarray(at, at + MAX_CHUNK))) await this.send(socket, part);
        }
      }
      await this.send(socket, Buffer.alloc(4));
    } catch (err) {
      // clamd stops reading when a limit is hit and says why: prefer its answer to the write error.
      const said = await Promise.race([reply, new Promise<null>((r) => setTimeout(() => r(null), 200))]).catch(() => null);
      socket.destroy();
      body.destroy();
      if (said) return said;
      throw err instanceof ScanError ? err : new ScanError(`clamd: ${(err as Error).message}`);
    }
    return reply;
  }

  /** Sends a PING; true when clamd answers PONG. */
  async ping(): Promise<boolean> {
    const socket = connectTo(this.url);
    socket.setTimeout(this.timeoutMs);
    socket.on('connect', () => socket.write('zPING\0'));
    const text = await this.text(socket).catch(() => '');
    return text === 'PONG';
  }

  private send(socket: Socket, data: Buffer): Promise<void> {
    if (socket.destroyed) return Promise.reject(new ScanError('clamd closed the connection'));
    return new Promise((resolve, reject) => {
      const ok = socket.write(data, (err) => (err ? reject(err) : undefined));
      if (ok) resolve();
      else socket.once('drain', resolve);
    });
  }

  private text(socket: Socket): Promise<string> {
    return new Promise((resolve, reject) => {
      const parts: Buffer[] = [];
      socket.on('data', (d: Buffer) => {
        parts.push(d);
        if (d.includes(0)) socket.end();
      });
      socket.on('timeout', () => { socket.destroy(); reject(new ScanError(`clamd did not answer within ${this.timeoutMs} ms`)); });
      socket.on('error', (err) => reject(new ScanError(`clamd: ${err.message}`)));
      socket.on('close', () => resolve(Buffer.concat(parts).toString('utf8').replace(/\0.*$/s, '').trim()));
    });
  }

  private async reply(socket: Socket): Promise<ScanVerdict> {
    const text = await this.text(socket);
    if (text.endsWith(' OK')) return { clean: true };
    const found = /^stream: (.+) FOUND$/.exec(text);
    if (found) return { clean: false, signature: found[1]!.slice(0, 200) };
    throw new ScanError(`clamd answered: ${text || 'nothing'}`);
  }
}
