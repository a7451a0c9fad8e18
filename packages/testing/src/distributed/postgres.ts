import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './ports.js';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries installed (Debian layout), or PG_BIN_DIR. */
function binDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error('no PostgreSQL server under /usr/lib/postgresql (set PG_BIN_DIR)');
  return join('/usr/lib/postgresql', versions[0]!, 'bin');
}

/** initdb and the server refuse to run as root: run them as the `postgres` OS user then. */
async function osUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/**
 * A PostgreSQL cluster of its own (temp folder, free port, trust auth, no fsync) that a fault test
 * may stop, crash and start again without touching the machine's shared server.
 */
export class PrivatePostgres {
  private running = false;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
    private readonly user: { uid: number; gid: number } | undefined,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'faults-pg-'));
    const user = await osUser();
    if (user) chownSync(dir, user.uid, user.gid);
    const pg = new PrivatePostgres(await freePort(), dir, binDir(), user);
    await pg.exec('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await pg.start();
    return pg;
  }

  /** URL of `database` on this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    // fsync off only risks data on an OS crash; synchronous_commit stays on, as production must:
    // with it off, a PostgreSQL crash forgets acknowledged commits whose events were already
    // published, leaving audit entries of changes that no longer exist.
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300`;
    await this.exec('pg_ctl', ['start', '-w', '-t', '60', '-D', join(this.dir, 'data'), '-l', join(this.dir, 'server.log'), '-o', options]);
    this.running = true;
  }

  /** `immediate` is a crash (no checkpoint, clients cut off); `fast` a clean shutdown. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!this.running) return;
    await this.exec('pg_ctl', ['stop', '-w', '-t', '60', '-m', mode, '-D', join(this.dir, 'data')]);
    this.running = false;
  }

  /** The synchronous crash-stop the exit hook runs (it cannot await). */
  stopCommand(): { file: string; args: string[]; user: { uid: number; gid: number } | Record<string, never> } {
    return { file: join(this.bin, 'pg_ctl'), args: ['stop', '-m', 'immediate', '-D', join(this.dir, 'data')], user: this.user ?? {} };
  }

  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`create database "${name}"`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    await run(join(this.bin, tool), args, { cwd: this.dir, timeout: 90_000, ...(this.user ?? {}) }).catch((err: Error & { stderr?: string }) => {
      throw new Error(`${tool} ${args[0]} failed: ${err.stderr || err.message}`);
    });
  }
}
