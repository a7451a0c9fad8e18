import { GraphQLError, type ASTNode } from 'graphql';
import { ErrorCode } from '@app/common';

export type LimitName = 'depth' | 'aliases' | 'cost' | 'rootFields' | 'tokens';

/**
 * Raised by the limit rules. Apollo re-labels every validation error GRAPHQL_VALIDATION_FAILED;
 * formatLimitErrors puts QUERY_TOO_COMPLEX back so clients can tell "too big" from "malformed".
 */
export class QueryTooComplexError extends GraphQLError {
  constructor(readonly limit: LimitName, message: string, actual: number, max: number, nodes?: ASTNode) {
    super(message, { nodes, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, actual, max } });
    this.name = 'QueryTooComplexError';
  }
}

function isLimitError(error: unknown): boolean {
  let current: unknown = error;
  for (let i = 0; i < 3 && current; i++) {
    if (current instanceof QueryTooComplexError) return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}

/** Wraps a formatError so limit violations keep their QUERY_TOO_COMPLEX code. */
export function formatLimitErrors<F extends { extensions?: Record<string, unknown> }>(format: (formatted: F, error: unknown) => F) {
  return (formatted: F, error: unknown): F => {
    if (!isLimitError(error)) return format(formatted, error);
    return format({ ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.QUERY_TOO_COMPLEX } }, error);
  };
}
