import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, userPrincipal, type TestSubgraph } from '@app/testing';
import type { Principal } from '@app/common';
import { auditSubgraph } from '../src/server.js';
import { admin, makeEvent, publishAll, waitForEntries } from './helpers.js';

let sg: TestSubgraph;
const counter = { count: 0 };
const staff = userPrincipal('STAFF', { name: 'Sam Staff' });
const viewer = userPrincipal('VIEWER');
const labA = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const labB = userPrincipal('SUBMITTER', { labId: 'lab-b' });
const token = (scopes: string[]): Principal => ({ ...userPrincipal('ADMIN'), kind: 'apiToken', scopes, tokenId: 'tok-9', via: 'API' });
const sampleA = randomUUID();
const sampleA2 = randomUUID();
const sampleB = randomUUID();
const submissionA = randomUUID();

beforeAll(async () => {
  sg = await startTestSubgraph(auditSubgraph, { queryCounter: counter });
  await publishAll(sg, [
    makeEvent('SampleCreated', { id: sampleA, sampleId: sampleA, submissionId: submissionA, labId: 'lab-a' }, { actor: labA, at: new Date('2026-01-01T10:00:00Z') }),
    makeEvent('SampleUpdated', { id: sampleA, sampleId: sampleA, submissionId: submissionA, labId: 'lab-a' }, { actor: staff, at: new Date('2026-01-02T10:00:00Z'), before: { volume: 10 }, after: { volume: 12 }, reason: 'remeasured' }),
    makeEvent('SampleCreated', { id: sampleA2, sampleId: sampleA2, submissionId: submissionA, labId: 'lab-a' }, { actor: labA, at: new Date('2026-01-02T11:00:00Z') }),
    makeEvent('SampleCreated', { id: sampleB, sampleId: sampleB, submissionId: randomUUID(), labId: 'lab-b' }, { actor: labB, at: new Date('2026-01-03T10:00:00Z') }),
    makeEvent('ProjectCreated', { type: 'Project', labId: 'lab-a' }, { actor: labA, at: new Date('2026-01-03T11:00:00Z') }),
    makeEvent('LoginFailed', { type: 'User', id: labA.userId! }, { actor: labA, at: new Date('2026-01-04T10:00:00Z') }),
    makeEvent('UserRoleChanged', { type: 'User', id: staff.userId! }, { at: new Date('2026-01-04T11:00:00Z') }),
  ]);
  await waitForEntries(sg, 7);
});
afterAll(() => sg.stop());

const LIST = `query($f: AuditEntryFilter, $first: Int, $after: String) { auditEntries(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { type actor { name } subject { id labId } } } } }`;
const types = async (p: Principal, f?: Record<string, unknown>) => {
  const res = await sg.call(LIST, { f }, p);
  if (res.errors) return res.errors[0]!.extensions!.code as string;
  return res.data!.auditEntries.edges.map((e: any) => e.node.type).sort();
};

