// Turns a GraphQL or network failure into a sentence that names the problem and, where known, the field.

interface GraphQLErrorLike { message: string; extensions?: Record<string, unknown> }

export interface FieldProblem { field: string; message: string }

export function problemsOf(error: { errors?: readonly GraphQLErrorLike[] } | GraphQLErrorLike | null | undefined): FieldProblem[] {
  const list = error && 'errors' in error && error.errors ? error.errors : error && 'message' in error ? [error] : [];
  const problems: FieldProblem[] = [];
  for (const e of list) {
    const fields = e.extensions?.problems ?? e.extensions?.fields;
    if (Array.isArray(fields)) for (const p of fields) problems.push({ field: String(p.field ?? p.path ?? ''), message: String(p.message ?? '') });
  }
  return problems;
}

export function describeError(error: unknown): string {
  if (!error) return '';
  const e = error as { message?: string; errors?: readonly GraphQLErrorLike[]; networkError?: unknown; extensions?: Record<string, unknown> };
  const first = e.errors?.[0];
  const code = (first?.extensions?.code ?? e.extensions?.code) as string | undefined;
  const problems = problemsOf(first ?? (e as GraphQLErrorLike));
  const base = first?.message ?? e.message ?? String(error);
  const detail = problems.length ? `: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}` : '';
  const prefix = code === 'FORBIDDEN' ? 'Not allowed — ' : code === 'UNAUTHENTICATED' ? 'Signed out — ' : '';
  if (/Failed to fetch|NetworkError|ECONNREFUSED/i.test(base)) return 'The server cannot be reached; check your connection and try again.';
  const named = problems.every((p) => base.includes(p.message));
  return `${prefix}${base}${named ? '' : detail}`;
}
