import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/**
 * A subgraph's contract: `<srcDir>/../schema.graphql`, the same file composition reads. Parsed
 * without source locations: the schema keeps its AST for the life of the process, and every node's
 * Location with the token list behind it is ~0.5 MB per subgraph that nothing reads at run time
 * (composition parses the file itself).
 */
export function readContract(srcDir: string): DocumentNode {
  return parse(readFileSync(join(srcDir, '..', 'schema.graphql'), 'utf8'), { noLocation: true });
}
