import type { Express } from 'express';
import type { FilesDeps } from '../deps.js';
import { downloadHandler } from './downloads.js';
import { uploadHandler } from './uploads.js';

/** Plain HTTP routes beside /graphql; signed URLs authorize them, not the internal token. */
export function registerFileRoutes(app: Express, deps: FilesDeps): void {
  app.put('/uploads/:uploadId', uploadHandler(deps));
  app.get('/downloads/:fileId', downloadHandler(deps));
}
