/** A GraphQL error as the gateway returns it. */
interface GraphQLError { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; problems?: { field: string; message: string }[] } }

/** A failed operation, with the gateway's errors (code, field and problems) in the message. */
export class SeedRequestError extends Error {
  constructor(readonly operation: string, readonly errors: GraphQLError[]) {
    super(`${operation} failed: ${errors.map((e) => {
      const problems = e.extensions?.problems?.map((p) => `${p.field}: ${p.message}`).join('; ');
      return `${e.extensions?.code ?? 'ERROR'} ${e.message}${problems ? ` (${problems})` : ''}`;
    }).join(' | ')}`);
    this.name = 'SeedRequestError';
  }
}

/** Talks to the gateway over HTTP as one signed-in person. */
export class GatewayClient {
  constructor(readonly url: string, readonly token: string | null = null) {}

  as(token: string): GatewayClient {
    return new GatewayClient(this.url, token);
  }

  /** Runs an operation; any GraphQL error throws (the seed never continues past a refusal). */
  async request<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${this.url.replace(/\/$/, '')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: T; errors?: GraphQLError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`${nameOf(query)}: HTTP ${res.status} from ${this.url}: ${text.slice(0, 200)}`);
    }
    if (body.errors?.length) throw new SeedRequestError(nameOf(query), body.errors);
    if (!body.data) throw new Error(`${nameOf(query)}: HTTP ${res.status} without data`);
    return body.data;
  }

  async login(email: string, password: string): Promise<string> {
    const data = await this.request<{ login: { accessToken: string } }>(
      'mutation SeedLogin($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: email, p: password });
    return data.login.accessToken;
  }
}

const nameOf = (query: string) => /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? query.trim().slice(0, 40);

/** Runs `fn` over `items` with at most `limit` in flight, keeping order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
