import type { Express } from 'express';
import type { AuthenticateMiddleware } from '@app/common';
import type { WorkflowDeps } from '../deps.js';
import { sampleSheetRoutes } from './sample-sheets.js';

/** Plain HTTP routes beside /graphql: MinKNOW sample-sheet downloads (sample-sheets.ts); notifications mount their own unsubscribe pages. */
export function workflowRoutes(deps: WorkflowDeps) {
  return (app: Express, authenticate: AuthenticateMiddleware): void => {
    sampleSheetRoutes(deps)(app, authenticate);
  };
}
