import {
  Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValidationContext,
} from 'graphql';

/** The operations and fragments of the document being validated. */
export function documentParts(context: ValidationContext): { operations: OperationDefinitionNode[]; fragments: Map<string, FragmentDefinitionNode> } {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of context.getDocument().definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
    else if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  return { operations, fragments };
}

/**
 * Largest nesting of fields below a selection set, following fragment spreads. Each fragment's
 * depth is computed once (so a fragment bomb costs linear time) and cycles count as zero —
 * graphql's own NoFragmentCycles rule reports those.
 */
export function selectionDepth(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, memo = new Map<string, number>()): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    let depth: number;
    if (selection.kind === Kind.FIELD) depth = selection.selectionSet ? 1 + selectionDepth(selection.selectionSet, fragments, memo) : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) depth = selectionDepth(selection.selectionSet, fragments, memo);
    else depth = fragmentDepth(selection.name.value, fragments, memo);
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

function fragmentDepth(name: string, fragments: Map<string, FragmentDefinitionNode>, memo: Map<string, number>): number {
  const known = memo.get(name);
  if (known !== undefined) return known;
  memo.set(name, 0); // cycle guard while this fragment is being measured
  const depth = selectionDepth(fragments.get(name)?.selectionSet, fragments, memo);
  memo.set(name, depth);
  return depth;
}
