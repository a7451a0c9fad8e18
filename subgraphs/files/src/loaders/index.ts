import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, labScope, labScopedByIdLoader, type Principal } from '@app/common';
import { FileVersion, StoredFile } from '../entities/index.js';
import type { OwnerType } from '../entities/enums.js';

/** Per-request DataLoaders; lab visibility is applied here so `__resolveReference` is covered too. */
export function createLoaders(em: EntityManager, principal: Principal) {
  const scope = labScope(principal);
  return {
    fileById: labScopedByIdLoader<StoredFile>(em, StoredFile, principal),
    versionById: labScopedByIdLoader<FileVersion>(em, FileVersion, principal, { populate: ['file'], labOf: (v) => v.file.labId }),
    /** Versions of files already checked for visibility, newest first. */
    versionsByFileId: new DataLoader<string, FileVersion[]>(async (ids) => {
      const rows = await em.find(FileVersion, { file: { $in: [...ids] } }, { orderBy: { version: 'desc' } });
      return ids.map((id) => rows.filter((r) => r.file.id === id));
    }),
    sampleAttachments: attachmentsOf(em, 'SAMPLE', scope),
    submissionAttachments: attachmentsOf(em, 'SUBMISSION', scope),
  };
}

/** Live (not deleted) attachments per owner id, oldest first, within the caller's lab scope. */
function attachmentsOf(em: EntityManager, ownerType: OwnerType, scope: string | null) {
  return new DataLoader<string, StoredFile[]>(async (ownerIds) => {
    const valid = ownerIds.filter(isUuid);
    const where = { ownerType, ownerId: { $in: valid }, deleted: false, ...(scope === null ? {} : { labId: scope }) };
    const rows = valid.length ? await em.find(StoredFile, where, { orderBy: { createdAt: 'asc', id: 'asc' } }) : [];
    return ownerIds.map((id) => rows.filter((r) => r.ownerId === id));
  });
}
export type FilesLoaders = ReturnType<typeof createLoaders>;
