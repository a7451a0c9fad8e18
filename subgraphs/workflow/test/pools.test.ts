import { INTERNAL_TOKEN_HEADER, type DomainEvent } from '@app/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestSubgraph, type TestSubgraph, userPrincipal, waitFor } from '@app/testing';
import { workflowSubgraph } from '../src/server.js';
import { LAB, SETUP_WITH_STOCK, checkedCell, createSample, errorCode, expectNoErrors, toSequencingSetup } from './helpers.js';

// Barcode kits and rules (issue #15 point 3), a minimal Pool (point 2) onto one flow cell, and the
// MinKNOW sample sheet of a loaded pool (point 4).
let sg: TestSubgraph;
let events: DomainEvent[];
const staff = userPrincipal('STAFF');
const viewer = userPrincipal('VIEWER');
const labA = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const labB = userPrincipal('SUBMITTER', { labId: 'lab-b' });

beforeAll(async () => {
  sg = await startTestSubgraph(workflowSubgraph);
  events = await collectEvents(sg.bus);
});
afterAll(() => sg.stop());

let poolSeq = 0;
const poolName = () => `POOL-${Date.now().toString(36)}-${++poolSeq}`;
/** `n` samples with workflows, named `<prefix>-01` …, in `labId`. */
async function samples(n: number, prefix = 'ZM-leaf', labId = 'lab-a'): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for (let i = 1; i <= n; i++) {
    const name = `${prefix}-${String(i).padStart(2, '0')}`;
    out.push({ id: (await createSample(sg, staff, { name, labId })).sampleId, name });
  }
  return out;
}
const problemsOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors?.[0]?.extensions?.problems ?? []) as { field: string; message: string }[];

describe('barcode kits', () => {
  it('lists the kits with their barcode sets and sample-sheet names', async () => {
    const res = await sg.call(`{ barcodeKits { code minknowCode barcodeCount barcodes { name sampleSheetName } } }`, {}, labA);
    const kits = Object.fromEntries(res.data!.barcodeKits.map((k: { code: string }) => [k.code, k]));
    expect(Object.keys(kits).sort()).toEqual(['EXP-NBD104', 'EXP-NBD114', 'EXP-NBD196', 'EXP-PBC001', 'EXP-PBC096', 'SQK-NBD114.24', 'SQK-NBD114.96', 'SQK-PCB114.24', 'SQK-RBK114.24', 'SQK-RBK114.96']);
    expect(kits['SQK-NBD114.24'].minknowCode).toBe('SQK-NBD114-24');
    expect(kits['SQK-NBD114.24'].barcodes.map((b: { name: string }) => b.name)).toEqual(Array.from({ length: 24 }, (_, i) => `NB${String(i + 1).padStart(2, '0')}`));
    expect(kits['SQK-NBD114.96'].barcodes.at(-1)).toEqual({ name: 'NB96', sampleSheetName: 'barcode96' });
    expect(kits['SQK-RBK114.96'].barcodeCount).toBe(96);
    expect(kits['SQK-RBK114.24'].barcodes[4]).toEqual({ name: 'RB05', sampleSheetName: 'barcode05' });
    expect(kits['SQK-PCB114.24'].barcodes.map((b: { name: string }) => b.name)).toEqual(Array.from({ length: 24 }, (_, i) => `BP${String(i + 1).padStart(2, '0')}`));
    // Expansion kits: EXP-NBD114 holds the second dozen native barcodes, EXP-PBC096 the PCR barcodes.
    expect(kits['EXP-NBD114'].barcodes.map((b: { name: string }) => b.name)).toEqual(Array.from({ length: 12 }, (_, i) => `NB${i + 13}`));
    expect(kits['EXP-NBD114'].barcodes[0]).toEqual({ name: 'NB13', sampleSheetName: 'barcode13' });
    expect(kits['EXP-NBD114'].minknowCode).toBe('EXP-NBD114');
    expect(kits['EXP-PBC096'].barcodes.at(-1)).toEqual({ name: 'BC96', sampleSheetName: 'barcode96' });
    const withKits = await sg.call(`{ barcodeKits { code sequencingKits } }`, {}, labA);
    const sequencing = Object.fromEntries(withKits.data!.barcodeKits.map((k: { code: string; sequencingKits: string[] }) => [k.code, k.sequencingKits]));
    expect(sequencing['SQK-NBD114.24']).toEqual([]);
    expect(sequencing['EXP-NBD114']).toContain('SQK-LSK114');
    expect(sequencing['EXP-PBC096']).toEqual(expect.arrayContaining(['SQK-LSK114', 'SQK-PCS114']));
  });
});

