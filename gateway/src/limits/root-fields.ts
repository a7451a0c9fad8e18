import { Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { QueryTooComplexError } from './error.js';
import { documentParts } from './walk.js';

function rootFieldNames(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, names: Set<string>, seen = new Set<string>()): Set<string> {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFieldNames(selection.selectionSet, fragments, names, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootFieldNames(fragment.selectionSet, fragments, names, seen);
    }
  }
  return names;
}

/** Rejects operations asking for more than `max` different top-level fields (each is its own subgraph fetch). */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    Document: {
      leave() {
        const { operations, fragments } = documentParts(context);
        for (const operation of operations) {
          const count = rootFieldNames(operation.selectionSet, fragments, new Set()).size;
          if (count > max) {
            context.reportError(new QueryTooComplexError('rootFields', `The operation selects ${count} distinct root fields; the maximum is ${max}`, count, max, operation));
          }
        }
      },
    },
  });
}
