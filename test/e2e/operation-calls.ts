import { randomUUID } from 'node:crypto';
import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, isLeafType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';

/** A literal for an input type: the smallest valid-looking value (random ids never exist). */
function literal(type: GraphQLInputType, depth = 0): string {
  if (isNonNullType(type)) return literal(type.ofType, depth);
  if (isListType(type)) return `[${literal(type.ofType, depth)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${depth > 4 ? 'null' : literal(f.type, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID': return JSON.stringify(randomUUID());
      case 'Int': return '1';
      case 'Float': return '1.5';
      case 'Boolean': return 'false';
      case 'DateTime': return JSON.stringify(new Date(Date.now() + 86_400_000).toISOString());
      case 'JSON': return '{}';
      default: return JSON.stringify('matrix-probe-value');
    }
  }
  return 'null';
}

function requiredArgs(args: readonly GraphQLArgument[]): string {
  const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  return required.length ? `(${required.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
}

function selection(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
}

export interface OperationCall {
  /** `Query.sample`, `Mutation.createProject`, ... */
  name: string;
  document: string;
}

/** One call for every root query and mutation field of the API schema. */
export function operationCalls(schema: GraphQLSchema): OperationCall[] {
  const calls: OperationCall[] = [];
  for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue;
      calls.push({ name: `${type.name}.${field.name}`, document: `${kind} { ${field.name}${requiredArgs(field.args)}${selection(field)} }` });
    }
  }
  return calls;
}
