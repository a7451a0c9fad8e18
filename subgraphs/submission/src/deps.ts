import type { SubgraphDeps } from '@app/common';
import type { SubmissionConfig } from './config.js';

/** Process-wide dependencies of the submission subgraph. */
export type SubmissionDeps = SubgraphDeps<SubmissionConfig>;

export const SOURCE = 'submission';
