import { selectedFields } from '@app/common';
import type { GraphQLResolveInfo } from 'graphql';
import type { SampleRelations } from '../services/sample-relations.js';

const relationsOf = (fields: Set<string>): SampleRelations => ({ submission: fields.has('submission'), project: fields.has('project') });

/** Which of a listed sample's relations the query reads (on `edges.node` or `nodes`). */
export function sampleListRelations(info: GraphQLResolveInfo): SampleRelations {
  return relationsOf(new Set([...selectedFields(info, ['edges', 'node']), ...selectedFields(info, ['nodes'])]));
}

/** Which relations the query reads on a sample it resolves by reference (`_entities`: `... on Sample { … }`). */
export function sampleReferenceRelations(info: GraphQLResolveInfo): SampleRelations {
  return relationsOf(selectedFields(info, []));
}
