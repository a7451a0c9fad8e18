import { GraphQLScalarType, Kind } from 'graphql';

function toDate(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value) : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new TypeError(`DateTime must be an ISO-8601 date-time, got ${JSON.stringify(value)}`);
  return date;
}

/** A date, or a date-time with an explicit zone: anything else (numbers, "March 7", zone-less local times) is ambiguous. */
const ISO_INPUT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/** Client input: only ISO-8601 text is accepted. */
function inputDate(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INPUT.test(value)) {
    throw new TypeError(`DateTime must be an ISO-8601 date-time with a zone (e.g. 2026-11-23T14:05:00Z), got ${JSON.stringify(value)}`);
  }
  return toDate(value);
}

/** ISO-8601 date-time in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO-8601 date-time, always returned in UTC (e.g. 2026-11-23T14:05:00.000Z).',
  serialize: (value) => toDate(value).toISOString(),
  parseValue: (value) => inputDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string');
    return inputDate(ast.value);
  },
});

function literalValue(ast: import('graphql').ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING: case Kind.BOOLEAN: case Kind.ENUM: return ast.value;
    case Kind.INT: case Kind.FLOAT: return Number(ast.value);
    case Kind.NULL: return null;
    case Kind.LIST: return ast.values.map(literalValue);
    case Kind.OBJECT: return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalValue(f.value)]));
    default: throw new TypeError('variables are not allowed inside JSON literals');
  }
}

/** Free-form JSON, used only where the shape is genuinely open (event before/after values). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalValue,
});