describe('reading the trail', () => {
  it('applies visibility per role', async () => {
    expect(await types(admin)).toHaveLength(7);
    const related = ['SampleCreated', 'SampleCreated', 'SampleCreated', 'SampleUpdated'];
    expect(await types(staff)).toEqual(related);
    expect(await types(viewer)).toEqual(related);
    expect(await types(labA)).toEqual(['SampleCreated', 'SampleCreated', 'SampleUpdated']);
    expect(await types(labB)).toEqual(['SampleCreated']);
    expect(await types(token(['samples:read']))).toBe('FORBIDDEN');
    expect(await types(token(['audit:read']))).toHaveLength(7);
    expect(await types({ ...admin, kind: 'anonymous', role: null, userId: null })).toBe('UNAUTHENTICATED');
  });

  it('filters by subject, parent, actor, type, category, time and text, and pages', async () => {
    expect(await types(admin, { sampleId: sampleA })).toEqual(['SampleCreated', 'SampleUpdated']);
    expect(await types(admin, { submissionId: submissionA })).toHaveLength(3);
    expect(await types(admin, { actorUserId: staff.userId })).toEqual(['SampleUpdated']);
    expect(await types(admin, { categories: ['SECURITY', 'ACCESS_CONTROL'] })).toEqual(['LoginFailed', 'UserRoleChanged']);
    expect(await types(admin, { subjectType: 'Project' })).toEqual(['ProjectCreated']);
    expect(await types(admin, { from: '2026-01-02T00:00:00Z', to: '2026-01-02T23:59:59Z' })).toEqual(['SampleCreated', 'SampleUpdated']);
    expect(await types(admin, { text: 'REMEASURED' })).toEqual(['SampleUpdated']);
    expect(await types(admin, { text: 'sam staff' })).toEqual(['SampleUpdated']);
    const bad = await sg.call(LIST, { f: { text: 'x'.repeat(201) } }, admin);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.text' });
    const page1 = await sg.call(LIST, { first: 4 }, admin);
    expect(page1.data!.auditEntries).toMatchObject({ totalCount: 7, pageInfo: { hasNextPage: true } });
    const page2 = await sg.call(LIST, { first: 4, after: page1.data!.auditEntries.pageInfo.endCursor }, admin);
    expect(page2.data!.auditEntries.edges).toHaveLength(3);
    expect(page2.data!.auditEntries.pageInfo.hasNextPage).toBe(false);
  });

  it('serves Sample.history, Submission.history and User.activity through entity references, batched', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Sample { id history(first: 10) { totalCount edges { node { type actor { name } before after reason } } } }
      ... on Submission { id history { totalCount } }
      ... on User { id activity { totalCount edges { node { type } } } } } }`;
    const reps = [{ __typename: 'Sample', id: sampleA }, { __typename: 'Sample', id: sampleB }, { __typename: 'Submission', id: submissionA }, { __typename: 'User', id: staff.userId }];
    const res = await sg.call(q, { r: reps }, admin);
    expect(res.errors).toBeUndefined();
    const [a, b, sub, user] = res.data!._entities;
    expect(a.history.totalCount).toBe(2);
    expect(a.history.edges[0].node).toEqual({ type: 'SampleUpdated', actor: { name: 'Sam Staff' }, before: { volume: 10 }, after: { volume: 12 }, reason: 'remeasured' });
    expect(b.history.totalCount).toBe(1);
    expect(sub.history.totalCount).toBe(3);
    expect(user.activity.edges.map((e: any) => e.node.type)).toEqual(['SampleUpdated']);
    const hidden = await sg.call(q, { r: reps }, labA);
    expect(hidden.data!._entities.map((e: any) => (e.history ?? e.activity).totalCount)).toEqual([2, 0, 3, 1]); // the staff member worked on a lab-a sample

    const histories = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sample { history { totalCount edges { node { type } } } } } }`;
    const cost = async (n: number) => {
      const ids = [sampleA, sampleB, ...Array.from({ length: n - 2 }, () => randomUUID())];
      const start = counter.count;
      await sg.call(histories, { r: ids.map((id) => ({ __typename: 'Sample', id })) }, admin);
      return counter.count - start;
    };
    // The outbox relay polls in the background and would be counted too: pause it while measuring.
    await sg.running.relay.stop();
    try {
      expect(await cost(20)).toBe(await cost(2));
    } finally {
      sg.running.relay.start();
    }
  });

  it('counts by type, actor and day', async () => {
    const q = `query($from: DateTime!, $to: DateTime!) { auditStats(from: $from, to: $to) { total byType { key count } byActor { userId name count } byDay { key count } } }`;
    const res = await sg.call(q, { from: '2026-01-01T00:00:00Z', to: '2026-01-03T23:59:59Z' }, admin);
    expect(res.data!.auditStats).toMatchObject({
      total: 5,
      byType: [{ key: 'SampleCreated', count: 3 }, { key: 'ProjectCreated', count: 1 }, { key: 'SampleUpdated', count: 1 }],
      byDay: [{ key: '2026-01-01', count: 1 }, { key: '2026-01-02', count: 2 }, { key: '2026-01-03', count: 2 }],
    });
    expect(res.data!.auditStats.byActor[0]).toEqual({ userId: labA.userId, name: labA.name, count: 3 });
    const sub = await sg.call(q, { from: '2026-01-01T00:00:00Z', to: '2026-01-31T00:00:00Z' }, labB);
    expect(sub.data!.auditStats.total).toBe(1);
    const long = await sg.call(q, { from: '2020-01-01T00:00:00Z', to: '2026-01-31T00:00:00Z' }, admin);
    expect(long.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('exports CSV and JSON with the same visibility', async () => {
    const q = `query($format: AuditExportFormat!, $f: AuditEntryFilter) { exportAuditEntries(format: $format, filter: $f) { filename contentType rowCount truncated content } }`;
    const csv = (await sg.call(q, { format: 'CSV', f: { sampleId: sampleA } }, admin)).data!.exportAuditEntries;
    expect(csv).toMatchObject({ filename: expect.stringMatching(/^audit-logs-\d{4}-\d{2}-\d{2}\.csv$/), contentType: 'text/csv', rowCount: 2, truncated: false });
    const lines = csv.content.trim().split('\r\n');
    expect(lines[0]).toMatch(/^seq,id,eventId,occurredAt/);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('"{""volume"":12}"');
    const json = (await sg.call(q, { format: 'JSON' }, labB)).data!.exportAuditEntries;
    const doc = JSON.parse(json.content);
    expect(doc.export_info.total_records).toBe(1);
    expect(doc.entries[0]).toMatchObject({ type: 'SampleCreated', subjectId: sampleB });
  });
});
