import type { MikroORM } from '@mikro-orm/postgresql';
import type { BackgroundTask, Logger } from '@app/common';
import type { FileVersion } from '../entities/index.js';
import { ScanRecords } from '../services/scan-records.service.js';
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

  private readonly records: ScanRecords;

  constructor(private readonly options: ScannerOptions) {
    this.records = new ScanRecords(options.orm, options.schema, options.now);
  }

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
      const version = await this.records.claim(new Date(this.options.now().getTime() - this.options.staleMs));
      if (!version) return;
      await this.scan(version);
    }
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
    const decided = await this.records.record(version, verdict);
    if (decided && !verdict.clean) logger.warn({ fileId: version.file.id, version: version.version, signature: verdict.signature }, 'infected upload quarantined');
  }
}
