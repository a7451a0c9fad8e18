const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Quotes a schema-qualified table name for raw SQL, refusing anything that is not a plain identifier. */
export function qualified(schema: string, table: string): string {
  for (const part of [schema, table]) {
    if (!IDENTIFIER.test(part)) throw new Error(`not a safe SQL identifier: ${part}`);
  }
  return `"${schema}"."${table}"`;
}
