import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';

/**
 * The contract, read from the same file composition reads. Without source locations: the schema keeps
 * its AST for the life of the process, and every node's Location with the token list behind it is
 * ~0.5 MB per subgraph that nothing reads at run time (composition parses the file itself).
 */
export const typeDefs = parse(readFileSync(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8'), { noLocation: true });
