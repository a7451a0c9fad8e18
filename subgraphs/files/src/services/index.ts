import type { BaseContext } from '@app/common';
import type { FilesDeps } from '../deps.js';
import type { FilesLoaders } from '../loaders/index.js';
import { AttachmentService } from './attachment.service.js';
import { DownloadService } from './download.service.js';
import { FileService } from './file.service.js';
import { UploadService } from './upload.service.js';

/** The rules of the files domain, bound to one request's caller and entity manager. */
export function createServices(deps: FilesDeps, ctx: BaseContext, loaders: FilesLoaders) {
  return {
    uploads: new UploadService(deps, ctx),
    attachments: new AttachmentService(deps, ctx, loaders),
    files: new FileService(deps, ctx, loaders),
    downloads: new DownloadService(deps),
  };
}
export type FilesServices = ReturnType<typeof createServices>;
