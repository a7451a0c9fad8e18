import type { FilesContext } from '../context.js';
import type { FileVersion as VersionEntity } from '../entities/index.js';
import { servable } from '../entities/enums.js';

export const FileVersion = {
  __resolveReference: (ref: { id: string }, ctx: FilesContext) => ctx.loaders.versionById.load(ref.id),
  file: (version: VersionEntity, _: unknown, ctx: FilesContext) => ctx.loaders.fileById.load(version.file.id),
  downloadUrl: async (version: VersionEntity, _: unknown, ctx: FilesContext) => {
    const file = await ctx.loaders.fileById.load(version.file.id);
    if (!file || file.deleted || file.purgedAt || !servable(version.scanStatus)) return null;
    return ctx.services.downloads.sign(file.id, version.version);
  },
};
