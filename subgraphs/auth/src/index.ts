import { runSubgraphProcess } from '@app/common';
import { authSubgraph } from './server.js';

await runSubgraphProcess(authSubgraph);
