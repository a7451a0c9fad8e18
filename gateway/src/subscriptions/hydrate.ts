import {
  GraphQLError, Kind, defaultFieldResolver, print, visit, type FieldNode, type FragmentDefinitionNode, type GraphQLFieldResolver,
  type GraphQLResolveInfo, type SelectionSetNode,
} from 'graphql';

/** Marks objects that came from a hydration query: their fields are read by response key. */
const HYDRATED = Symbol('hydrated');

/** The hydration query for one field of a subscription payload, and its variables. */
export interface HydrationQuery {
  query: string;
  variables: Record<string, unknown>;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** Adds `__typename` to every selection set so union and interface members resolve from hydrated data. */
function withTypenames<T extends SelectionSetNode | FragmentDefinitionNode>(node: T): T {
  return visit(node, {
    SelectionSet: (set) => (set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias)
      ? undefined
      : { ...set, selections: [TYPENAME, ...set.selections] }),
  });
}

/** Variables and fragments a selection uses, transitively through fragment spreads. */
function usedVariablesAndFragments(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>) {
  const variables = new Set<string>();
  const used = new Set<string>();
  const walk = (node: SelectionSetNode | FragmentDefinitionNode) => visit(node, {
    Variable: (v) => void variables.add(v.name.value),
    FragmentSpread: (spread) => {
      const name = spread.name.value;
      if (used.has(name) || !fragments[name]) return;
      used.add(name);
      walk(fragments[name]);
    },
  });
  walk(set);
  return { variables, fragments: used };
}

/** The client's selections under this field, merged over every node that shares its response key. */
function mergedSelection(info: GraphQLResolveInfo): SelectionSetNode {
  const selections = info.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []);
  return { kind: Kind.SELECTION_SET, selections };
}

interface BuiltQuery {
  query: string;
  variableNames: string[];
}

/**
 * Hydration queries by the first field node of the payload field (and root field). graphql-ws
 * executes one parsed document for every event of a subscription, so the query is printed once
 * per subscription, not once per event; a new document (another subscription) builds its own.
 */
const builtQueries = new WeakMap<FieldNode, Map<string, BuiltQuery>>();

function buildQuery(rootField: string, info: GraphQLResolveInfo): BuiltQuery {
  const selection = mergedSelection(info);
  const used = usedVariablesAndFragments(selection, info.fragments);
  const variableDefinitions = (info.operation.variableDefinitions ?? []).filter((d) => used.variables.has(d.variable.name.value));
  const header = ['$__id: ID!', ...variableDefinitions.map((d) => print(d))].join(', ');
  const fragments = [...used.fragments].map((name) => print(withTypenames(info.fragments[name]!)));
  const query = [`query SubscriptionHydrate(${header}) { entity: ${rootField}(id: $__id) ${print(withTypenames(selection))} }`, ...fragments].join('\n');
  return { query, variableNames: [...used.variables] };
}

/**
 * `query SubscriptionHydrate($__id: ID!, <used variables>) { entity: <rootField>(id: $__id) { <selection> } } <used fragments>`:
 * the client's own selection under the foreign field, so the gateway's planner fetches exactly
 * what was asked, from whichever subgraphs own it. Unused variables and fragments are left out
 * (graphql would reject them).
 */
export function buildHydrationQuery(rootField: string, id: string, info: GraphQLResolveInfo): HydrationQuery {
  const node = info.fieldNodes[0]!;
  let byRoot = builtQueries.get(node);
  if (!byRoot) builtQueries.set(node, (byRoot = new Map()));
  let built = byRoot.get(rootField);
  if (!built) byRoot.set(rootField, (built = buildQuery(rootField, info)));
  const variables: Record<string, unknown> = { __id: id };
  for (const name of built.variableNames) if (name in info.variableValues) variables[name] = info.variableValues[name];
  return { query: built.query, variables };
}

/** Tags a hydrated result (deeply) so `hydratedFieldResolver` reads it by response key. */
export function markHydrated<T>(value: T): T {
  if (Array.isArray(value)) {
    value.forEach(markHydrated);
  } else if (value && typeof value === 'object' && !(value as Record<symbol, unknown>)[HYDRATED]) {
    Object.defineProperty(value, HYDRATED, { value: true, enumerable: false });
    for (const child of Object.values(value)) markHydrated(child);
  }
  return value;
}

/**
 * The executor's field resolver: hydrated objects already hold each field under the client's
 * alias (the hydration query copied the selection); everything else resolves as usual.
 */
export const hydratedFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) =>
  source && typeof source === 'object' && (source as Record<symbol, unknown>)[HYDRATED]
    ? (source as Record<string, unknown>)[info.path.key as string]
    : defaultFieldResolver(source, args, context, info);

/** The first error of a hydration answer, kept in its (already formatted) shape. */
export function hydrationError(errors: readonly { message: string; extensions?: Record<string, unknown> }[]): GraphQLError {
  const [first] = errors;
  return new GraphQLError(first?.message ?? 'The subscription payload could not be completed', { extensions: first?.extensions });
}
