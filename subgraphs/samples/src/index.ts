import { runSubgraphProcess } from '@app/common';
import { samplesSubgraph } from './server.js';

await runSubgraphProcess(samplesSubgraph);
