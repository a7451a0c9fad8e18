import { NotFoundError, emitEvent, eventOrigin, requireWrite, type BaseContext } from '@app/common';
import { StoredFile } from '../entities/index.js';
import { SOURCE, type FilesDeps } from '../deps.js';
import type { FilesLoaders } from '../loaders/index.js';

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
      file.deleted = true;
      await em.flush();
      const owner = file.ownerType === 'SAMPLE' ? { sampleId: file.ownerId } : { submissionId: file.ownerId };
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: 'FileDeleted', subject: { type: 'StoredFile', id: file.id, labId: file.labId, ...owner },
        data: { filename: file.filename }, before: { deleted: false }, after: { deleted: true },
      });
      return file;
    });
  }
}
