import type { SubgraphModule } from '@app/common';
import { module as ai } from '@app/subgraph-ai';
import { module as audit } from '@app/subgraph-audit';
import { module as auth } from '@app/subgraph-auth';
import { module as files } from '@app/subgraph-files';
import { module as samples } from '@app/subgraph-samples';
import { module as submission } from '@app/subgraph-submission';
import { module as workflow } from '@app/subgraph-workflow';

/** Every subgraph, in start order: auth first (the gateway verifies tokens against its keys). */
export const allSubgraphs: SubgraphModule<any, any>[] = [auth, samples, workflow, ai, files, audit, submission];
