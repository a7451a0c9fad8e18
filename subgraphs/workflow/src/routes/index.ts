import type { Express } from 'express';
import { multipartUploads, type AuthenticateMiddleware } from '@app/common';
import { MAX_SEQUENCING_SUMMARY_UPLOAD_BYTES } from '../services/lab/run-metrics.js';
import type { WorkflowDeps } from '../deps.js';
import { sampleSheetRoutes } from './sample-sheets.js';

/**
 * Plain HTTP routes beside /graphql: MinKNOW sample-sheet downloads (sample-sheets.ts); notifications
 * mount their own unsubscribe pages. Multipart parsing in front of /graphql, for
 * `importRunMetrics(input: { sequencingSummaryUpload })` (the gateway streams the part through): one
 * file, within the upload bound, parsed only for an authenticated call.
 */
export function workflowRoutes(deps: WorkflowDeps) {
  return (app: Express, authenticate: AuthenticateMiddleware): void => {
    app.use('/graphql', multipartUploads({ maxFileBytes: MAX_SEQUENCING_SUMMARY_UPLOAD_BYTES, maxFiles: 1 }, authenticate));
    sampleSheetRoutes(deps)(app, authenticate);
  };
}
