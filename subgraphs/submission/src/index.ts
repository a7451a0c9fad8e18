import { runSubgraphProcess } from '@app/common';
import { submissionSubgraph } from './server.js';

await runSubgraphProcess(submissionSubgraph);
