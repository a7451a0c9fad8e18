import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@app/testing';
import { ClamdClient } from '../../src/scanning/clamd.js';

export const CLAMD_BINARY = process.env.CLAMD_BINARY ?? '/usr/sbin/clamd';

/** The EICAR anti-virus test file (68 bytes), assembled here so this source file itself is not flagged. */
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join('');
export const EICAR_SIGNATURE = 'Nanopore.Test.EICAR';

export interface TestClamd {
  /** `tcp://127.0.0.1:<port>` */
  tcpUrl: string;
  /** `unix:///…/clamd.sock` */
  socketUrl: string;
  /** How long clamd took from spawn to answering PING. */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Starts a clamd of the test's own: config and socket in a temp folder, and a database of one
 * signature (EICAR, as an .ndb body signature) so no freshclam download is needed. Fails loudly
 * when clamd is not installed (CI installs Debian's clamav-daemon).
 */
export async function startTestClamd(): Promise<TestClamd> {
  if (!existsSync(CLAMD_BINARY)) {
    throw new Error(`clamd is not installed at ${CLAMD_BINARY}: apt-get install -y clamav-daemon (or set CLAMD_BINARY)`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'clamd-test-'));
  const db = join(dir, 'db');
  await mkdir(db);
  await writeFile(join(db, 'nanopore-test.ndb'), `${EICAR_SIGNATURE}:0:*:${Buffer.from(EICAR).toString('hex')}\n`);
  const port = await freePort();
  const socket = join(dir, 'clamd.sock');
  await writeFile(join(dir, 'clamd.conf'), [
    'Foreground yes', `DatabaseDirectory ${db}`, `LocalSocket ${socket}`, 'TCPAddr 127.0.0.1', `TCPSocket ${port}`,
    `PidFile ${join(dir, 'clamd.pid')}`, 'LogTime yes', 'StreamMaxLength 300M', 'MaxScanSize 300M', 'MaxFileSize 300M',
    'MaxThreads 2', 'SelfCheck 3600',
  ].join('\n'));
  const started = Date.now();
  const child: ChildProcess = spawn(CLAMD_BINARY, ['--config-file', join(dir, 'clamd.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const tcpUrl = `tcp://127.0.0.1:${port}`;
  const client = new ClamdClient(tcpUrl, 1_000);
  const deadline = Date.now() + 60_000;
  while (!(await client.ping())) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`clamd did not start (exit ${child.exitCode}):\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const startMs = Date.now() - started;
  return {
    tcpUrl, socketUrl: `unix://${socket}`, startMs,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
