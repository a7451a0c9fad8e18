import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';

/** The contract, read from the same file composition reads. */
export const typeDefs = parse(readFileSync(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8'));
