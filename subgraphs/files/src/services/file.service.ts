import {
  ConflictError, EventTypes, InvalidTransitionError, NotFoundError, Problems, emitEvent, eventOrigin, requireWrite, type BaseContext, type FileDeletedData, type FilePurgedData,
} from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FileVersion, StoredFile } from '../entities/index.js';
import { SOURCE, type FilesDeps } from '../deps.js';
import type { FilesLoaders } from '../loaders/index.js';
import { ownerSubject } from './file-events.js';
import { LegalHoldService } from './legal-hold.service.js';
import { LockMode } from '@mikro-orm/core';

const DAY_MS = 86_400_000;

export class FileService {
  constructor(private readonly deps: FilesDeps, private readonly ctx: BaseContext, private readonly loaders: FilesLoaders) {}

  /** Hides a file from lists and downloads; its versions are kept for the record. Staff, or the uploader. */
  async delete(id: string): Promise<StoredFile> {
    const { principal } = this.ctx;
    requireWrite(principal, 'files:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const visible = await this.loaders.fileById.load(id);
    const mayDelete = visible && (principal.role !== 'SUBMITTER' || visible.uploadedBy === principal.userId);
    if (!visible || !mayDelete) throw new NotFoundError('StoredFile', id);
    if (visible.deleted) return visible;
    return this.ctx.em.transactional(async (em) => {
      const file = await em.findOneOrFail(StoredFile, id);
      Object.assign(file, { deleted: true, deletedAt: this.deps.now(), deletedBy: principal.userId });
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: EventTypes.FileDeleted, subject: { type: 'StoredFile', id: file.id, ...ownerSubject(file) },
        data: { filename: file.filename } satisfies FileDeletedData, before: { deleted: false }, after: { deleted: true },
      });
      return file;
    });
  }

  /**
   * Removes the bytes of a file deleted at least FILES_PURGE_AFTER_DAYS ago (admins), unless an
   * active legal hold of the audit subgraph covers it (the file, its sample or submission, or the
   * time its record spans): then nothing changes and the error names the hold. The file and
   * version records (names, sizes, hashes, who and when) stay, so audit entries, which are kept
   * for their own retention period, still name what they are about. A blob another live version
   * shares (same SHA-256) is kept.
   */
  async purge(id: string): Promise<StoredFile> {
    requireWrite(this.ctx.principal, 'files:write', 'ADMIN');
    const problems = new Problems();
    problems.id('id', id);
    problems.throwIfAny();
    const found = await this.ctx.em.findOne(StoredFile, id);
    if (!found) throw new NotFoundError('StoredFile', id);
    if (found.purgedAt) return found;
    const { file, keys } = await this.ctx.em.transactional(async (em) => {
      // Checked under the row lock, so a concurrent purge or a change of state cannot slip between check and purge.
      const locked = await em.findOneOrFail(StoredFile, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (locked.purgedAt) return { file: locked, keys: [] };
      if (!locked.deleted || !locked.deletedAt) throw new InvalidTransitionError('Only a deleted file can be purged', { deleted: locked.deleted });
      await this.assertNotHeld(em, locked);
      this.assertRetained(locked.deletedAt);
      const versions = await em.find(FileVersion, { file: id });
      locked.purgedAt = this.deps.now();
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: EventTypes.FilePurged, subject: { type: 'StoredFile', id, ...ownerSubject(locked) },
        data: { filename: locked.filename, versions: versions.map((v) => ({ version: v.version, sha256: v.sha256, byteSize: v.byteSize })) } satisfies FilePurgedData,
        before: { purged: false }, after: { purged: true },
      });
      return { file: locked, keys: [...new Set(versions.map((v) => v.storageKey))] };
    });
    for (const key of keys) {
      const stillUsed = await this.ctx.em.fork().count(FileVersion, { storageKey: key, file: { purgedAt: null } });
      if (stillUsed === 0) await this.deps.storage.delete(key);
    }
    return file;
  }

  /** The file was deleted at least FILES_PURGE_AFTER_DAYS ago (the retention period of deleted files' bytes). */
  private assertRetained(deletedAt: Date): void {
    const allowedFrom = new Date(deletedAt.getTime() + this.deps.config.FILES_PURGE_AFTER_DAYS * DAY_MS);
    if (allowedFrom > this.deps.now()) {
      throw new InvalidTransitionError(`The file may be purged from ${allowedFrom.toISOString()} (FILES_PURGE_AFTER_DAYS after its deletion)`, { purgeableFrom: allowedFrom.toISOString() });
    }
  }

  /** No active legal hold (audit's, as this subgraph last heard of it) covers the file; the error names the hold. */
  private async assertNotHeld(em: EntityManager, file: StoredFile): Promise<void> {
    const hold = await new LegalHoldService().covering(em, file, file.deletedAt ?? this.deps.now());
    if (!hold) return;
    const why = hold.reason ? ` ("${hold.reason}")` : '';
    throw new ConflictError(`File ${file.id} is under legal hold ${hold.id}${why}; it can be purged once the hold is released`, {
      field: 'id', legalHoldId: hold.id, legalHoldReason: hold.reason,
    });
  }
}
