import type { BackgroundTask, SubgraphModule } from '@app/common';
import { allSubgraphs } from '@app/embedded';
import { waitFor, type GraphQLResponse } from '@app/testing';
import { startTestSystem, type TestSystem } from '@app/embedded/testing';

/** The whole system, with a handle on the audit consumer so a test can stop and start it alone. */
export async function startSystemWithAuditHandle(): Promise<{ t: TestSystem; auditCapture: () => BackgroundTask }> {
  let capture: BackgroundTask | null = null;
  const audit = allSubgraphs.find((m) => m.name === 'audit')!;
  const observed: SubgraphModule<any, any> = {
    ...audit,
    build: async (deps) => {
      const parts = await audit.build(deps);
      capture = parts.background!.find((b) => b.name === 'audit-capture')!;
      return parts;
    },
  };
  const t = await startTestSystem({ subgraphs: allSubgraphs.map((m) => (m === audit ? observed : m)) });
  return { t, auditCapture: () => capture! };
}

/** The data of a response that must have succeeded; otherwise the errors, readably. */
export function ok<T = Record<string, any>>(res: GraphQLResponse<T>, what: string): T {
  if (res.errors?.length || !res.data) throw new Error(`${what} failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export const ENTRY_FIELDS = `id seq eventId type category source before after data reason correlationId occurredAt
  actor { userId role name via apiTokenId } subject { type id sampleId submissionId labId }`;

export interface AuditFilter {
  subjectType?: string;
  subjectId?: string;
  sampleId?: string;
  submissionId?: string;
  actorUserId?: string;
  types?: string[];
  categories?: string[];
  from?: string;
  to?: string;
  text?: string;
}

/** Audit entries matching `filter`, as `token` sees them (first page of up to 100). */
export async function auditEntries(t: TestSystem, filter: AuditFilter, token: string): Promise<{ totalCount: number; nodes: any[] }> {
  const res = await t.gql(`query($f: AuditEntryFilter) { auditEntries(filter: $f, first: 100) { totalCount edges { node { ${ENTRY_FIELDS} } } } }`, { f: filter }, token);
  const data = ok(res, 'auditEntries');
  return { totalCount: data.auditEntries.totalCount, nodes: data.auditEntries.edges.map((e: any) => e.node) };
}

/** Waits until at least `n` entries match (events arrive through the outbox relay and the bus). */
export async function waitForEntries(t: TestSystem, filter: AuditFilter, n: number, token: string, timeoutMs = 30_000): Promise<any[]> {
  return waitFor(async () => {
    const { nodes, totalCount } = await auditEntries(t, filter, token);
    return totalCount >= n ? nodes : null;
  }, { what: `${n} audit entries matching ${JSON.stringify(filter)}`, timeoutMs, intervalMs: 100 });
}
