import type { Express } from 'express';
import { multipartUploads, type AuthenticateMiddleware } from '@app/common';
import type { AiDeps } from '../deps.js';

/**
 * Multipart parsing in front of /graphql, for `startPdfExtraction(input: { upload })` (the gateway
 * streams the part through): one file, at most AI_MAX_PDF_BYTES, parsed only for an authenticated call.
 */
export function registerAiRoutes(app: Express, deps: AiDeps, authenticate: AuthenticateMiddleware): void {
  app.use('/graphql', multipartUploads({ maxFileBytes: deps.config.AI_MAX_PDF_BYTES, maxFiles: 1 }, authenticate));
}
