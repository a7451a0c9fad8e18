import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import type { TestSubgraph } from '@app/testing';
import type { Principal } from '@app/common';

export const exportEnv = () => ({ EXPORT_DIR: mkdtempSync(join(tmpdir(), 'samples-exports-')), EXPORT_BATCH_SIZE: '100' });

/** Calls and fails the test with the server's errors when there are any. */
export async function ok<T = any>(sg: TestSubgraph, query: string, variables: Record<string, unknown>, principal: Principal): Promise<T> {
  const res = await sg.call(query, variables, principal);
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

export async function makeProject(sg: TestSubgraph, principal: Principal, name = 'Project'): Promise<string> {
  const d = await ok(sg, `mutation($n: String!) { createProject(input: { name: $n }) { id } }`, { n: name }, principal);
  return d.createProject.id;
}

export async function makeSubmission(sg: TestSubgraph, principal: Principal, projectId: string, extra: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const d = await ok(sg, `mutation($i: CreateSubmissionInput!) { createSubmission(input: $i) { id number } }`, { i: { projectId, ...extra } }, principal);
  return d.createSubmission;
}

export async function addSamples(sg: TestSubgraph, principal: Principal, submissionId: string, samples: Record<string, unknown>[]): Promise<{ id: string; version: number; name: string }[]> {
  const d = await ok(sg, `mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id version name } }`, { s: submissionId, x: samples }, principal);
  return d.addSamples;
}
