import { runSubgraphProcess } from '@app/common';
import { aiSubgraph } from './server.js';

await runSubgraphProcess(aiSubgraph);
