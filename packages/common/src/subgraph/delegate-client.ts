import { AppError, ErrorCode, type FieldProblem } from '../errors.js';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '../http/app.js';
import { INTERNAL_TOKEN_HEADER } from '../identity/internal-token.js';
import type { BaseContext, Delegate } from './context.js';

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; problems?: FieldProblem[]; field?: string } }[];
}

/** An error another subgraph answered a delegated call with, kept with its code and field problems. */
export class DelegatedCallError extends AppError {
  constructor(message: string, code: ErrorCode, readonly service: string, readonly problems: FieldProblem[] = []) {
    super(message, code, problems.length ? { problems, field: problems[0]?.field } : {});
  }
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Calls another subgraph's own GraphQL API as the caller, with the token the gateway minted for it
 * (DELEGATIONS in the gateway): the callee applies its own rules and access checks, and its errors
 * come back with their codes.
 */
export class DelegateClient {
  constructor(
    readonly service: string,
    private readonly delegate: Delegate,
    private readonly ids: Pick<BaseContext, 'requestId' | 'correlationId'>,
    private readonly timeoutMs = 60_000,
  ) {}

  /** The client for `service` on this request, or null when the gateway did not delegate it. */
  static of(ctx: BaseContext, service: string, timeoutMs?: number): DelegateClient | null {
    const delegate = ctx.delegates?.[service];
    return delegate ? new DelegateClient(service, delegate, ctx, timeoutMs) : null;
  }

  /** The callee's GraphQL URL (relative links it answers with resolve against it). */
  get url(): string {
    return this.delegate.url;
  }

  async request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.delegate.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: this.delegate.token,
          [REQUEST_ID_HEADER]: this.ids.requestId, [CORRELATION_ID_HEADER]: this.ids.correlationId,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw this.error(`The ${this.service} service could not be reached: ${(err as Error).message}`, ErrorCode.INTERNAL_SERVER_ERROR);
    }
    if (res.status === 401) throw this.error(`The authorization to call ${this.service} as you expired; try again to continue`, ErrorCode.UNAUTHENTICATED);
    const answer = (await res.json().catch(() => ({}))) as GraphQLAnswer<T>;
    const error = answer.errors?.[0];
    if (error) {
      const code = KNOWN_CODES.has(error.extensions?.code ?? '') ? (error.extensions!.code as ErrorCode) : ErrorCode.INTERNAL_SERVER_ERROR;
      throw this.error(error.message, code, error.extensions?.problems ?? []);
    }
    if (!answer.data) throw this.error(`${this.service} answered ${res.status} without data`, ErrorCode.INTERNAL_SERVER_ERROR);
    return answer.data;
  }

  private error(message: string, code: ErrorCode, problems: FieldProblem[] = []): DelegatedCallError {
    return new DelegatedCallError(message, code, this.service, problems);
  }
}
