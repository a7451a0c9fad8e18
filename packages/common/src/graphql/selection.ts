/**
 * What a query selects below a field, so a list resolver reads related rows in its own statement
 * only when they will be resolved. Fragments are followed; @skip/@include are not evaluated (a
 * field they might drop counts as selected: reading a row too many is harmless).
 */
import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;

function fieldsOf(set: SelectionSetNode | undefined, fragments: Fragments, out: Map<string, SelectionSetNode[]>): void {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === 'Field') {
      const children = out.get(sel.name.value) ?? [];
      if (sel.selectionSet) children.push(sel.selectionSet);
      out.set(sel.name.value, children);
    } else if (sel.kind === 'InlineFragment') {
      fieldsOf(sel.selectionSet, fragments, out);
    } else {
      fieldsOf(fragments[sel.name.value]?.selectionSet, fragments, out);
    }
  }
}

/** Field names selected at `path` below the resolving field (e.g. ['edges', 'node'] of a connection). */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: string[]): Set<string> {
  let sets = info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    for (const set of sets) {
      const fields = new Map<string, SelectionSetNode[]>();
      fieldsOf(set, info.fragments, fields);
      next.push(...(fields.get(name) ?? []));
    }
    sets = next;
  }
  const names = new Map<string, SelectionSetNode[]>();
  for (const set of sets) fieldsOf(set, info.fragments, names);
  return new Set(names.keys());
}
