import type { SubgraphDeps } from '@app/common';
import type { AiConfig } from './config.js';

/** Process-wide dependencies of the ai subgraph. */
export type AiDeps = SubgraphDeps<AiConfig>;

export const SOURCE = 'ai';
