import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './ports.js';

/** True when a Redis at `port` answers PING. */
async function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/**
 * A Redis server of its own on a free port, killable and restartable on the same port. Durable by
 * default (append-only file, fsync always): a Redis that forgets the stream on restart loses the
 * events the relays already handed it, which is why production Redis must persist too.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'faults-redis-'));

  private constructor(readonly port: number, private readonly durable: boolean) {}

  static async create({ durable = true } = {}): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), durable);
    await redis.start();
    return redis;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const persistence = this.durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--dir', this.dir, ...persistence], { stdio: 'ignore' });
    this.child.once('exit', () => { this.child = null; });
    const deadline = Date.now() + 15_000;
    while (!(await pong(this.port))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${this.port}`);
      await sleep(50);
    }
  }

  /** SIGKILL: the outage a crashed or partitioned Redis looks like to its clients. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
