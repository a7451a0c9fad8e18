import type { FilesContext } from '../context.js';
import type { StoredFile as FileEntity } from '../entities/index.js';

export const StoredFile = {
  __resolveReference: (ref: { id: string }, ctx: FilesContext) => ctx.loaders.fileById.load(ref.id),
  versions: (file: FileEntity, _: unknown, ctx: FilesContext) => ctx.loaders.versionsByFileId.load(file.id),
  /** Minted per request for a caller who can see the file; the route itself trusts the signature. */
  downloadUrl: (file: FileEntity, _: unknown, ctx: FilesContext) => {
    if (file.deleted) return null;
    const expiresAt = new Date(ctx.deps.now().getTime() + ctx.deps.config.FILES_DOWNLOAD_TTL_SECONDS * 1000);
    return ctx.deps.signer.downloadUrl(file.id, file.currentVersion, expiresAt);
  },
};
