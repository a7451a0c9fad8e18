import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { SYSTEM, emitEvent, type BackgroundTask, type Logger } from '@app/common';
import { FileVersion } from '../entities/index.js';
import { ownerSubject } from '../services/file-events.js';
import type { FileStorage } from '../storage/index.js';
import { ScanError, type ClamdClient, type ScanVerdict } from './clamd.js';

export interface ScannerOptions {
  orm: MikroORM;
  schema: string;
  storage: FileStorage;
  clamd: ClamdClient;
  logger: Logger;
  now: () => Date;
  /** How often it looks for quarantined versions nobody is scanning (crash, clamd outage). */
  retryMs: number;
  /** A scan started longer ago than this is taken to have died. */
  staleMs: number;
}

/**
 * Scans quarantined versions with clamd, one at a time per process. Uploads nudge it; a timer
 * retries what a crash or an outage left behind. Claims are guarded updates, so replicas share
 * the work without scanning one version twice at once.
 */
export class VersionScanner implements BackgroundTask {
  readonly name = 'files-virus-scanner';
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly options: ScannerOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.timer = setInterval(() => this.nudge(), this.options.retryMs);
    this.timer.unref();
    this.nudge();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Look for work now (after an upload committed). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().catch((err) => this.options.logger.error({ err }, 'virus scanning failed')).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** Resolves once nothing is waiting (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const version = await this.claim();
      if (!version) return;
      await this.scan(version);
    }
  }

  private async claim(): Promise<FileVersion | null> {
    const em = this.options.orm.em.fork();
    const staleBefore = new Date(this.options.now().getTime() - this.options.staleMs);
    const candidates = await em.find(FileVersion, {
      scanStatus: 'QUARANTINED', $or: [{ scanStartedAt: null }, { scanStartedAt: { $lt: staleBefore } }],
    }, { orderBy: { createdAt: 'asc' }, limit: 5, populate: ['file'] });
    for (const candidate of candidates) {
      const claimed = await em.nativeUpdate(FileVersion,
        { id: candidate.id, scanStatus: 'QUARANTINED', scanStartedAt: candidate.scanStartedAt ?? null },
        { scanStartedAt: this.options.now() });
      if (claimed === 1) return candidate;
    }
    return null;
  }

  private async scan(version: FileVersion): Promise<void> {
    const { storage, clamd, logger } = this.options;
    let verdict: ScanVerdict;
    try {
      verdict = await clamd.scan(await storage.read(version.storageKey));
    } catch (err) {
      // No verdict: the version stays quarantined and is retried after staleMs.
      logger.warn({ err: err instanceof ScanError ? err.message : err, versionId: version.id }, 'virus scan gave no verdict; will retry');
      return;
    }
    await this.options.orm.em.fork().transactional((em) => this.record(em, version, verdict));
  }

  private async record(em: EntityManager, version: FileVersion, verdict: ScanVerdict): Promise<void> {
    const scanStatus = verdict.clean ? 'CLEAN' : 'INFECTED';
    const signature = verdict.clean ? null : verdict.signature;
    const updated = await em.nativeUpdate(FileVersion, { id: version.id, scanStatus: 'QUARANTINED' },
      { scanStatus, scanSignature: signature, scannedAt: this.options.now() });
    if (updated !== 1) return;
    const file = version.file;
    await emitEvent(em, this.options.schema, { source: 'files', principal: SYSTEM }, {
      type: verdict.clean ? 'FileScanned' : 'FileQuarantined',
      subject: { type: 'StoredFile', id: file.id, ...ownerSubject(file) },
      data: { version: version.version, versionId: version.id, sha256: version.sha256, verdict: scanStatus, ...(signature ? { signature } : {}) },
      before: { scanStatus: 'QUARANTINED' }, after: { scanStatus },
    });
    if (!verdict.clean) this.options.logger.warn({ fileId: file.id, version: version.version, signature }, 'infected upload quarantined');
  }
}
