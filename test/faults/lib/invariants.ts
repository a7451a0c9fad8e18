import pg from 'pg';
import { waitFor, type DistributedSystem, type GatewayClient } from '@app/testing';

/** Schemas with an outbox (every data-owning subgraph). */
const SCHEMAS = ['auth', 'samples', 'workflow', 'ai', 'files', 'audit', 'submission'];

export interface InvariantReport {
  events: number;
  auditEntries: number;
  samples: number;
  chainChecked: number;
}

async function withDb<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function count(c: pg.Client, sql: string): Promise<number> {
  return Number((await c.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
}

/** Problems found right now; empty when the system is consistent. */
async function problems(c: pg.Client): Promise<{ list: string[]; events: number; auditEntries: number; samples: number }> {
  const list: string[] = [];
  for (const s of SCHEMAS) {
    const n = await count(c, `select count(*) n from ${s}.outbox_event where sent_at is null`);
    if (n) list.push(`${n} outbox rows of ${s} not sent`);
  }
  const produced = SCHEMAS.map((s) => `select id::text from ${s}.outbox_event`).join(' union all ');
  const events = await count(c, `select count(*) n from (${produced}) e`);
  const auditEntries = await count(c, 'select count(*) n from audit.audit_entry');
  const missing = await count(c, `select count(*) n from (${produced}) e where id not in (select event_id from audit.audit_entry)`);
  const dupes = await count(c, 'select count(*) n from (select event_id from audit.audit_entry group by event_id having count(*) > 1) d');
  const unknown = await count(c, `select count(*) n from audit.audit_entry where event_id not in (${produced})`);
  if (missing) list.push(`${missing} events without an audit entry`);
  if (dupes) list.push(`${dupes} events audited more than once`);
  if (unknown) list.push(`${unknown} audit entries of no produced event`);
  const samples = await count(c, 'select count(*) n from samples.sample');
  const noWorkflow = await count(c, 'select count(*) n from samples.sample s where not exists (select 1 from workflow.workflow w where w.sample_id = s.id)');
  const twoWorkflows = await count(c, 'select count(*) n from (select sample_id from workflow.workflow group by sample_id having count(*) > 1) d');
  const disagree = await c.query<{ id: string; s: string; w: string }>(
    'select s.id, s.status s, w.sample_status w from samples.sample s join workflow.workflow w on w.sample_id = s.id where s.status <> w.sample_status limit 5');
  const badSteps = await count(c, 'select count(*) n from (select workflow_id from workflow.workflow_step group by workflow_id having count(*) <> 8) d');
  if (noWorkflow) list.push(`${noWorkflow} samples without a workflow`);
  if (twoWorkflows) list.push(`${twoWorkflows} samples with two workflows`);
  if (disagree.rows.length) list.push(`Sample.status disagrees with the workflow: ${JSON.stringify(disagree.rows)}`);
  if (badSteps) list.push(`${badSteps} workflows without exactly 8 steps`);
  for (const s of SCHEMAS) {
    const n = await count(c, `select count(*) n from ${s}.dead_letter_event`);
    if (n) list.push(`${n} dead letters in ${s}`);
  }
  return { list, events, auditEntries, samples };
}

/**
 * The promises of the system after any fault, waited for (events are eventually consistent):
 * every outbox row sent, every event audited exactly once (audit entries = events produced),
 * every sample with one workflow of 8 steps and the same status, no dead letter, and the audit
 * chain verifying end to end through the gateway.
 */
export async function expectConsistent(sys: DistributedSystem, client: GatewayClient, adminToken: string, timeoutMs = 90_000): Promise<InvariantReport> {
  let last: string[] = [];
  // Late consumers (notifications) still append entries after a clean check, so the chain's count is
  // compared with a recount taken after it; both are retried until they agree.
  return withDb(sys.databaseUrl, (c) => waitFor(async () => {
    const found = await problems(c);
    last = found.list;
    if (found.list.length) return null;
    const chain = await client.gql(`{ verifyAuditChain { valid checked firstBrokenSeq reason } }`, {}, adminToken);
    const verdict = chain.data?.verifyAuditChain;
    if (!verdict?.valid) throw new Error(`audit chain does not verify: ${JSON.stringify(chain.errors ?? verdict)}`);
    const after = await problems(c);
    if (after.list.length || verdict.checked !== after.auditEntries) {
      last = [...after.list, `chain checked ${verdict.checked} entries of ${after.auditEntries}`];
      return null;
    }
    return { events: after.events, auditEntries: after.auditEntries, samples: after.samples, chainChecked: verdict.checked };
  }, { timeoutMs, intervalMs: 500, what: 'a consistent system' }).catch((err: Error) => {
    throw new Error(`${err.message}\n  ${last.join('\n  ')}`);
  }));
}
