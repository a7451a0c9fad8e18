import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@app/testing';
import { LatestEventBuffer } from '../src/subscriptions/latest-buffer.js';
import type { WorkflowLiveEvent } from '../src/subscriptions/events.js';
import { STEPS, connect, record, startLiveFixture, type LiveFixture } from './subscriptions-fixture.js';

const PROGRESS = `subscription Progress($id: ID!, $withSubmission: Boolean!) {
  workflowProgress(sampleId: $id) {
    seq sampleId action step status completedSteps progress occurredAt
    sample { n: name priority ...Sub }
  }
}
fragment Sub on Sample { submission @include(if: $withSubmission) { number } }`;

const FEED = `subscription Feed($filter: WorkflowEventFilter) { workflowEvents(filter: $filter) { seq sampleId step status sample { name } } }`;

let fx: LiveFixture;
let n = 0;
/** A fresh sample per test, so tests never see each other's events. */
function newSample(labId = 'lab-a') {
  n++;
  const sample = { id: `s-${n}`, name: `Sample ${n}`, priority: n % 2 ? 'URGENT' : 'NORMAL', labId, submissionId: String(100 + n) };
  fx.addSample(sample);
  return sample;
}

const staffToken = () => fx.token({ sub: 'staff-1', role: 'STAFF' });

beforeAll(async () => {
  fx = await startLiveFixture({ SUBSCRIPTIONS_MAX_PER_CONNECTION: '3' });
});
afterAll(async () => { await fx?.stop(); });

