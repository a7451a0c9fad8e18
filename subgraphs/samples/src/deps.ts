import type { SubgraphDeps } from '@app/common';
import type { SamplesConfig } from './config.js';

/** Process-wide dependencies of the samples subgraph. */
export type SamplesDeps = SubgraphDeps<SamplesConfig>;

export const SOURCE = 'samples';
