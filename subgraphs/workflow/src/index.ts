import { runSubgraphProcess } from '@app/common';
import { workflowSubgraph } from './server.js';

await runSubgraphProcess(workflowSubgraph);
