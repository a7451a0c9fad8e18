import { STATUS_CODES } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { withTimeout, type LocalGraphQLHandler } from '@app/common';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export interface SubgraphFetchOptions {
  /** Keep-alive connections per subgraph host at most. */
  maxSockets: number;
  /** Longest wait for a subgraph's headers, and then for its body. */
  timeoutMs: number;
  /**
   * Subgraphs in this process (embedded mode), by GraphQL URL: their JSON fetches are handed over
   * in memory (same auth, context and Apollo execution, no socket, HTTP parsing or express).
   */
  local?: Record<string, LocalGraphQLHandler>;
}

/** A subgraph's answer, read whole: Apollo reads it once, as JSON or text. */
class SubgraphResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;

  constructor(readonly url: string, readonly status: number, readonly headers: Headers, private readonly body: string) {}

  get ok(): boolean { return this.status >= 200 && this.status < 300; }
  get statusText(): string { return STATUS_CODES[this.status] ?? ''; }
  async text(): Promise<string> { return this.body; }
  async json(): Promise<unknown> { return JSON.parse(this.body); }
  async arrayBuffer(): Promise<ArrayBuffer> { return new TextEncoder().encode(this.body).buffer as ArrayBuffer; }
  clone(): FetcherResponse { return this; }
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

/**
 * One keep-alive pool for all subgraph fetches, on undici's request API. Apollo's default has no
 * socket cap, which lets a burst open thousands of sockets and flood the event loop (Apollo
 * TN0009); retries stay off because a retried mutation could apply twice. It replaces
 * make-fetch-happen, whose agent built an Error stack on every request to guess the protocol and
 * whose stream layers cost about a tenth of a dashboard request's CPU at the gateway.
 */
export function createSubgraphFetcher(options: SubgraphFetchOptions): Fetcher {
  const agent = new Agent({ connections: options.maxSockets, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs, keepAliveTimeout: 30_000 });
  const local = options.local ?? {};
  return async (url, init = {}) => {
    const inProcess = local[url];
    if (inProcess && typeof init.body === 'string') {
      const answer = await withTimeout(inProcess({ headers: init.headers as Record<string, string>, body: init.body }), options.timeoutMs);
      return new SubgraphResponse(url, answer.status, new Headers(answer.headers), answer.body);
    }
    const res = await request(url, {
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod, headers: init.headers, body: init.body, signal: init.signal as AbortSignal | undefined, dispatcher: agent,
    });
    return new SubgraphResponse(url, res.statusCode, toHeaders(res.headers), await res.body.text());
  };
}
