import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.js';

/** Stable machine-readable codes clients can branch on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  RATE_LIMITED: 'RATE_LIMITED',
  /** An e-signed action was sent without a signature, or the signer must re-enter their password. */
  SIGNATURE_REQUIRED: 'SIGNATURE_REQUIRED',
  /** The signature is malformed, expired, someone else's, or made for another record. */
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
  /** The signature was already used (a signature signs one change of one record). */
  SIGNATURE_REUSED: 'SIGNATURE_REUSED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** A service the answer needs is down or not answering (the gateway names it); retry later. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A problem with one input field, addressed by its path (e.g. `samples.3.volume`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Base of every error that is safe to show to a client as it is. */
export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}, httpStatus?: number) {
    super(message, { extensions: { code, ...extensions, ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
    this.name = new.target.name;
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

/** Input failed validation; names the field (or fields) and says what is wrong with each. */
export class ValidationError extends AppError {
  constructor(readonly problems: FieldProblem[]) {
    const first = problems[0];
    const message = problems.length === 1 && first ? `${first.field}: ${first.message}` : `${problems.length} fields are invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`;
    super(message, ErrorCode.BAD_USER_INPUT, { field: first?.field, problems });
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication is required') {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super(message, ErrorCode.FORBIDDEN);
  }
}

/** Also used when the caller may not see a thing, so its existence does not leak. */
export class NotFoundError extends AppError {
  constructor(entity: string, id?: string) {
    super(id ? `${entity} ${id} was not found` : `${entity} was not found`, ErrorCode.NOT_FOUND, { entity, ...(id ? { id } : {}) });
  }
}

/** A concurrent edit won: the caller's version of the record is stale. */
export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, extensions);
  }
}

export class InvalidTransitionError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.INVALID_TRANSITION, extensions);
  }
}

/** An e-signature (21 CFR Part 11) is missing, unusable or spent; `code` says which (SIGNATURE_REQUIRED, SIGNATURE_INVALID, SIGNATURE_REUSED). */
export class SignatureError extends AppError {
  constructor(message: string, code: typeof ErrorCode.SIGNATURE_REQUIRED | typeof ErrorCode.SIGNATURE_INVALID | typeof ErrorCode.SIGNATURE_REUSED, extensions: Record<string, unknown> = {}) {
    super(message, code, extensions);
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, ErrorCode.RATE_LIMITED, { retryAfterSeconds });
  }
}

/** Codes GraphQL itself produces for malformed operations; these are safe to pass through. */
const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'DOWNSTREAM_SERVICE_ERROR',
]);

/** Database failures caused by a concurrent change: the client may simply retry. */
const CONCURRENCY_FAILURES = new Set(['DeadlockException', 'LockWaitTimeoutException', 'OptimisticLockError']);

function concurrencyFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let i = 0; i < 4 && current; i++) {
    if (current instanceof Error && CONCURRENCY_FAILURES.has(current.name || current.constructor.name)) return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}

/**
 * SQLSTATE class 22 ("data exception": bad uuid, date out of range, NUL byte, number too large...):
 * the input was unusable. Embedded PGlite reports a NUL byte in a parameter as 08P01 instead.
 */
function dataException(error: unknown): boolean {
  let current = error as { originalError?: unknown; code?: unknown; sqlState?: unknown } | undefined;
  for (let i = 0; i < 4 && current; i++) {
    if (/^(22[0-9A-Z]{3}|08P01)$/.test(String(current.code ?? current.sqlState ?? ''))) return true;
    current = current.originalError as typeof current;
  }
  return false;
}

/**
 * Apollo `formatError`: errors with a known client-facing code pass through; a change that lost a
 * race with a concurrent one becomes a retryable CONFLICT; a value the database cannot take (an id
 * that is no UUID, a year 200000) is the caller's BAD_USER_INPUT, not a server error; anything else is logged in full and
 * replaced by a generic message, so stack traces and SQL never reach clients.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (concurrencyFailure(error)) {
      logger.warn({ err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path }, 'concurrent change; answered CONFLICT');
      return { message: 'Someone else changed this at the same time; reload and retry', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.CONFLICT, retryable: true } };
    }
    if (dataException(error)) {
      logger.warn({ err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path }, 'input the database cannot store; answered BAD_USER_INPUT');
      return { message: 'A value in the input is not valid for its field (malformed id, date or number out of range, or a NUL character)', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
