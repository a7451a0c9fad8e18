import type { BaseContext } from '@app/common';
import type { FilesDeps } from '../deps.js';
import type { FilesLoaders } from '../loaders/index.js';
import { FileService } from './file.service.js';
import { UploadService } from './upload.service.js';

/** The rules of the files domain, bound to one request's caller and entity manager. */
export function createServices(deps: FilesDeps, ctx: BaseContext, loaders: FilesLoaders) {
  return { uploads: new UploadService(deps, ctx), files: new FileService(deps, ctx, loaders) };
}
export type FilesServices = ReturnType<typeof createServices>;
