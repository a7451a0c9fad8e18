import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Logger } from '@app/common';
import { UnreadablePdfError, timedOut, type PdfLimits } from './limits.js';
import type { ExtractionDraft } from './draft.js';
import type { ProgressReporter } from './extract.js';
import type { ReadRequest, ThreadMessage } from './reader-protocol.js';

/** How long a new thread may take to load pdfjs and the reader before it counts as broken. */
const START_TIMEOUT_MS = 60_000;
/** An idle thread is stopped after this, so a quiet subgraph does not keep a loaded reader's heap. */
const IDLE_MS = 120_000;

/** The file of tsx's ESM register API (`tsx/esm/api`, import condition), found from `from`. */
function tsxEsmApi(from: string): string {
  const require = createRequire(from);
  const manifest = require.resolve('tsx/package.json');
  const exports = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports;
  return join(dirname(manifest), exports['./esm/api']!.import.default);
}

/**
 * Where a reader thread starts. Built code starts `reader-thread.js`; from TypeScript source (tests,
 * benchmarks, `node --import tsx`) the thread first registers tsx's loader, then imports the `.ts` entry.
 */
function threadEntry(): { filename: string | URL; options: WorkerOptions } {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return { filename: new URL('./reader-thread.js', self), options: {} };
  const tsx = pathToFileURL(tsxEsmApi(self)).href;
  const entry = new URL('./reader-thread.ts', self).href;
  return { filename: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, options: { eval: true } };
}

interface Pending {
  id: number;
  progress: ProgressReporter;
  resolve: (draft: ExtractionDraft) => void;
  reject: (err: Error) => void;
}

/** One reader thread: a Worker with a heap limit, reading one request at a time. */
class ReaderThread {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  private pending: Pending | null = null;
  /** Progress callbacks of the current request, run in order; a reply waits for the ticks before it. */
  private ticks: Promise<void> = Promise.resolve();
  private stopReason: Error | null = null;
  private lastError: (Error & { code?: string }) | null = null;
  exited = false;
  /** Set while the thread waits in the pool. */
  idleTimer: NodeJS.Timeout | undefined;

  constructor(readonly memoryMb: number) {
    const { filename, options } = threadEntry();
    this.worker = new Worker(filename, { ...options, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { this.stop(new Error(`The PDF reader thread did not start within ${START_TIMEOUT_MS} ms`)); }, START_TIMEOUT_MS);
      this.worker.once('message', (m: ThreadMessage) => { clearTimeout(timer); if (m.type === 'ready') resolve(); else reject(new Error(`The PDF reader thread sent ${m.type} before ready`)); });
      this.worker.once('exit', () => { clearTimeout(timer); reject(new Error(`The PDF reader thread did not start: ${this.stopReason?.message ?? this.lastError?.message ?? 'it exited'}`)); });
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (m: ThreadMessage) => this.onMessage(m));
    this.worker.on('error', (err) => { this.lastError = err; });
    this.worker.on('exit', (code) => this.onExit(code));
  }

  /** Reads one PDF; rejects with the reason when the thread had to be stopped (time, memory) or the file is unreadable. */
  read(request: ReadRequest, progress: ProgressReporter, timeoutMs: number): Promise<ExtractionDraft> {
    return new Promise<ExtractionDraft>((resolve, reject) => {
      this.pending = { id: request.id, progress, resolve, reject };
      this.ticks = Promise.resolve();
      this.worker.ref();
      const timer = setTimeout(() => this.stop(timedOut(timeoutMs)), timeoutMs);
      const done = () => { clearTimeout(timer); this.pending = null; this.worker.unref(); };
      this.pending.resolve = (draft) => { done(); resolve(draft); };
      this.pending.reject = (err) => { done(); reject(err); };
      this.worker.postMessage(request, [request.bytes]);
    });
  }

  /** Terminates the thread; the current request (if any) rejects with `reason` at once, not when the thread is gone. */
  stop(reason: Error): void {
    this.stopReason ??= reason;
    this.pending?.reject(this.stopReason);
    void this.worker.terminate();
  }

  private onMessage(m: ThreadMessage): void {
    const pending = this.pending;
    if (m.type === 'ready' || !pending || m.id !== pending.id) return;
    if (m.type === 'progress') {
      this.ticks = this.ticks.then(() => pending.progress({ stage: m.stage, page: m.page, pages: m.pages }))
        // A tick that throws (the job's lease was lost) ends the read: the thread is stopped with that error.
        .catch((err: unknown) => this.stop(err instanceof Error ? err : new Error(String(err))));
      return;
    }
    void this.ticks.then(() => {
      if (this.stopReason || this.pending !== pending) return;
      if (m.type === 'done') pending.resolve(m.draft);
      else pending.reject(m.code ? new UnreadablePdfError(m.code, m.message) : new Error(`The PDF reader failed: ${m.message}`));
    });
  }

