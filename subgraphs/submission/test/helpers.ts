import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';

/**
 * Intake writes samples as the caller through the gateway (DELEGATIONS), so submission's tests run
 * the whole system: a SUBMITTER of lab-a, a project of theirs, and calls that fail the test on errors.
 */
export interface SubmissionHarness {
  t: TestSystem;
  submitter: TestUser;
  projectId: string;
  /** Calls through the gateway (as the submitter unless another token is given) and fails on errors. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** A new submission in the project, as the submitter. */
  newSubmission(): Promise<string>;
  stop(): Promise<void>;
}

export async function startSubmission(projectName = 'Intake project'): Promise<SubmissionHarness> {
  const t = await startTestSystem();
  const submitter = await t.createUser('SUBMITTER', 'lab-a');
  const ok = async <T = any>(query: string, variables: Record<string, unknown> = {}, token = submitter.token): Promise<T> => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  };
  const projectId: string = (await ok(`mutation($n: String!) { createProject(input: { name: $n }) { id } }`, { n: projectName })).createProject.id;
  const newSubmission = async (): Promise<string> =>
    (await ok(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: projectId })).createSubmission.id;
  return { t, submitter, projectId, ok, newSubmission, stop: () => t.stop() };
}
