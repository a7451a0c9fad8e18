import type { Express } from 'express';
import type { AuthenticateMiddleware } from '@app/common';
import type { SamplesDeps } from '../deps.js';
import type { ExportRunner } from '../exports/runner.js';
import { exportRoutes } from './exports.js';

/** Plain HTTP routes beside /graphql: BI exports and export-job downloads (exports.ts). */
export function samplesRoutes(deps: SamplesDeps, runner: ExportRunner) {
  return (app: Express, authenticate: AuthenticateMiddleware): void => {
    exportRoutes(deps, runner)(app, authenticate);
  };
}
