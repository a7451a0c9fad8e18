import type { Express } from 'express';
import { multipartUploads, type AuthenticateMiddleware } from '@app/common';
import type { FilesDeps } from '../deps.js';
import { downloadHandler } from './downloads.js';
import { uploadHandler } from './uploads.js';

/** Plain HTTP routes beside /graphql (signed URLs authorize them), and multipart parsing in front of it. */
export function registerFileRoutes(app: Express, deps: FilesDeps, authenticate: AuthenticateMiddleware): void {
  app.use('/graphql', multipartUploads({ maxFileBytes: deps.config.FILES_MAX_BYTES, maxFiles: deps.config.FILES_MAX_FILES }, authenticate));
  app.put('/uploads/:uploadId', uploadHandler(deps));
  app.get('/downloads/:fileId', downloadHandler(deps));
}
