import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { CapturedOutput } from './output.js';
import { listensOn } from './listener.js';
import { freePort } from './ports.js';

export interface ServiceSpec {
  /** e.g. `samples`, `workflow-2`, `gateway`. */
  name: string;
  /** Built entry point, run as `node [nodeFlags] <entry>` (the package's `npm start`, see startCommand). */
  entry: string;
  nodeFlags?: string[];
  cwd: string;
  port: number;
  env: Record<string, string>;
}

/**
 * One service of the distributed system as its own Node process: started, crashed (SIGKILL),
 * frozen (SIGSTOP/SIGCONT) and restarted on the same port. All its output is kept across restarts.
 */
export class ServiceProcess {
  readonly output = new CapturedOutput();
  private child: ChildProcess | null = null;
  private exit: Promise<void> = Promise.resolve();
  private frozen = false;

  constructor(readonly spec: ServiceSpec) {}

  get name(): string {
    return this.spec.name;
  }

  get url(): string {
    return `http://127.0.0.1:${this.spec.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return this.child !== null;
  }

  /** Spawns the process; `ready` waits for /readyz. */
  start(): void {
    if (this.child) throw new Error(`${this.name} is already running`);
    const echo = process.env.FAULTS_ECHO ? (s: string) => process.stderr.write(`[${this.name}] ${s}`) : undefined;
    const child = spawn(process.execPath, [...(this.spec.nodeFlags ?? []), this.spec.entry], {
      cwd: this.spec.cwd,
      env: { PATH: process.env.PATH ?? '', ...this.spec.env, PORT: String(this.spec.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.output.attach(child.stdout, echo);
    this.output.attach(child.stderr, echo);
    this.child = child;
    this.exit = new Promise((resolve) => child.once('exit', () => {
      if (this.child === child) this.child = null;
      resolve();
    }));
  }

  /**
   * Polls /readyz until it answers 200 and this process holds the listening socket (another service
   * on the port would answer too), or `timeoutMs` passes (then the output tail is in the error).
   */
  async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.child) throw new Error(`${this.name} exited before it was ready:\n${this.output.tail()}`);
      if ((await probe(`${this.url}/readyz`)) === 200 && this.listensHere()) return;
      if (Date.now() > deadline) throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.output.tail()}`);
      await sleep(100);
    }
  }

  private listensHere(): boolean {
    return !!this.child?.pid && listensOn(this.child.pid, this.spec.port);
  }

  /** The crash: no shutdown hooks, no flushing, connections dropped. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Graceful stop (SIGTERM), as an orchestrator does; SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.child) return;
    if (this.frozen) this.resume();
    const child = this.child;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }

  /** SIGSTOP: the process holds its sockets but answers nothing (a hung or starved service). */
  freeze(): void {
    this.child?.kill('SIGSTOP');
    this.frozen = true;
  }

  resume(): void {
    this.child?.kill('SIGCONT');
    this.frozen = false;
  }

  /**
   * First start: when another process on the machine took the free port between picking it and
   * binding it (EADDRINUSE), pick another and try again.
   */
  async launch(timeoutMs?: number, attempts = 4): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      this.start();
      try {
        await this.ready(timeoutMs);
        return;
      } catch (err) {
        if (attempt >= attempts || !/EADDRINUSE/.test(this.output.tail(4_000))) throw err;
        await this.kill();
        this.spec.port = await freePort();
      }
    }
  }

  async restart(timeoutMs?: number): Promise<void> {
    await this.kill();
    this.start();
    await this.ready(timeoutMs);
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    if (!this.child) return;
    if (this.frozen) this.resume();
    this.child.kill(signal);
    await this.exit;
  }
}

/** HTTP status of GET `url`, or 0 when nothing answers within a second. */
export async function probe(url: string): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
