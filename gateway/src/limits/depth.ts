import type { ValidationRule } from 'graphql';
import { QueryTooComplexError } from './error.js';
import { documentParts, selectionDepth } from './walk.js';

/** Rejects operations nested deeper than `max` fields (`{ a { b } }` has depth 2). */
export function maxDepthRule(max: number): ValidationRule {
  return (context) => ({
    Document: {
      leave() {
        const { operations, fragments } = documentParts(context);
        const memo = new Map<string, number>();
        for (const operation of operations) {
          const depth = selectionDepth(operation.selectionSet, fragments, memo);
          if (depth > max) {
            context.reportError(new QueryTooComplexError('depth', `Query depth ${depth} exceeds the maximum depth of ${max}`, depth, max, operation));
          }
        }
      },
    },
  });
}
