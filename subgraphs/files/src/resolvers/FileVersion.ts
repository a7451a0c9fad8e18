import type { FilesContext } from '../context.js';
import type { FileVersion as VersionEntity } from '../entities/index.js';

export const FileVersion = {
  __resolveReference: (ref: { id: string }, ctx: FilesContext) => ctx.loaders.versionById.load(ref.id),
  file: (version: VersionEntity, _: unknown, ctx: FilesContext) => ctx.loaders.fileById.load(version.file.id),
};
