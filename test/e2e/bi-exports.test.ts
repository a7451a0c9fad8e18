import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';

// How a BI tool refreshes its data: a stable export URL through the gateway with an API token.
let t: TestSystem;
let staff: TestUser;
let biToken: string;

beforeAll(async () => {
  t = await startTestSystem();
  staff = await t.createUser('STAFF');
  const project = await t.gql(`mutation { createProject(input: { name: "BI project", labId: "lab-bi" }) { id } }`, {}, staff.token);
  const submission = await t.gql(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: project.data!.createProject.id }, staff.token);
  const added = await t.gql(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [
      { name: "-1+1 dilution", sampleType: DNA }, { name: "Ünïcode, O'Brien's sample", sampleType: RNA, priority: HIGH }]) { id } }`,
    { s: submission.data!.createSubmission.id }, staff.token);
  expect(added.errors).toBeUndefined();
  const token = await t.gql(`mutation { createApiToken(input: { name: "Power BI", scopes: ["exports:read", "samples:read"] }) { token } }`, {}, staff.token);
  biToken = token.data!.createApiToken.token;
}, 120_000);
afterAll(() => t?.stop());

const exportUrl = (path: string) => `${t.url}/exports/${path}`;

describe('stable export URLs through the gateway', () => {
  it('serves current samples as CSV to an API token, with stable columns, quoting and the formula guard', async () => {
    const res = await fetch(exportUrl('samples.csv?priority=HIGH,NORMAL&fields=name,priority,sample_type,lab_id'), { headers: { authorization: `Bearer ${biToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parse(await res.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!)).toEqual(['name', 'priority', 'sample_type', 'lab_id']);
    // A leading - or + would be read as a formula by a spreadsheet: the guard prefixes a quote.
    expect(rows.map((r) => r.name).sort()).toEqual(["'-1+1 dilution", "Ünïcode, O'Brien's sample"]);
    expect(rows.find((r) => r.priority === 'HIGH')).toMatchObject({ sample_type: 'RNA', lab_id: 'lab-bi' });
  });

  it('refuses a caller without a token, and names an unknown filter', async () => {
    expect((await fetch(exportUrl('samples.csv'))).status).toBe(401);
    const bad = await fetch(exportUrl('samples.json?colour=blue'), { headers: { authorization: `Bearer ${biToken}` } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('colour');
  });
});
