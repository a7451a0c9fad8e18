import { selectedFields } from '@app/common';
import type { GraphQLResolveInfo } from 'graphql';
import type { SampleListRelations } from '../services/sample-query.service.js';

/** Which of a listed sample's relations the query reads (on `edges.node` or `nodes`). */
export function sampleListRelations(info: GraphQLResolveInfo): SampleListRelations {
  const fields = new Set([...selectedFields(info, ['edges', 'node']), ...selectedFields(info, ['nodes'])]);
  return { submission: fields.has('submission'), project: fields.has('project') };
}