describe('pools and the barcode rules', () => {
  it('pools 24 barcoded samples, each on its own barcode of the kit', async () => {
    const s = await samples(24);
    const res = await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114-24', members: s.map((x, i) => ({ sampleId: x.id, barcode: `barcode${String(i + 1).padStart(2, '0')}`, molarRatio: i === 0 ? 2 : 1 })) } }, staff);
    expectNoErrors(res);
    const pool = res.data!.createPool;
    expect(pool).toMatchObject({ barcodeKit: 'SQK-NBD114.24', status: 'OPEN', labId: 'lab-a', memberCount: 24, flowCell: null });
    expect(pool.members.map((m: { barcode: string }) => m.barcode)).toEqual(Array.from({ length: 24 }, (_, i) => `NB${String(i + 1).padStart(2, '0')}`));
    expect(pool.members[0]).toEqual({ sample: { id: s[0]!.id }, sampleName: 'ZM-leaf-01', barcode: 'NB01', sampleSheetBarcode: 'barcode01', molarRatio: 2, alias: null });
    await waitFor(() => events.find((e) => e.type === 'PoolCreated' && e.subject.id === pool.id), { what: 'PoolCreated' });
    expect(events.find((e) => e.type === 'PoolCreated' && e.subject.id === pool.id)!).toMatchObject({ subject: { type: 'Pool', labId: 'lab-a' }, data: { memberCount: 24, barcodeKit: 'SQK-NBD114.24' } });
    // A 25th member does not fit a 24-barcode kit.
    const [extra] = await samples(1, 'ZM-extra');
    expect(problemsOf(await sg.call(LAB.addMembers, { p: pool.id, m: [{ sampleId: extra!.id, barcode: 'NB24' }] }, staff)).map((p) => p.field)).toEqual(['members.0.barcode', 'members']);
  });

  it('refuses a duplicate barcode naming both samples, and creates nothing', async () => {
    const [a, b, c] = await samples(3, 'dup');
    const name = poolName();
    const res = await sg.call(LAB.createPool, { i: { name, barcodeKit: 'SQK-NBD114.24', members: [
      { sampleId: a!.id, barcode: 'NB05' }, { sampleId: b!.id, barcode: 'NB06' }, { sampleId: c!.id, barcode: 'nb5' },
    ] } }, staff);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(problemsOf(res)).toEqual([{ field: 'input.members.2.barcode', message: `sample "dup-03" (${c!.id}): barcode NB05 is already taken in this pool by sample "dup-01" (${a!.id})` }]);
    const pools = (await sg.call(`{ pools(first: 100) { edges { node { name } } } }`, {}, staff)).data!.pools.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(pools).not.toContain(name);
  });

  it('accepts only the kit\'s barcodes, each sample once, a sensible ratio and a MinKNOW alias; every problem names its sample', async () => {
    const [a, b, c, d] = await samples(4, 'rules');
    const res = await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114.24', members: [
      { sampleId: a!.id, barcode: 'RB01' }, { sampleId: b!.id, barcode: 'NB25' }, { sampleId: c!.id, barcode: 'NB03', molarRatio: 0 },
      { sampleId: d!.id, barcode: 'NB04', alias: 'barcode04' }, { sampleId: a!.id, barcode: 'NB07' },
      { sampleId: '7d0a1f4e-2b6c-4d1a-9e3f-5a6b7c8d9e0f', barcode: 'NB08' },
    ] } }, staff);
    const problems = problemsOf(res);
    expect(problems.map((p) => p.field)).toEqual([
      'input.members.0.barcode', 'input.members.1.barcode', 'input.members.2.molarRatio', 'input.members.3.alias', 'input.members.4.sampleId', 'input.members.5.sampleId',
    ]);
    expect(problems[0]!.message).toBe(`sample "rules-01" (${a!.id}): "RB01" is not a barcode of SQK-NBD114.24 (NB01-NB24)`);
    expect(problems[1]!.message).toMatch(/"rules-02".*"NB25" is not a barcode of SQK-NBD114.24/);
    expect(problems[2]!.message).toMatch(/"rules-03".*must be between 0.001 and 100/);
    expect(problems[3]!.message).toMatch(/"rules-04".*must not be a barcode name/);
    expect(problems[4]!.message).toMatch(/"rules-01".*already in this pool/);
    expect(problems[5]!.message).toMatch(/has no workflow/);
    const kit = await sg.call(LAB.createPool, { i: { name: 'has space', barcodeKit: 'SQK-LSK114' } }, staff);
    expect(problemsOf(kit).map((p) => p.field)).toEqual(['input.name', 'input.barcodeKit']);
  });

  it('suggests free barcodes of a pool or a kit, and frees a removed member\'s barcode', async () => {
    const [a, b, c] = await samples(3, 'free');
    const pool = (await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-RBK114.24', members: [{ sampleId: a!.id, barcode: 'RB01' }, { sampleId: b!.id, barcode: 'RB02' }] } }, staff)).data!.createPool;
    const suggest = `query($p: ID, $k: String, $n: Int) { suggestBarcodes(poolId: $p, barcodeKit: $k, count: $n) { name sampleSheetName } }`;
    expect((await sg.call(suggest, { p: pool.id, n: 2 }, viewer)).data!.suggestBarcodes).toEqual([{ name: 'RB03', sampleSheetName: 'barcode03' }, { name: 'RB04', sampleSheetName: 'barcode04' }]);
    expect((await sg.call(suggest, { k: 'SQK-PCB114.24' }, viewer)).data!.suggestBarcodes).toHaveLength(24);
    expect(errorCode(await sg.call(suggest, { p: pool.id, k: 'SQK-NBD114.24' }, viewer))).toBe('BAD_USER_INPUT');
    const clash = await sg.call(LAB.addMembers, { p: pool.id, m: [{ sampleId: c!.id, barcode: 'RB02' }] }, staff);
    expect(problemsOf(clash)[0]!.message).toBe(`sample "free-03" (${c!.id}): barcode RB02 is already taken in this pool by sample "free-02" (${b!.id})`);
    expect((await sg.call(LAB.removeMember, { p: pool.id, s: b!.id }, staff)).data!.removePoolMember).toMatchObject({ memberCount: 1, members: [{ barcode: 'RB01' }] });
    expect((await sg.call(LAB.addMembers, { p: pool.id, m: [{ sampleId: c!.id, barcode: 'RB02' }] }, staff)).data!.addPoolMembers.memberCount).toBe(2);
    expect((await sg.call(suggest, { p: pool.id, n: 1 }, viewer)).data!.suggestBarcodes).toEqual([{ name: 'RB03', sampleSheetName: 'barcode03' }]);
    await waitFor(() => events.some((e) => e.type === 'PoolMemberRemoved' && e.subject.id === pool.id) && events.some((e) => e.type === 'PoolMembersAdded' && e.subject.id === pool.id), { what: 'pool events' });
  });

  it('lets staff manage pools; submitters read their own lab\'s pools only, and a mixed-lab pool is staff-only', async () => {
    const [a] = await samples(1, 'mine', 'lab-a');
    const [b] = await samples(1, 'theirs', 'lab-b');
    expect(errorCode(await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114.24', members: [{ sampleId: a!.id, barcode: 'NB01' }] } }, labA))).toBe('FORBIDDEN');
    expect(errorCode(await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114.24' } }, viewer))).toBe('FORBIDDEN');
    const own = (await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114.24', members: [{ sampleId: a!.id, barcode: 'NB01' }] } }, staff)).data!.createPool;
    const mixed = (await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114.24', members: [{ sampleId: a!.id, barcode: 'NB01' }, { sampleId: b!.id, barcode: 'NB02' }] } }, staff)).data!.createPool;
    expect(mixed.labId).toBeNull();
    expect((await sg.call(LAB.pool, { id: own.id }, labA)).data!.pool.id).toBe(own.id);
    expect((await sg.call(LAB.pool, { id: own.id }, labB)).data!.pool).toBeNull();
    expect((await sg.call(LAB.pool, { id: mixed.id }, labA)).data!.pool).toBeNull();
    const listed = (await sg.call(`{ pools(first: 100) { edges { node { id labId } } } }`, {}, labA)).data!.pools.edges.map((e: { node: { id: string; labId: string } }) => e.node);
    expect(listed.every((p: { labId: string }) => p.labId === 'lab-a')).toBe(true);
    expect(listed.map((p: { id: string }) => p.id)).toContain(own.id);
  });
});

describe('loading a pool onto a flow cell', () => {
  it('picks the cell for the pool, fixes the members, shares the cell with the members\' setups and nobody else\'s', async () => {
    const s = await samples(2, 'load');
    const [outsider] = await samples(1, 'outsider');
    const cell = await checkedCell(sg, staff);
    const pool = (await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114.24', members: s.map((x, i) => ({ sampleId: x.id, barcode: `NB0${i + 1}` })) } }, staff)).data!.createPool;
    const loaded = await sg.call(LAB.load, { p: pool.id, f: cell }, staff);
    expect(loaded.data!.loadPool).toMatchObject({ status: 'LOADED', flowCell: { id: cell, status: 'IN_USE', loadedPool: { id: pool.id } } });
    await waitFor(() => events.find((e) => e.type === 'PoolLoaded' && e.subject.id === pool.id), { what: 'PoolLoaded' });

    const fixed = await sg.call(LAB.addMembers, { p: pool.id, m: [{ sampleId: outsider!.id, barcode: 'NB09' }] }, staff);
    expect(errorCode(fixed)).toBe('INVALID_TRANSITION');
    const other = (await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114.24', members: [{ sampleId: outsider!.id, barcode: 'NB01' }] } }, staff)).data!.createPool;
    expect(errorCode(await sg.call(LAB.load, { p: other.id, f: cell }, staff))).toBe('CONFLICT');
    expect(errorCode(await sg.call(LAB.load, { p: pool.id, f: await checkedCell(sg, staff) }, staff))).toBe('INVALID_TRANSITION');

    await toSequencingSetup(sg, staff, s[0]!.id);
    const member = await sg.call(SETUP_WITH_STOCK, { s: s[0]!.id, f: cell }, staff);
    expect(member.data!.completeStep).toMatchObject({ status: 'COMPLETED', results: { flowCellProductCode: 'FLO-MIN114', stockFlowCell: { id: cell, status: 'IN_USE' } } });
    await toSequencingSetup(sg, staff, outsider!.id);
    expect(errorCode(await sg.call(SETUP_WITH_STOCK, { s: outsider!.id, f: cell }, staff))).toBe('CONFLICT');
    expect((await sg.call(LAB.cell, { id: cell }, staff)).data!.flowCell.useCount).toBe(1);
  });
});

describe('the MinKNOW sample sheet', () => {
  it('exports a loaded pool as the CSV MinKNOW accepts, through the query and the download route alike', async () => {
    const s = await samples(3, 'Sheet sample');
    const cell = await checkedCell(sg, staff, 'FLO-PRO114M', 7200);
    const name = poolName();
    const pool = (await sg.call(LAB.createPool, { i: { name, barcodeKit: 'SQK-NBD114.96', members: [
      { sampleId: s[0]!.id, barcode: 'NB12' }, { sampleId: s[1]!.id, barcode: 'NB03', alias: 'custom-alias_2' }, { sampleId: s[2]!.id, barcode: 'NB40' },
    ] } }, staff)).data!.createPool;
    expect(errorCode(await sg.call(LAB.sheet, { p: pool.id, e: 'run_1' }, staff))).toBe('INVALID_TRANSITION');
    expectNoErrors(await sg.call(LAB.load, { p: pool.id, f: cell }, staff));
    const serial = (await sg.call(LAB.cell, { id: cell }, staff)).data!.flowCell.serial;

    expect((await sg.call(LAB.sheet, { p: pool.id, e: 'run 1' }, staff)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'experimentId' });
    const sheet = (await sg.call(LAB.sheet, { p: pool.id, e: 'PAW_run_2026-12-03' }, labA)).data!.poolSampleSheet;
    expect(sheet).toMatchObject({ rowCount: 3, flowCellSerial: serial, contentType: 'text/csv; charset=utf-8', filename: `sample_sheet_${serial}_PAW_run_2026-12-03.csv` });
    expect(sheet.csv.split('\r\n')).toEqual([
      'flow_cell_id,kit,sample_id,experiment_id,barcode,alias',
      `${serial},SQK-NBD114-96,${name},PAW_run_2026-12-03,barcode03,custom-alias_2`,
      `${serial},SQK-NBD114-96,${name},PAW_run_2026-12-03,barcode12,Sheet_sample-01`,
      `${serial},SQK-NBD114-96,${name},PAW_run_2026-12-03,barcode40,Sheet_sample-03`,
      '',
    ]);

    const url = `${sg.running.url}${sheet.downloadPath}`;
    const download = await fetch(url, { headers: { [INTERNAL_TOKEN_HEADER]: await sg.issuer.issue('workflow', staff, { ip: '127.0.0.1', userAgent: 'jest' }) } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${sheet.filename}"`);
    expect(await download.text()).toBe(sheet.csv);
    expect((await fetch(url)).status).toBe(401);
    const hidden = await fetch(url, { headers: { [INTERNAL_TOKEN_HEADER]: await sg.issuer.issue('workflow', labB, { ip: '127.0.0.1', userAgent: 'jest' }) } });
    expect(hidden.status).toBe(404);
  });

  it('pools on an expansion kit only with the sequencing kit it is used with, and names both in the kit column', async () => {
    const s = await samples(2, 'Expansion');
    const create = (i: Record<string, unknown>) => sg.call(LAB.createPool, { i: { name: poolName(), members: [{ sampleId: s[0]!.id, barcode: 'NB13' }, { sampleId: s[1]!.id, barcode: 'barcode24' }], ...i } }, staff);
    expect(problemsOf(await create({ barcodeKit: 'EXP-NBD114' }))).toEqual([{ field: 'input.sequencingKit', message: expect.stringMatching(/^is required with the expansion kit EXP-NBD114; use one of SQK-LSK114, /) }]);
    expect(problemsOf(await create({ barcodeKit: 'EXP-NBD114', sequencingKit: 'SQK-RAD114' }))[0]!.message).toMatch(/^"SQK-RAD114" is not used with EXP-NBD114/);
    expect(problemsOf(await create({ barcodeKit: 'SQK-NBD114.24', sequencingKit: 'SQK-LSK114' }))).toEqual([
      { field: 'input.sequencingKit', message: 'leave it out: SQK-NBD114.24 is a sequencing kit with its own barcodes' },
    ]);
    // NB01 is not in the 13-24 expansion: refused naming the sample and the kit's range.
    const outside = await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'EXP-NBD114', sequencingKit: 'SQK-LSK114', members: [{ sampleId: s[0]!.id, barcode: 'NB01' }] } }, staff);
    expect(problemsOf(outside)).toEqual([{ field: 'input.members.0.barcode', message: `sample "Expansion-01" (${s[0]!.id}): "NB01" is not a barcode of EXP-NBD114 (NB13-NB24)` }]);

    const res = await create({ barcodeKit: 'exp-nbd114', sequencingKit: 'sqk-lsk114' });
    expectNoErrors(res);
    const pool = res.data!.createPool;
    expect(pool.members.map((m: { barcode: string; sampleSheetBarcode: string }) => [m.barcode, m.sampleSheetBarcode])).toEqual([['NB13', 'barcode13'], ['NB24', 'barcode24']]);
    expect((await sg.call(`query($id: ID!) { pool(id: $id) { barcodeKit sequencingKit } }`, { id: pool.id }, staff)).data!.pool).toEqual({ barcodeKit: 'EXP-NBD114', sequencingKit: 'SQK-LSK114' });
    expectNoErrors(await sg.call(LAB.load, { p: pool.id, f: await checkedCell(sg, staff) }, staff));
    const sheet = (await sg.call(LAB.sheet, { p: pool.id, e: 'expansion_run' }, staff)).data!.poolSampleSheet;
    expect(sheet.csv.split('\r\n').slice(1, 3).map((line: string) => line.split(',').slice(1, 2).concat(line.split(',').slice(4)))).toEqual([
      ['SQK-LSK114 EXP-NBD114', 'barcode13', 'Expansion-01'],
      ['SQK-LSK114 EXP-NBD114', 'barcode24', 'Expansion-02'],
    ]);
  });

  it('refuses aliases MinKNOW would reject or confuse, naming the samples', async () => {
    const [a, b] = [(await createSample(sg, staff, { name: 'Leaf #1' })).sampleId, (await createSample(sg, staff, { name: 'Leaf 1' })).sampleId];
    const pool = (await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114.24', members: [{ sampleId: a, barcode: 'NB01' }, { sampleId: b, barcode: 'NB02' }] } }, staff)).data!.createPool;
    expectNoErrors(await sg.call(LAB.load, { p: pool.id, f: await checkedCell(sg, staff) }, staff));
    const res = await sg.call(LAB.sheet, { p: pool.id, e: 'exp1' }, staff);
    expect(problemsOf(res)).toEqual([{ field: 'members.1.alias', message: `sample "Leaf 1" (${b}): alias "Leaf_1" is also the alias of sample "Leaf #1" (${a}); MinKNOW needs unique aliases` }]);
    const [c] = await samples(1, 'alias');
    const long = await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114.24', members: [{ sampleId: c!.id, barcode: 'NB01', alias: 'x'.repeat(41) }] } }, staff);
    expect(problemsOf(long)[0]).toMatchObject({ field: 'input.members.0.alias', message: expect.stringMatching(/"alias-01".*1-40 characters/) });
    const chars = await sg.call(LAB.createPool, { i: { name: poolName(), barcodeKit: 'SQK-NBD114.24', members: [{ sampleId: c!.id, barcode: 'NB01', alias: 'a/b' }] } }, staff);
    expect(problemsOf(chars)[0]!.message).toMatch(/may contain only letters/);
  });
});
