import {
  Kind, getNamedType, getNullableType, isListType, isCompositeType, isObjectType, isInterfaceType, valueFromASTUntyped,
  type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode, type ValidationRule,
} from 'graphql';
import { QueryTooComplexError } from './error.js';
import { documentParts } from './walk.js';

/** Assumed size of a list whose page size the operation does not state. */
export const DEFAULT_LIST_SIZE = 20;
const PAGE_ARGUMENTS = ['first', 'last', 'limit'];

interface CostScope {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  operation: OperationDefinitionNode;
  memo: Map<string, number>;
}

/** The page size a field asks for: a literal, a variable's default, or the argument's schema default. */
function pageSize(field: FieldNode, def: GraphQLField<unknown, unknown> | undefined, scope: CostScope): number | null {
  for (const argName of PAGE_ARGUMENTS) {
    const arg = field.arguments?.find((a) => a.name.value === argName);
    const argDef = def?.args.find((a) => a.name === argName);
    if (!arg && !argDef) continue;
    let value: unknown = argDef?.defaultValue;
    if (arg?.value.kind === Kind.VARIABLE) {
      // Validation runs before variables are known: use the declared default, else assume a normal page.
      const name = arg.value.name.value;
      const declared = scope.operation.variableDefinitions?.find((v) => v.variable.name.value === name)?.defaultValue;
      value = declared ? valueFromASTUntyped(declared) : DEFAULT_LIST_SIZE;
    } else if (arg) {
      value = valueFromASTUntyped(arg.value);
    }
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_LIST_SIZE;
  }
  return null;
}

function fieldDefinition(parent: GraphQLCompositeType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
}

/**
 * Each field costs 1; the fields under a list cost once per item. A paged field (`first`/`limit`)
 * multiplies by its page size, and the list directly under it (`edges`, `nodes`) is that same page,
 * so it is not multiplied again. An unpaged list counts as DEFAULT_LIST_SIZE items.
 */
function fieldCost(field: FieldNode, parent: GraphQLCompositeType | undefined, insidePage: boolean, scope: CostScope): number {
  if (!field.selectionSet) return 1;
  const def = fieldDefinition(parent, field.name.value);
  const page = pageSize(field, def, scope);
  const isList = def ? isListType(getNullableType(def.type)) : false;
  const multiplier = page ?? (isList && !insidePage ? DEFAULT_LIST_SIZE : 1);
  const named = def ? getNamedType(def.type) : undefined;
  const childParent = named && isCompositeType(named) ? named : undefined;
  return 1 + multiplier * selectionCost(field.selectionSet, childParent, page !== null, scope);
}

function fragmentCost(name: string, insidePage: boolean, scope: CostScope): number {
  const key = `${name}:${insidePage}`;
  const known = scope.memo.get(key);
  if (known !== undefined) return known;
  scope.memo.set(key, 0); // cycle guard; NoFragmentCycles reports the cycle itself
  const fragment = scope.fragments.get(name);
  const type = fragment && scope.schema.getType(fragment.typeCondition.name.value);
  const cost = fragment ? selectionCost(fragment.selectionSet, type && isCompositeType(type) ? type : undefined, insidePage, scope) : 0;
  scope.memo.set(key, cost);
  return cost;
}

export function selectionCost(set: SelectionSetNode, parent: GraphQLCompositeType | undefined, insidePage: boolean, scope: CostScope): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) total += fieldCost(selection, parent, insidePage, scope);
    else if (selection.kind === Kind.FRAGMENT_SPREAD) total += fragmentCost(selection.name.value, insidePage, scope);
    else {
      const type = selection.typeCondition ? scope.schema.getType(selection.typeCondition.name.value) : parent;
      total += selectionCost(selection.selectionSet, type && isCompositeType(type) ? type : undefined, insidePage, scope);
    }
  }
  return total;
}

/** Estimated cost of one operation; introspection is skipped (its shape is fixed and governed by GRAPHQL_INTROSPECTION). */
export function operationCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): number {
  const root = schema.getRootType(operation.operation) ?? undefined;
  const scope: CostScope = { schema, fragments, operation, memo: new Map() };
  const selections = operation.selectionSet.selections.filter((s) => s.kind !== Kind.FIELD || !s.name.value.startsWith('__'));
  return selectionCost({ ...operation.selectionSet, selections }, root, false, scope);
}

/** Rejects operations whose estimated cost exceeds `max`. */
export function maxCostRule(max: number): ValidationRule {
  return (context) => ({
    Document: {
      leave() {
        const { operations, fragments } = documentParts(context);
        for (const operation of operations) {
          const cost = operationCost(context.getSchema(), operation, fragments);
          if (cost > max) {
            context.reportError(new QueryTooComplexError('cost', `Estimated query cost ${cost} exceeds the maximum cost of ${max}`, cost, max, operation));
          }
        }
      },
    },
  });
}
