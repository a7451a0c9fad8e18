import {
  AppError, CORRELATION_ID_HEADER, ErrorCode, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, type BaseContext, type Delegate, type FieldProblem,
} from '@app/common';

/** How long one call to samples may take (a 500-sample addSamples with its events takes well under this). */
const TIMEOUT_MS = 60_000;

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; problems?: FieldProblem[]; field?: string } }[];
}

/** An error samples answered with, kept with its code and field problems. */
export class SamplesError extends AppError {
  constructor(message: string, code: ErrorCode, readonly problems: FieldProblem[] = []) {
    super(message, code, problems.length ? { problems, field: problems[0]?.field } : {});
  }
}

export interface SubmissionRef {
  id: string;
  labId: string;
  status: string;
  project: { id: string };
}

export interface ProjectRef {
  id: string;
  labId: string;
  status: string;
}

/**
 * Calls the samples subgraph's own API as the caller (the gateway minted the token for it with the
 * caller's identity): intake never touches samples' tables, and samples applies its own rules.
 */
export class SamplesClient {
  constructor(private readonly delegate: Delegate, private readonly ids: { requestId: string; correlationId: string }) {}

  static of(ctx: BaseContext): SamplesClient | null {
    const delegate = ctx.delegates?.samples;
    return delegate ? new SamplesClient(delegate, ctx) : null;
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
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new SamplesError(`The samples service could not be reached: ${(err as Error).message}`, ErrorCode.INTERNAL_SERVER_ERROR);
    }
    if (res.status === 401) throw new SamplesError('The authorization to write samples expired; commit again to continue', ErrorCode.UNAUTHENTICATED);
    const answer = (await res.json().catch(() => ({}))) as GraphQLAnswer<T>;
    const error = answer.errors?.[0];
    if (error) {
      const code = (Object.values(ErrorCode) as string[]).includes(error.extensions?.code ?? '') ? (error.extensions!.code as ErrorCode) : ErrorCode.INTERNAL_SERVER_ERROR;
      throw new SamplesError(error.message, code, error.extensions?.problems ?? []);
    }
    if (!answer.data) throw new SamplesError(`samples answered ${res.status} without data`, ErrorCode.INTERNAL_SERVER_ERROR);
    return answer.data;
  }

  async submission(id: string): Promise<SubmissionRef> {
    const data = await this.request<{ submission: SubmissionRef }>('query($id: ID!) { submission(id: $id) { id labId status project { id } } }', { id });
    return data.submission;
  }

  async project(id: string): Promise<ProjectRef> {
    const data = await this.request<{ project: ProjectRef }>('query($id: ID!) { project(id: $id) { id labId status } }', { id });
    return data.project;
  }

  /** Billing account code → id for one lab (a lab has a handful). */
  async billingAccounts(labId: string): Promise<Map<string, string>> {
    const data = await this.request<{ billingAccounts: { edges: { node: { id: string; code: string } }[] } }>(
      'query($lab: String) { billingAccounts(filter: { labId: $lab }, first: 100) { edges { node { id code } } } }', { lab: labId },
    );
    return new Map(data.billingAccounts.edges.map((e) => [e.node.code.toUpperCase(), e.node.id]));
  }

  async validateDrafts(target: { submissionId?: string | null; projectId?: string | null }, samples: unknown[]): Promise<{ index: number; field: string; message: string }[]> {
    const data = await this.request<{ validateSampleDrafts: { index: number; field: string; message: string }[] }>(
      'query($s: ID, $p: ID, $samples: [SampleInput!]!) { validateSampleDrafts(submissionId: $s, projectId: $p, samples: $samples) { index field message } }',
      { s: target.submissionId ?? null, p: target.projectId ?? null, samples },
    );
    return data.validateSampleDrafts;
  }

  async createSubmission(projectId: string): Promise<SubmissionRef> {
    const data = await this.request<{ createSubmission: SubmissionRef }>(
      'mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id labId status project { id } } }', { p: projectId },
    );
    return data.createSubmission;
  }

  /** All or nothing per call; samples returns the sample already added for a repeated externalKey. */
  async addSamples(submissionId: string, samples: unknown[]): Promise<{ id: string; externalKey: string | null }[]> {
    const data = await this.request<{ addSamples: { id: string; externalKey: string | null }[] }>(
      'mutation($s: ID!, $samples: [SampleInput!]!) { addSamples(submissionId: $s, samples: $samples) { id externalKey } }', { s: submissionId, samples },
    );
    return data.addSamples;
  }
}
