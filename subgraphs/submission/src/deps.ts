import type { SubgraphDeps } from '@app/common';
import type { SubmissionConfig } from './config.js';
import type { InFlightCommits } from './services/in-flight.js';

/** Process-wide dependencies of the submission subgraph. */
export type SubmissionDeps = SubgraphDeps<SubmissionConfig> & { commits: InFlightCommits };

export const SOURCE = 'submission';
