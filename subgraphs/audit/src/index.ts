import { runSubgraphProcess } from '@app/common';
import { auditSubgraph } from './server.js';

await runSubgraphProcess(auditSubgraph);