describe('workflowProgress', () => {
  it('sends the current state first, then every transition in order, with fields from other subgraphs', async () => {
    const sample = newSample();
    await fx.act(sample.id, 'SAMPLE_QC', 'STARTED');
    const client = connect(fx.wsUrl, { authorization: `Bearer ${await staffToken()}` });
    const sub = record(client, PROGRESS, { id: sample.id, withSubmission: true });
    const [snapshot] = await sub.received(1, 'the snapshot');
    expect(snapshot!.errors).toBeUndefined();
    expect(snapshot!.data!.workflowProgress).toMatchObject({ seq: 1, sampleId: sample.id, action: 'SNAPSHOT', step: 'SAMPLE_QC', status: 'IN_PROGRESS', completedSteps: 0 });

    // Walk every step; wait for each event before the next change so none coalesce.
    let expected = 1;
    for (const step of STEPS) {
      if (step !== 'SAMPLE_QC') {
        await fx.act(sample.id, step, 'STARTED');
        await sub.received(++expected, `${step} started`);
      }
      await fx.act(sample.id, step, 'COMPLETED');
      await sub.received(++expected, `${step} completed`);
    }
    client.dispose();

    const events = sub.results.map((r) => { expect(r.errors).toBeUndefined(); return r.data!.workflowProgress; });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(events.map((e) => `${e.step}:${e.status}`)).toEqual(STEPS.flatMap((s) => [`${s}:IN_PROGRESS`, `${s}:COMPLETED`]));
    expect(events.at(-1)).toMatchObject({ completedSteps: 8, progress: 1, action: 'COMPLETED' });
    for (const e of events) {
      expect(e.sample).toEqual({ n: sample.name, priority: sample.priority, submission: { number: `SUB-2026-000${sample.submissionId}` } });
    }
  });

  it('honours the variables and fragments of the payload selection', async () => {
    const sample = newSample();
    const client = connect(fx.wsUrl, { token: await staffToken() });
    const sub = record(client, PROGRESS, { id: sample.id, withSubmission: false });
    // Wait for the snapshot before acting: the latest-only buffer would otherwise fold it into the event.
    await sub.received(1, 'the snapshot');
    await fx.act(sample.id, 'SAMPLE_QC', 'STARTED');
    const [snapshot, event] = await sub.received(2);
    client.dispose();
    // The snapshot comes first even before anything happened (seq 0): the sample waits at its first step.
    expect(snapshot!.data!.workflowProgress).toMatchObject({ seq: 0, action: 'SNAPSHOT', step: 'SAMPLE_QC', status: 'PENDING', sample: { n: sample.name } });
    expect(event!.data!.workflowProgress).toMatchObject({ seq: 1, action: 'STARTED', sample: { n: sample.name, priority: sample.priority } });
    expect(event!.data!.workflowProgress.sample.submission).toBeUndefined();
  });

  it('refuses a submitter of another lab as NOT_FOUND, without saying whether the sample exists', async () => {
    const sample = newSample('lab-a');
    const outsider = connect(fx.wsUrl, { token: await fx.token({ sub: 'sub-b', role: 'SUBMITTER', lab: 'lab-b' }) });
    const refused = record(outsider, PROGRESS, { id: sample.id, withSubmission: false });
    const missing = record(outsider, PROGRESS, { id: 'no-such-sample', withSubmission: false });
    const [a] = await refused.received(1);
    const [b] = await missing.received(1);
    expect(a!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(b!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(a!.errors![0]!.message.replace(sample.id, 'X')).toBe(b!.errors![0]!.message.replace('no-such-sample', 'X'));
    await refused.ended();
    outsider.dispose();
  });

  it('lets a submitter of the sample\'s own lab follow it', async () => {
    const sample = newSample('lab-a');
    await fx.act(sample.id, 'SAMPLE_QC', 'STARTED');
    const client = connect(fx.wsUrl, { token: await fx.token({ sub: 'sub-a', role: 'SUBMITTER', lab: 'lab-a' }) });
    const sub = record(client, PROGRESS, { id: sample.id, withSubmission: true });
    const [snapshot] = await sub.received(1);
    client.dispose();
    expect(snapshot!.data!.workflowProgress).toMatchObject({ seq: 1, sample: { n: sample.name } });
  });

  it('coalesces a slow subscriber to the latest state instead of queueing every event', async () => {
    const sample = newSample();
    await fx.act(sample.id, 'SAMPLE_QC', 'STARTED');
    const client = connect(fx.wsUrl, { token: await staffToken() });
    const sub = record(client, PROGRESS, { id: sample.id, withSubmission: false });
    await sub.received(1, 'the snapshot');
    const stats = () => fx.gateway.subscriptions!.stats();
    // Hold the samples subgraph: hydrating the next event blocks this subscriber.
    fx.gate.hold();
    const lookups = fx.sampleLookups.count;
    await fx.act(sample.id, 'SAMPLE_QC', 'COMPLETED');
    await waitFor(() => fx.sampleLookups.count > lookups, { what: 'seq 2 being hydrated' });
    const received = stats().eventsReceived;
    await fx.act(sample.id, 'LIBRARY_PREP', 'STARTED');
    await fx.act(sample.id, 'LIBRARY_PREP', 'COMPLETED');
    await fx.act(sample.id, 'LIBRARY_QC', 'STARTED');
    await fx.act(sample.id, 'LIBRARY_QC', 'COMPLETED');
    await waitFor(() => stats().eventsReceived >= received + 4, { what: 'events reached the gateway' });
    fx.gate.open();
    await sub.received(3);
    // One more change: had seq 3-5 been queued, they would arrive before it.
    await fx.act(sample.id, 'SEQUENCING_SETUP', 'STARTED');
    await sub.received(4);
    client.dispose();
    expect(sub.results.map((r) => r.data!.workflowProgress.seq)).toEqual([1, 2, 6, 7]);
    expect(sub.results[2]!.data!.workflowProgress).toMatchObject({ step: 'LIBRARY_QC', status: 'COMPLETED', completedSteps: 3 });
  });

  it('hydrates an event once for subscribers with the same visibility asking the same thing (two staff members)', async () => {
    const sample = newSample();
    const tokens = [await staffToken(), await fx.token({ sub: 'staff-2', role: 'STAFF' })];
    const clients = tokens.map((token) => connect(fx.wsUrl, { token }));
    const subs = clients.map((c) => record(c, PROGRESS, { id: sample.id, withSubmission: true }));
    // Both subscriptions authorized and their snapshots (hydrated too) delivered before the event.
    await Promise.all(subs.map((s) => s.received(1, 'the snapshot')));
    const before = fx.gateway.subscriptions!.stats();
    await fx.act(sample.id, 'SAMPLE_QC', 'STARTED');
    await Promise.all(subs.map((s) => s.received(2)));
    clients.forEach((c) => c.dispose());
    const after = fx.gateway.subscriptions!.stats();
    expect(after.queries.executed - before.queries.executed).toBe(1);
    expect(after.queries.hydrations - before.queries.hydrations).toBe(1);
    // Same document too: the second subscriber's payload is the first one's execution.
    expect(after.payloads.executed - before.payloads.executed).toBe(1);
    expect(after.payloads.shared - before.payloads.shared).toBe(1);
  });
});

describe('workflowEvents', () => {
  it('feeds a submitter only their own lab, and staff every lab, filtered on request', async () => {
    const mine = newSample('lab-a');
    const theirs = newSample('lab-b');
    const submitter = connect(fx.wsUrl, { token: await fx.token({ sub: 'sub-a2', role: 'SUBMITTER', lab: 'lab-a' }) });
    const staff = connect(fx.wsUrl, { token: await staffToken() });
    const feeds = fx.gateway.subscriptions!.stats().listeners.feeds;
    const submitterFeed = record(submitter, FEED, { filter: { sampleIds: [mine.id, theirs.id] } });
    const staffFeed = record(staff, FEED, { filter: { sampleIds: [mine.id, theirs.id], steps: ['LIBRARY_PREP'] } });
    await waitFor(() => fx.gateway.subscriptions!.stats().listeners.feeds >= feeds + 2, { what: 'feeds listening' });

    await fx.act(theirs.id, 'SAMPLE_QC', 'STARTED');
    await fx.act(mine.id, 'SAMPLE_QC', 'STARTED');
    await fx.act(theirs.id, 'LIBRARY_PREP', 'STARTED');
    await fx.act(mine.id, 'LIBRARY_PREP', 'STARTED');
    await submitterFeed.received(2);
    await staffFeed.received(2);
    submitter.dispose();
    staff.dispose();
    expect(submitterFeed.results.map((r) => [r.data!.workflowEvents.sampleId, r.data!.workflowEvents.step])).toEqual([[mine.id, 'SAMPLE_QC'], [mine.id, 'LIBRARY_PREP']]);
    expect(submitterFeed.results[0]!.data!.workflowEvents.sample).toEqual({ name: mine.name });
    expect(staffFeed.results.map((r) => r.data!.workflowEvents.sampleId)).toEqual([theirs.id, mine.id]);
  });

  it('refuses a submitter asking for another lab', async () => {
    const client = connect(fx.wsUrl, { token: await fx.token({ sub: 'sub-a3', role: 'SUBMITTER', lab: 'lab-a' }) });
    const sub = record(client, FEED, { filter: { labId: 'lab-b' } });
    const [result] = await sub.received(1);
    client.dispose();
    expect(result!.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('connections', () => {
  const closeCode = async (params: Record<string, unknown>) => {
    const client = connect(fx.wsUrl, params);
    const sub = record(client, FEED);
    await sub.ended();
    client.dispose();
    return (sub.error as { code?: number }).code;
  };

  it('refuses a connection without a token, and with a bad one, with 4403', async () => {
    expect(await closeCode({})).toBe(4403);
    expect(await closeCode({ authorization: 'Bearer not.a.token' })).toBe(4403);
    expect(await closeCode({ token: await fx.token({}, { expiresIn: -60 }) })).toBe(4403);
    expect(await closeCode({ authorization: 'Basic dXNlcjpwdw==' })).toBe(4403);
  });

  it('closes the socket with 4403 when the access token expires', async () => {
    const sample = newSample();
    const client = connect(fx.wsUrl, { token: await fx.token({ role: 'STAFF' }, { expiresIn: 2 }) });
    const sub = record(client, PROGRESS, { id: sample.id, withSubmission: false });
    await sub.ended();
    client.dispose();
    expect((sub.error as { code?: number }).code).toBe(4403);
  });

  it('limits subscriptions per connection', async () => {
    const client = connect(fx.wsUrl, { token: await staffToken() });
    const feeds = [1, 2, 3].map(() => record(client, FEED));
    await waitFor(() => fx.gateway.subscriptions!.stats().listeners.feeds >= 3, { what: 'three feeds' });
    const fourth = record(client, FEED);
    await fourth.ended();
    expect(fourth.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', max: 3 }) })]);
    // Completing one frees a slot.
    feeds[0]!.unsubscribe();
    const sample = newSample();
    const again = record(client, PROGRESS, { id: sample.id, withSubmission: false });
    await waitFor(() => fx.gateway.subscriptions!.stats().listeners.samples > 0 && !again.error, { what: 'a new subscription admitted' });
    await fx.act(sample.id, 'SAMPLE_QC', 'STARTED');
    await again.received(1);
    client.dispose();
  });

  it('serves only subscriptions over WebSocket, validated with the HTTP limits', async () => {
    const client = connect(fx.wsUrl, { token: await staffToken() });
    const query = record(client, '{ sample(id: "s-1") { name } }');
    const aliases = record(client, `subscription { workflowEvents { ${Array.from({ length: 31 }, (_, i) => `a${i}: seq`).join(' ')} } }`);
    await Promise.all([query.ended(), aliases.ended()]);
    client.dispose();
    expect(query.error).toEqual([expect.objectContaining({ message: expect.stringMatching(/Only subscriptions/), extensions: { code: 'BAD_REQUEST' } })]);
    expect(aliases.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' }) })]);
  });
});

(process.env.REDIS_URL ? describe : describe.skip)('two gateway processes', () => {
  it('both deliver an event published once', async () => {
    const second = await fx.startSecondGateway();
    try {
      const sample = newSample();
      const token = await staffToken();
      const clients = [connect(fx.wsUrl, { token }), connect(second.wsUrl, { token })];
      const subs = clients.map((c) => record(c, PROGRESS, { id: sample.id, withSubmission: true }));
      // Each gateway first sends its snapshot (seq 0); the one published event must then reach both.
      await Promise.all(subs.map((s) => s.received(1, 'the snapshot')));
      await fx.act(sample.id, 'SAMPLE_QC', 'STARTED');
      const results = await Promise.all(subs.map((s) => s.received(2)));
      clients.forEach((c) => c.dispose());
      for (const [snapshot, event] of results) {
        expect(snapshot!.data!.workflowProgress).toMatchObject({ seq: 0, action: 'SNAPSHOT' });
        expect(event!.data!.workflowProgress).toMatchObject({ seq: 1, action: 'STARTED', sample: { n: sample.name } });
      }
    } finally {
      await second.stop();
    }
  });
});

describe('LatestEventBuffer', () => {
  const event = (sampleId: string, seq: number): WorkflowLiveEvent => ({
    seq, sampleId, action: 'STARTED', step: 'SAMPLE_QC', status: 'IN_PROGRESS', completedSteps: 0, progress: 0, occurredAt: '', labId: 'lab-a', submissionId: null,
  });

  it('keeps the newest event per sample, drops stale ones, and bounds how many samples wait', async () => {
    let closed = 0;
    const buffer = new LatestEventBuffer(2, () => closed++);
    for (const e of [event('a', 1), event('a', 3), event('a', 2), event('b', 1), event('c', 1)]) buffer.push(e);
    // a:3 replaced a:1, a:2 was stale, and c pushed the oldest waiting sample (a) out.
    expect((await buffer.next()).value).toEqual(event('b', 1));
    expect((await buffer.next()).value).toEqual(event('c', 1));
    buffer.push(event('b', 1));
    const waiting = buffer.next();
    buffer.push(event('b', 2));
    expect((await waiting).value).toEqual(event('b', 2));
    const pending = buffer.next();
    await buffer.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });

  it('delivers a snapshot first, then only the events newer than it that arrived meanwhile', async () => {
    const snapshot = (seq: number): WorkflowLiveEvent => ({ ...event('a', seq), action: 'SNAPSHOT' });
    // An event that committed while the snapshot was being read arrives before it: it still comes second.
    const newer = new LatestEventBuffer(1);
    newer.push(event('a', 8));
    newer.prime(snapshot(7));
    newer.push(event('a', 6));
    expect((await newer.next()).value).toEqual(snapshot(7));
    expect((await newer.next()).value).toEqual(event('a', 8));
    // One the snapshot already includes is dropped.
    const older = new LatestEventBuffer(1);
    older.push(event('a', 7));
    older.prime(snapshot(7));
    expect((await older.next()).value).toEqual(snapshot(7));
    older.push(event('a', 9));
    expect((await older.next()).value).toEqual(event('a', 9));
  });
});
