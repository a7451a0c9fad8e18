import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, type DomainEvent } from '@app/common';
import { KnownFile } from '../../entities/index.js';

interface FileUploadedData { filename?: string; contentType?: string; byteSize?: number; sha256?: string; version?: number }

/** Keeps the files subgraph's FileUploaded / FileDeleted facts (lab, type, size, hash) for access checks. */
export async function recordFileEvent(em: EntityManager, event: DomainEvent): Promise<void> {
  if (event.type === EventTypes.FileDeleted) {
    await em.nativeUpdate(KnownFile, { id: event.subject.id }, { deleted: true, updatedAt: new Date(event.occurredAt) });
    return;
  }
  if (event.type !== EventTypes.FileUploaded) return;
  const d = event.data as FileUploadedData;
  if (!d.sha256 || !d.contentType || typeof d.byteSize !== 'number') return;
  const fields = {
    labId: event.subject.labId ?? null, filename: d.filename ?? 'file', contentType: d.contentType, byteSize: d.byteSize,
    sha256: d.sha256, version: d.version ?? 1, uploadedBy: event.actor.userId, updatedAt: new Date(event.occurredAt),
  };
  await em.upsert(KnownFile, { id: event.subject.id, deleted: false, ...fields });
}
