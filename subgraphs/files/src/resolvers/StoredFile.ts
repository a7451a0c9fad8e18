import type { StoredFileResolvers } from '../__generated__/resolvers-types.js';
import type { FilesContext } from '../context.js';
import type { StoredFile as FileEntity } from '../entities/index.js';
import { servable } from '../entities/enums.js';

/** The current version's row (versions are loaded newest first). */
const current = async (file: FileEntity, ctx: FilesContext) =>
  (await ctx.loaders.versionsByFileId.load(file.id)).find((v) => v.version === file.currentVersion) ?? null;

export const StoredFile: StoredFileResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.fileById.load(ref.id),
  versions: (file, _, ctx) => ctx.loaders.versionsByFileId.load(file.id),
  scanStatus: async (file, _, ctx) => (await current(file, ctx))?.scanStatus ?? 'NOT_SCANNED',
  /** Minted per request for a caller who can see the file; the route itself trusts the signature. */
  downloadUrl: async (file, _, ctx) => {
    if (file.deleted || file.purgedAt) return null;
    const version = await current(file, ctx);
    return version && servable(version.scanStatus) ? ctx.services.downloads.sign(file.id, version.version) : null;
  },
};
