import { DelegateClient, type BaseContext } from '@app/common';

/** How long one call to samples may take (a 500-sample addSamples with its events takes well under this). */
const TIMEOUT_MS = 60_000;

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
 * The samples subgraph's own API, called as the caller: intake never touches samples' tables, and
 * samples applies its own rules. Its errors are DelegatedCallErrors with samples' codes and problems.
 */
export class SamplesClient {
  constructor(private readonly api: DelegateClient) {}

  static of(ctx: BaseContext): SamplesClient | null {
    const api = DelegateClient.of(ctx, 'samples', TIMEOUT_MS);
    return api ? new SamplesClient(api) : null;
  }

  async submission(id: string): Promise<SubmissionRef> {
    const data = await this.api.request<{ submission: SubmissionRef }>('query($id: ID!) { submission(id: $id) { id labId status project { id } } }', { id });
    return data.submission;
  }

  async project(id: string): Promise<ProjectRef> {
    const data = await this.api.request<{ project: ProjectRef }>('query($id: ID!) { project(id: $id) { id labId status } }', { id });
    return data.project;
  }

  /** Billing account code → id for one lab (a lab has a handful). */
  async billingAccounts(labId: string): Promise<Map<string, string>> {
    const data = await this.api.request<{ billingAccounts: { edges: { node: { id: string; code: string } }[] } }>(
      'query($lab: String) { billingAccounts(filter: { labId: $lab }, first: 100) { edges { node { id code } } } }', { lab: labId },
    );
    return new Map(data.billingAccounts.edges.map((e) => [e.node.code.toUpperCase(), e.node.id]));
  }

  async validateDrafts(target: { submissionId?: string | null; projectId?: string | null }, samples: unknown[]): Promise<{ index: number; field: string; message: string }[]> {
    const data = await this.api.request<{ validateSampleDrafts: { index: number; field: string; message: string }[] }>(
      'query($s: ID, $p: ID, $samples: [SampleInput!]!) { validateSampleDrafts(submissionId: $s, projectId: $p, samples: $samples) { index field message } }',
      { s: target.submissionId ?? null, p: target.projectId ?? null, samples },
    );
    return data.validateSampleDrafts;
  }

  async createSubmission(projectId: string): Promise<SubmissionRef> {
    const data = await this.api.request<{ createSubmission: SubmissionRef }>(
      'mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id labId status project { id } } }', { p: projectId },
    );
    return data.createSubmission;
  }

  /** All or nothing per call; samples returns the sample already added for a repeated externalKey. */
  async addSamples(submissionId: string, samples: unknown[]): Promise<{ id: string; externalKey: string | null }[]> {
    const data = await this.api.request<{ addSamples: { id: string; externalKey: string | null }[] }>(
      'mutation($s: ID!, $samples: [SampleInput!]!) { addSamples(submissionId: $s, samples: $samples) { id externalKey } }', { s: submissionId, samples },
    );
    return data.addSamples;
  }
}
