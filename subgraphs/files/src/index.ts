import { runSubgraphProcess } from '@app/common';
import { filesSubgraph } from './server.js';

await runSubgraphProcess(filesSubgraph);
