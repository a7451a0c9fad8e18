import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, emitEvent, type EventOrigin, type FileVersionStoredData } from '@app/common';
import type { FileVersion, StoredFile } from '../entities/index.js';
import type { OwnerType } from '../entities/enums.js';

/** The subject fields audit and subscriptions filter by: the owner and the lab. */
export const ownerSubject = (t: { ownerType: OwnerType; ownerId: string; labId: string }) =>
  (t.ownerType === 'SAMPLE' ? { sampleId: t.ownerId, labId: t.labId } : { submissionId: t.ownerId, labId: t.labId });

const versionFacts = (v: FileVersion) => ({
  version: v.version, filename: v.filename, contentType: v.contentType, byteSize: v.byteSize, sha256: v.sha256, scanStatus: v.scanStatus,
  ...(v.comment ? { comment: v.comment } : {}),
});

/** FileUploaded (a first version) or FileVersionAdded (a later one), in the caller's transaction. */
export async function emitVersionStored(em: EntityManager, schema: string, origin: EventOrigin, file: StoredFile, version: FileVersion): Promise<void> {
  const first = version.version === 1;
  await emitEvent(em, schema, origin, {
    type: first ? EventTypes.FileUploaded : EventTypes.FileVersionAdded,
    subject: { type: 'StoredFile', id: file.id, ...ownerSubject(file) },
    data: { ...versionFacts(version), kind: file.kind, ownerType: file.ownerType, ownerId: file.ownerId } satisfies FileVersionStoredData,
    ...(first ? {} : { before: { currentVersion: version.version - 1 } }),
    after: { currentVersion: version.version, byteSize: version.byteSize, sha256: version.sha256 },
  });
}
