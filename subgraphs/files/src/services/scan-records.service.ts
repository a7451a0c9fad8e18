import type { MikroORM } from '@mikro-orm/postgresql';
import { EventTypes, SYSTEM, emitEvent, type FileScanData } from '@app/common';
import { FileVersion } from '../entities/index.js';
import { SOURCE } from '../deps.js';
import type { ScanVerdict } from '../scanning/clamd.js';
import { ownerSubject } from './file-events.js';

/** The scanner's reads and writes: which quarantined versions wait, and what clamd said about one. */
export class ScanRecords {
  constructor(private readonly orm: MikroORM, private readonly schema: string, private readonly now: () => Date) {}

  /**
   * Claims one quarantined version nobody is scanning (or whose scan started before
   * `staleBefore`); the guarded update makes the claim exclusive across replicas.
   */
  async claim(staleBefore: Date): Promise<FileVersion | null> {
    const em = this.orm.em.fork();
    const candidates = await em.find(FileVersion, {
      scanStatus: 'QUARANTINED', $or: [{ scanStartedAt: null }, { scanStartedAt: { $lt: staleBefore } }],
    }, { orderBy: { createdAt: 'asc' }, limit: 5, populate: ['file'] });
    for (const candidate of candidates) {
      const claimed = await em.nativeUpdate(FileVersion,
        { id: candidate.id, scanStatus: 'QUARANTINED', scanStartedAt: candidate.scanStartedAt ?? null },
        { scanStartedAt: this.now() });
      if (claimed === 1) return candidate;
    }
    return null;
  }

  /** CLEAN or INFECTED, with FileScanned / FileQuarantined in the same transaction; false if already decided. */
  async record(version: FileVersion, verdict: ScanVerdict): Promise<boolean> {
    return this.orm.em.fork().transactional(async (em) => {
      const scanStatus = verdict.clean ? 'CLEAN' : 'INFECTED';
      const signature = verdict.clean ? null : verdict.signature;
      const updated = await em.nativeUpdate(FileVersion, { id: version.id, scanStatus: 'QUARANTINED' },
        { scanStatus, scanSignature: signature, scannedAt: this.now() });
      if (updated !== 1) return false;
      const file = version.file;
      await emitEvent(em, this.schema, { source: SOURCE, principal: SYSTEM }, {
        type: verdict.clean ? EventTypes.FileScanned : EventTypes.FileQuarantined,
        subject: { type: 'StoredFile', id: file.id, ...ownerSubject(file) },
        data: { version: version.version, versionId: version.id, sha256: version.sha256, verdict: scanStatus, ...(signature ? { signature } : {}) } satisfies FileScanData,
        before: { scanStatus: 'QUARANTINED' }, after: { scanStatus },
      });
      return true;
    });
  }
}
