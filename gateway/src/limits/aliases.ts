import type { ValidationRule } from 'graphql';
import { QueryTooComplexError } from './error.js';

/**
 * Rejects documents with more than `max` aliases. Aliases are how one request asks for the same
 * expensive field hundreds of times, so they are counted across the whole document.
 */
export function maxAliasesRule(max: number): ValidationRule {
  return (context) => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias) count++;
      },
      Document: {
        leave(node) {
          if (count > max) {
            context.reportError(new QueryTooComplexError('aliases', `The query uses ${count} aliases; the maximum is ${max}`, count, max, node));
          }
        },
      },
    };
  };
}