  private onExit(code: number): void {
    this.exited = true;
    const pending = this.pending;
    if (!pending) return;
    if (this.lastError?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return pending.reject(new UnreadablePdfError('OUT_OF_MEMORY', `Reading the PDF needed more than ${this.memoryMb} MB of memory; the reader was stopped`));
    }
    pending.reject(new Error(`The PDF reader thread stopped (exit code ${code}${this.lastError ? `: ${this.lastError.message}` : ''})`));
  }
}

export interface PdfReaderPoolOptions {
  /** Threads kept loaded between reads (AI_WORKER_CONCURRENCY: one per job running at once). */
  maxIdle: number;
  /** An idle thread is stopped after this long (default two minutes). */
  idleMs?: number;
  logger?: Logger;
}

/**
 * Reads quote PDFs in worker threads, off the subgraph's event loop. Each thread has a heap limit
 * (`limits.memoryMb`) and each read a wall-clock budget (`limits.timeoutMs`); a read that passes
 * either has its thread terminated and ends with an UnreadablePdfError saying which. Threads are
 * kept loaded between reads (pdfjs warm), up to `maxIdle`; a stopped or failed one is replaced.
 */
export class PdfReaderPool {
  private readonly idle: ReaderThread[] = [];
  private readonly live = new Set<ReaderThread>();
  private nextId = 1;

  constructor(private readonly options: PdfReaderPoolOptions) {}

  async read(bytes: Uint8Array, limits: PdfLimits, progress: ProgressReporter = () => {}): Promise<ExtractionDraft> {
    const thread = this.take(limits.memoryMb);
    await thread.ready;
    // The thread takes its own copy of the bytes (transferred, so the copy is made once).
    const copy = new Uint8Array(bytes).buffer as ArrayBuffer;
    let healthy = false;
    try {
      const draft = await thread.read({ id: this.nextId++, bytes: copy, limits }, progress, limits.timeoutMs);
      healthy = true;
      return draft;
    } catch (err) {
      // An unreadable file leaves the thread fine; a stop (time, memory, lost lease) or a bug does not.
      healthy = err instanceof UnreadablePdfError && !thread.exited && err.code !== 'TIMEOUT' && err.code !== 'OUT_OF_MEMORY';
      if (!(err instanceof UnreadablePdfError)) this.options.logger?.warn({ err }, 'PDF reader thread failed');
      throw err;
    } finally {
      this.release(thread, healthy);
    }
  }

  /** Stops every thread (shutdown); reads still running reject. A later read starts a new thread. */
  async close(): Promise<void> {
    const threads = [...this.live];
    for (const t of this.idle) clearTimeout(t.idleTimer);
    this.idle.length = 0;
    this.live.clear();
    for (const t of threads) t.stop(new Error('The PDF reader was shut down'));
    await Promise.all(threads.map((t) => t.worker.terminate().catch(() => undefined)));
  }

  /** Threads running or loaded (for tests and metrics). */
  get size(): number {
    return this.live.size;
  }

  private take(memoryMb: number): ReaderThread {
    for (;;) {
      const idle = this.idle.pop();
      if (!idle) break;
      clearTimeout(idle.idleTimer);
      if (!idle.exited && idle.memoryMb === memoryMb) return idle;
      this.discard(idle);
    }
    const thread = new ReaderThread(memoryMb);
    thread.worker.unref();
    this.live.add(thread);
    return thread;
  }

  private release(thread: ReaderThread, healthy: boolean): void {
    if (!healthy || !this.live.has(thread) || thread.exited || this.idle.length >= this.options.maxIdle) return this.discard(thread);
    this.idle.push(thread);
    thread.idleTimer = setTimeout(() => {
      const at = this.idle.indexOf(thread);
      if (at >= 0) this.idle.splice(at, 1);
      this.discard(thread);
    }, this.options.idleMs ?? IDLE_MS);
    thread.idleTimer.unref();
  }

  private discard(thread: ReaderThread): void {
    this.live.delete(thread);
    if (!thread.exited) void thread.worker.terminate().catch(() => undefined);
  }
}
