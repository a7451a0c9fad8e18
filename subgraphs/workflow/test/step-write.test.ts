import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestSubgraph, type TestSubgraph, userPrincipal, waitFor } from '@app/testing';
import type { DomainEvent } from '@app/common';
import { workflowSubgraph } from '../src/server.js';
import { createSample, expectNoErrors, goodResults, M, WORKFLOW_FULL } from './helpers.js';

let sg: TestSubgraph;
let events: DomainEvent[];
const staff = userPrincipal('STAFF');

beforeAll(async () => {
  sg = await startTestSubgraph(workflowSubgraph);
  events = await collectEvents(sg.bus);
});
afterAll(() => sg.stop());

/** The statements of each transaction run while `act` runs, by knex transaction id. */
async function transactions(act: () => Promise<unknown>): Promise<string[][]> {
  const knex = sg.running.orm.em.getConnection().getKnex();
  const byTx = new Map<string, string[]>();
  const listener = (q: { sql: string; __knexTxId?: string }) => {
    if (!q.__knexTxId) return;
    if (!byTx.has(q.__knexTxId)) byTx.set(q.__knexTxId, []);
    byTx.get(q.__knexTxId)!.push(q.sql.trim());
  };
  knex.on('query', listener);
  try {
    await act();
  } finally {
    knex.off('query', listener);
  }
  return [...byTx.values()];
}

const writes = (statements: string[]) => statements.filter((q) => /^(insert|update|with|delete)/i.test(q));

describe('a plain step change', () => {
  it('writes the step, the workflow, the transition and the events in one statement after its reads', async () => {
    const { sampleId } = await createSample(sg, staff);
    const txs = await transactions(async () => expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff)));
    const change = txs.find((t) => t.some((q) => q.includes('for update') && q.includes('"workflow"."workflow"')))!;
    expect(writes(change)).toHaveLength(1);
    expect(writes(change)[0]).toMatch(/step_transition[\s\S]*outbox_event/);

    const completed = await sg.call(M.complete, { s: sampleId, step: 'SAMPLE_QC', r: goodResults.SAMPLE_QC, v: 2 }, staff);
    expectNoErrors(completed);
    expect(completed.data!.completeStep).toMatchObject({ status: 'COMPLETED', version: 3, outcome: 'PASS', completedBy: { id: staff.userId } });
    const wf = (await sg.call(WORKFLOW_FULL, { id: sampleId }, staff)).data!.workflow;
    expect(wf).toMatchObject({ status: 'PREP', seq: 2, completedSteps: 1, currentStep: { name: 'LIBRARY_PREP' } });
    expect(wf.steps[0]).toMatchObject({ name: 'SAMPLE_QC', status: 'COMPLETED', version: 3, qcChecks: expect.arrayContaining([expect.objectContaining({ passed: true })]) });
    expect(wf.transitions.edges.map((e: { node: { action: string; seq: number } }) => [e.node.action, e.node.seq])).toEqual(expect.arrayContaining([['STARTED', 1], ['COMPLETED', 2]]));
    await waitFor(() => events.filter((e) => e.subject.sampleId === sampleId && e.source === 'workflow').length >= 3, { what: 'step and status events' });
    const stepEvents = events.filter((e) => e.subject.sampleId === sampleId && e.type.startsWith('Step'));
    expect(stepEvents.map((e) => [(e.data as { seq: number }).seq, (e.data as { version: number }).version])).toEqual([[1, 2], [2, 3]]);
  });

  it('still refuses a stale expected version, before anything is written', async () => {
    const { sampleId } = await createSample(sg, staff);
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff));
    const stale = await sg.call(M.record, { s: sampleId, step: 'SAMPLE_QC', r: { sampleQc: { volumeUl: 30 } }, v: 1 }, staff);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const wf = (await sg.call(WORKFLOW_FULL, { id: sampleId }, staff)).data!.workflow;
    expect(wf).toMatchObject({ seq: 1 });
    expect(wf.transitions.totalCount).toBe(1);
  });
});
