import { knownToExist } from '@app/common';
import type { FileVersionResolvers } from '../__generated__/resolvers-types.js';
import { servable } from '../entities/enums.js';

export const FileVersion: FileVersionResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.versionById.load(ref.id),
  // The version was loaded through its file's lab check, so its file is visible too.
  file: (version, _, ctx) => knownToExist(ctx.loaders.fileById.load(version.file.id)),
  downloadUrl: async (version, _, ctx) => {
    const file = await ctx.loaders.fileById.load(version.file.id);
    if (!file || file.deleted || file.purgedAt || !servable(version.scanStatus)) return null;
    return ctx.services.downloads.sign(file.id, version.version);
  },
};
