import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, userPrincipal, type TestSubgraph } from '@app/testing';
import { samplesSubgraph } from '../src/server.js';
import { addSamples, exportEnv, makeProject, makeSubmission, ok } from './helpers.js';

/** validateSampleDrafts runs addSamples' own checks; externalKey makes a repeated add return the same sample. */
let sg: TestSubgraph;
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const otherLab = userPrincipal('SUBMITTER', { labId: 'lab-b' });
const viewer = userPrincipal('VIEWER');
let projectId: string;
let submissionId: string;

const VALIDATE = `query($s: ID, $p: ID, $x: [SampleInput!]!) { validateSampleDrafts(submissionId: $s, projectId: $p, samples: $x) { index field message } }`;

beforeAll(async () => {
  sg = await startTestSubgraph(samplesSubgraph, { env: exportEnv() });
  projectId = await makeProject(sg, submitter);
  submissionId = (await makeSubmission(sg, submitter, projectId)).id;
  await addSamples(sg, submitter, submissionId, [{ name: 'Existing-1', sampleType: 'DNA' }]);
});
afterAll(async () => { await sg.stop(); });

describe('validateSampleDrafts', () => {
  it('reports per draft and field exactly what addSamples would refuse, and saves nothing', async () => {
    const drafts = [
      { name: 'Fine', sampleType: 'DNA', qubitConcentration: 40, volume: 20 },
      { name: 'Too rich', sampleType: 'RNA', qubitConcentration: 900 },
      { name: 'existing-1', sampleType: 'DNA' },
      { name: 'Urgent', sampleType: 'DNA', priority: 'URGENT' },
      { name: 'Fine', sampleType: 'DNA' },
    ];
    const { validateSampleDrafts: problems } = await ok(sg, VALIDATE, { s: submissionId, x: drafts }, submitter);
    expect(problems).toEqual([
      { index: 1, field: 'qubitConcentration', message: '900 ng/µL is implausible for RNA; expected 0.1-500 ng/µL' },
      { index: 2, field: 'name', message: '"existing-1" is already used in this submission' },
      { index: 3, field: 'assigneeId', message: expect.stringContaining('urgent sample needs an assignee') },
      { index: 4, field: 'name', message: '"Fine" is already used in this submission' },
    ]);
    const refused = await sg.call(`mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id } }`, { s: submissionId, x: drafts }, submitter);
    const fields = (refused.errors?.[0]?.extensions?.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(['samples.1.qubitConcentration', 'samples.2.name', 'samples.3.assigneeId', 'samples.4.name']);
    const count = await ok(sg, `query($s: ID!) { samples(filter: { submissionId: $s }) { totalCount } }`, { s: submissionId }, submitter);
    expect(count.samples.totalCount).toBe(1);
  });

  it('finds clashes with existing names whatever characters they hold, case-insensitively', async () => {
    const odd = ["O'Brien, liver (1)", 'Ärzte-Öl-2', '50% / #3 + x:y'];
    const { id } = await makeSubmission(sg, submitter, projectId);
    await addSamples(sg, submitter, id, odd.map((name) => ({ name, sampleType: 'DNA' })));
    const drafts = [...odd.map((name) => ({ name: name.toUpperCase(), sampleType: 'DNA' })), { name: 'new one', sampleType: 'DNA' }];
    const { validateSampleDrafts: problems } = await ok(sg, VALIDATE, { s: id, x: drafts }, submitter);
    expect(problems.map((p: { index: number; field: string }) => [p.index, p.field])).toEqual([[0, 'name'], [1, 'name'], [2, 'name']]);
  });

  it('checks against a project for a submission not created yet', async () => {
    const { validateSampleDrafts } = await ok(sg, VALIDATE, { p: projectId, x: [{ name: 'Existing-1', sampleType: 'DNA' }] }, submitter);
    expect(validateSampleDrafts).toEqual([]);
  });

  it('needs write access and the lab', async () => {
    expect((await sg.call(VALIDATE, { s: submissionId, x: [{ name: 'A', sampleType: 'DNA' }] }, viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sg.call(VALIDATE, { s: submissionId, x: [{ name: 'A', sampleType: 'DNA' }] }, otherLab)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await sg.call(VALIDATE, { x: [{ name: 'A', sampleType: 'DNA' }] }, submitter)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('addSamples with externalKey', () => {
  it('returns the samples already added for keys sent again, and adds only the new ones', async () => {
    const first = await addSamples(sg, submitter, submissionId, [{ name: 'K-1', sampleType: 'DNA', externalKey: 'intake:job:2' }, { name: 'K-2', sampleType: 'DNA', externalKey: 'intake:job:3' }]);
    const again = await addSamples(sg, submitter, submissionId, [
      { name: 'K-1', sampleType: 'DNA', externalKey: 'intake:job:2' }, { name: 'K-2', sampleType: 'DNA', externalKey: 'intake:job:3' }, { name: 'K-3', sampleType: 'DNA', externalKey: 'intake:job:4' },
    ]);
    expect(again.slice(0, 2).map((s) => s.id)).toEqual(first.map((s) => s.id));
    expect(again[2]!.name).toBe('K-3');
    const count = await ok(sg, `query($s: ID!) { samples(filter: { submissionId: $s }) { totalCount } }`, { s: submissionId }, submitter);
    expect(count.samples.totalCount).toBe(4);
  });

  it('refuses one key given to two samples of a call', async () => {
    const res = await sg.call(`mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id } }`, {
      s: submissionId, x: [{ name: 'D-1', sampleType: 'DNA', externalKey: 'dup' }, { name: 'D-2', sampleType: 'DNA', externalKey: 'dup' }],
    }, submitter);
    expect(res.errors?.[0]?.extensions?.field).toBe('samples.1.externalKey');
  });
});
