import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestSubgraph, type TestSubgraph, userPrincipal, waitFor } from '@app/testing';
import type { DomainEvent } from '@app/common';
import { workflowSubgraph } from '../src/server.js';
import { loadWorkflowConfig } from '../src/config.js';
import {
  LAB, SETUP_WITH_STOCK, checkedCell, createSample, errorCode, expectNoErrors, freshSerial, receiveCells, toSequencingSetup,
} from './helpers.js';

// The flow-cell inventory (issue #15 point 1): receiving, platform checks against the warranty,
// the status machine, picking by the sequencing-setup step (never twice), washes, reuse, alerts.
let sg: TestSubgraph;
let events: DomainEvent[];
const staff = userPrincipal('STAFF');
const viewer = userPrincipal('VIEWER');
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const readToken = userPrincipal('STAFF', { kind: 'apiToken', scopes: ['workflow:read'], tokenId: 'tok-r', via: 'API' });

beforeAll(async () => {
  sg = await startTestSubgraph(workflowSubgraph, {
    env: { WORKFLOW_FLOWCELL_LOW_STOCK: 'FLO-FLG114HD=3', WORKFLOW_FLOWCELL_EXPIRY_SCAN_MS: '50', WORKFLOW_FLOWCELL_EXPIRY_WARNING_DAYS: '30' },
  });
  events = await collectEvents(sg.bus);
});
afterAll(() => sg.stop());

const ofType = (type: string, id?: string) => events.filter((e) => e.type === type && (!id || e.subject.id === id));

describe('receiving', () => {
  it('receives a delivery of three cells IN_STOCK, with the warranty of their product, and emits FlowCellReceived each', async () => {
    const expiresAt = new Date(Date.now() + 200 * 86_400_000).toISOString();
    const serials = [freshSerial(), freshSerial(), freshSerial()];
    const res = await sg.call(LAB.receive, { i: [
      { productCode: 'flo-min114', serial: serials[0]!.toLowerCase(), lot: 'L-2026-11', expiresAt, storageLocation: 'Fridge 2 / Box A' },
      { productCode: 'FLO-PRO114M', serial: serials[1], expiresAt },
      { productCode: 'FLO-FLG114', serial: serials[2], expiresAt },
    ] }, staff);
    expectNoErrors(res);
    const cells = res.data!.receiveFlowCells;
    expect(cells.map((c: Record<string, unknown>) => [c.productCode, c.serial, c.status, c.warrantyPoreThreshold, c.useCount])).toEqual([
      ['FLO-MIN114', serials[0], 'IN_STOCK', 800, 0], ['FLO-PRO114M', serials[1], 'IN_STOCK', 5000, 0], ['FLO-FLG114', serials[2], 'IN_STOCK', 50, 0],
    ]);
    expect(cells[0]).toMatchObject({ lot: 'L-2026-11', storageLocation: 'Fridge 2 / Box A', expired: false, flaggedForReturn: false });
    await waitFor(() => cells.every((c: { id: string }) => ofType('FlowCellReceived', c.id).length === 1), { what: 'FlowCellReceived ×3' });
    expect(ofType('FlowCellReceived', cells[0].id)[0]!.data).toMatchObject({ productCode: 'FLO-MIN114', serial: serials[0], lot: 'L-2026-11', status: 'IN_STOCK' });
  });

  it('reports every problem of every row by row, and stores none of the delivery', async () => {
    const [id] = await receiveCells(sg, staff, 1);
    const known = (await sg.call(LAB.cell, { id }, staff)).data!.flowCell.serial;
    const twice = freshSerial();
    const past = new Date(Date.now() - 86_400_000).toISOString();
    const future = new Date(Date.now() + 86_400_000 * 90).toISOString();
    const res = await sg.call(LAB.receive, { i: [
      { productCode: 'FLO-MIN106D', serial: freshSerial(), expiresAt: future },
      { productCode: 'FLO-MIN114', serial: 'FAW-12', expiresAt: future },
      { productCode: 'FLO-MIN114', serial: known, expiresAt: future },
      { productCode: 'FLO-MIN114', serial: twice, expiresAt: past },
      { productCode: 'FLO-MIN114', serial: twice, expiresAt: future },
    ] }, staff);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const problems = res.errors![0]!.extensions!.problems as { field: string; message: string }[];
    expect(problems.map((p) => p.field).sort()).toEqual(['input.0.productCode', 'input.1.serial', 'input.2.serial', 'input.3.expiresAt', 'input.4.serial']);
    expect(problems.find((p) => p.field === 'input.2.serial')!.message).toMatch(/already in the inventory/);
    expect(problems.find((p) => p.field === 'input.0.productCode')!.message).toMatch(/FLO-MIN114/);
    expect((await sg.call(`query { flowCells(productCode: "FLO-MIN114", first: 100) { edges { node { serial } } } }`, {}, staff)).data!.flowCells.edges
      .map((e: { node: { serial: string } }) => e.node.serial)).not.toContain(twice);
    expect(errorCode(await sg.call(LAB.receive, { i: [] }, staff))).toBe('BAD_USER_INPUT');
  });

  it('lets staff and admins change the stock, viewers and read tokens read it, and submitters neither', async () => {
    const [id] = await receiveCells(sg, staff, 1);
    for (const who of [viewer, readToken, submitter]) expect(errorCode(await sg.call(LAB.check, { id, n: 1000 }, who))).toBe('FORBIDDEN');
    for (const who of [viewer, readToken]) expect((await sg.call(LAB.cell, { id }, who)).data!.flowCell.id).toBe(id);
    expect(errorCode(await sg.call(LAB.cell, { id }, submitter))).toBe('FORBIDDEN');
    expect(errorCode(await sg.call(`{ flowCellStock { productCode } }`, {}, submitter))).toBe('FORBIDDEN');
    expect(errorCode(await sg.call(LAB.cell, { id }))).toBe('UNAUTHENTICATED');
  });
});

describe('platform checks and the warranty', () => {
  it('checks a cell above the warranty to CHECKED, and flags one below it for return (FAILED_CHECK), per product', async () => {
    const [good, bad, flongleOk, flongleBad, promBad] = [
      ...(await receiveCells(sg, staff, 2)), ...(await receiveCells(sg, staff, 2, 'FLO-FLG114')), ...(await receiveCells(sg, staff, 1, 'FLO-PRO114M')),
    ];
    const ok = await sg.call(LAB.check, { id: good, n: 1450 }, staff);
    expect(ok.data!.checkFlowCell).toMatchObject({ status: 'CHECKED', flaggedForReturn: false, latestPoreCount: 1450, returnReason: null });
    const low = await sg.call(LAB.check, { id: bad, n: 612, notes: 'bubble over the array' }, staff);
    expect(low.data!.checkFlowCell).toMatchObject({ status: 'FAILED_CHECK', flaggedForReturn: true, latestPoreCount: 612 });
    expect(low.data!.checkFlowCell.returnReason).toMatch(/612 pores, below the 800-pore warranty of FLO-MIN114/);
    expect((await sg.call(LAB.check, { id: flongleOk, n: 50 }, staff)).data!.checkFlowCell.status).toBe('CHECKED');
    expect((await sg.call(LAB.check, { id: flongleBad, n: 49 }, staff)).data!.checkFlowCell.status).toBe('FAILED_CHECK');
    expect((await sg.call(LAB.check, { id: promBad, n: 4999 }, staff)).data!.checkFlowCell.flaggedForReturn).toBe(true);

    const history = (await sg.call(LAB.cell, { id: bad }, staff)).data!.flowCell.poreCounts;
    expect(history.totalCount).toBe(1);
    expect(history.edges[0].node).toEqual({ kind: 'PLATFORM_CHECK', poreCount: 612, warrantyThreshold: 800, belowWarranty: true, by: { id: staff.userId }, byName: staff.name, sample: null, pool: null });
    await waitFor(() => ofType('FlowCellChecked', bad).length === 1, { what: 'FlowCellChecked' });
    const checked = ofType('FlowCellChecked', bad)[0]!;
    expect(checked.data).toMatchObject({ poreCount: 612, warrantyThreshold: 800, belowWarranty: true, flaggedForReturn: true, previousStatus: 'IN_STOCK', status: 'FAILED_CHECK' });
    expect(checked).toMatchObject({ before: { status: 'IN_STOCK' }, after: { status: 'FAILED_CHECK' }, reason: 'bubble over the array' });
    const flagged = (await sg.call(`query { flowCells(flaggedForReturn: true, first: 100) { edges { node { id } } } }`, {}, staff)).data!.flowCells.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(flagged).toEqual(expect.arrayContaining([bad, flongleBad, promBad]));
    expect(flagged).not.toContain(good);
  });

  it('bounds the pore count', async () => {
    const [id] = await receiveCells(sg, staff, 1);
    const res = await sg.call(LAB.check, { id, n: -3 }, staff);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.poreCount' });
    expect(errorCode(await sg.call(LAB.check, { id, n: 30_000 }, staff))).toBe('BAD_USER_INPUT');
  });

  it('takes warranty pore counts from WORKFLOW_FLOWCELL_WARRANTY_PORES and refuses unknown products there', () => {
    expect(loadWorkflowConfig({ WORKFLOW_FLOWCELL_WARRANTY_PORES: 'FLO-MIN114=900' }).lab.warrantyPores).toMatchObject({ 'FLO-MIN114': 900, 'FLO-PRO114M': 5000, 'FLO-FLG114': 50 });
    expect(() => loadWorkflowConfig({ WORKFLOW_FLOWCELL_WARRANTY_PORES: 'FLO-XYZ=3' })).toThrow(/unknown key "FLO-XYZ"/);
  });
});

describe('the status machine', () => {
  it('refuses invalid transitions by name and changes nothing', async () => {
    const [fresh, failed] = await receiveCells(sg, staff, 2);
    const wash = await sg.call(LAB.wash, { id: fresh, kit: 'EXP-WSH004' }, staff);
    expect(errorCode(wash)).toBe('INVALID_TRANSITION');
    expect(wash.errors![0]!.message).toMatch(/cannot be washed: IN_STOCK → WASHED is not allowed \(from IN_STOCK it may only become CHECKED, FAILED_CHECK, RETIRED\)/);
    expect(wash.errors![0]!.extensions).toMatchObject({ status: 'IN_STOCK', to: 'WASHED' });
    expectNoErrors(await sg.call(LAB.check, { id: failed, n: 10 }, staff));
    const recheck = await sg.call(LAB.check, { id: failed, n: 1500 }, staff);
    expect(recheck.errors![0]!.message).toMatch(/FAILED_CHECK → CHECKED is not allowed/);
    expect((await sg.call(LAB.retire, { id: failed, r: 'returned to ONT under warranty' }, staff)).data!.retireFlowCell).toMatchObject({ status: 'RETIRED', flaggedForReturn: true });
    const again = await sg.call(LAB.retire, { id: failed, r: 'again' }, staff);
    expect(again.errors![0]!.message).toMatch(/RETIRED → RETIRED is not allowed \(RETIRED is final\)/);
    expect((await sg.call(LAB.cell, { id: fresh }, staff)).data!.flowCell).toMatchObject({ status: 'IN_STOCK', washCount: 0 });
    expect(errorCode(await sg.call(LAB.wash, { id: fresh, kit: 'EXP-FOO001' }, staff))).toBe('BAD_USER_INPUT');
  });
});

describe('picking for a run', () => {
  it('SEQUENCING_SETUP picks a checked cell from stock and fills its results from it; the cell cannot be picked twice', async () => {
    const cell = await checkedCell(sg, staff, 'FLO-MIN114', 1510);
    const { sampleId: first } = await createSample(sg, staff);
    const { sampleId: second } = await createSample(sg, staff);
    await toSequencingSetup(sg, staff, first);
    await toSequencingSetup(sg, staff, second);

    const picked = await sg.call(SETUP_WITH_STOCK, { s: first, f: cell }, staff);
    expectNoErrors(picked);
    const serial = (await sg.call(LAB.cell, { id: cell }, staff)).data!.flowCell.serial;
    expect(picked.data!.completeStep).toEqual({ status: 'COMPLETED', results: {
      flowCellId: serial, flowCellProductCode: 'FLO-MIN114', poreCountAtCheck: 1510, stockFlowCell: { id: cell, status: 'IN_USE' },
    } });
    expect((await sg.call(LAB.cell, { id: cell }, staff)).data!.flowCell).toMatchObject({ status: 'IN_USE', useCount: 1, loadedSample: { id: first }, loadedPool: null });

    const twice = await sg.call(SETUP_WITH_STOCK, { s: second, f: cell }, staff);
    expect(errorCode(twice)).toBe('CONFLICT');
    expect(twice.errors![0]!.message).toMatch(new RegExp(`${serial} is already IN_USE \\(picked for sample ${first}`));
    const secondStep = (await sg.call(`query($id: ID!) { workflow(sampleId: $id) { steps { name status } } }`, { id: second }, staff)).data!.workflow.steps;
    expect(secondStep.find((s: { name: string }) => s.name === 'SEQUENCING_SETUP').status).toBe('IN_PROGRESS');

    await waitFor(() => ofType('FlowCellPicked', cell).length === 1, { what: 'FlowCellPicked' });
    const event = ofType('FlowCellPicked', cell)[0]!;
    expect(event.subject).toMatchObject({ type: 'FlowCell', id: cell, sampleId: first, labId: 'lab-a' });
    expect(event.data).toMatchObject({ previousStatus: 'CHECKED', status: 'IN_USE', useCount: 1, sampleId: first, poolId: null });
  });

  it('lets exactly one of two concurrent setups pick the same cell', async () => {
    const cell = await checkedCell(sg, staff);
    const samples = [(await createSample(sg, staff)).sampleId, (await createSample(sg, staff)).sampleId];
    for (const s of samples) await toSequencingSetup(sg, staff, s);
    const results = await Promise.all(samples.map((s) => sg.call(SETUP_WITH_STOCK, { s, f: cell }, staff)));
    expect(results.map((r) => (r.errors ? errorCode(r) : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
    expect((await sg.call(LAB.cell, { id: cell }, staff)).data!.flowCell.useCount).toBe(1);
  });

  it('refuses unchecked, failed and unknown cells, and a second cell for the same step', async () => {
    const [unchecked] = await receiveCells(sg, staff, 1);
    const { sampleId } = await createSample(sg, staff);
    await toSequencingSetup(sg, staff, sampleId);
    const res = await sg.call(SETUP_WITH_STOCK, { s: sampleId, f: unchecked }, staff);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toMatch(/has not been checked yet/);
    expect(errorCode(await sg.call(SETUP_WITH_STOCK, { s: sampleId, f: '00000000-0000-4000-8000-000000000000' }, staff))).toBe('NOT_FOUND');
    const mismatch = await sg.call(`mutation($s: ID!, $f: ID!) { completeStep(sampleId: $s, step: SEQUENCING_SETUP, results: { sequencingSetup: { device: MINION, position: "X1", stockFlowCellId: $f, flowCellId: "ZZZ99999" } }) { status } }`,
      { s: sampleId, f: await checkedCell(sg, staff) }, staff);
    expect(mismatch.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'results.sequencingSetup.flowCellId' });
  });

  it('washes a cell after its run, keeps its history, and reuses it (REUSED); a check of a washed cell flags nothing', async () => {
    const cell = await checkedCell(sg, staff, 'FLO-MIN114', 1480);
    const [a, b] = [(await createSample(sg, staff)).sampleId, (await createSample(sg, staff)).sampleId];
    await toSequencingSetup(sg, staff, a);
    expectNoErrors(await sg.call(SETUP_WITH_STOCK, { s: a, f: cell, n: 1470 }, staff));
    const washed = await sg.call(LAB.wash, { id: cell, kit: 'exp-wsh004', n: 900 }, staff);
    expect(washed.data!.washFlowCell).toMatchObject({ status: 'WASHED', washCount: 1, latestPoreCount: 900, loadedSample: null });
    expect((await sg.call(LAB.check, { id: cell, n: 600 }, staff)).data!.checkFlowCell).toMatchObject({ status: 'WASHED', flaggedForReturn: false, latestPoreCount: 600 });
    await toSequencingSetup(sg, staff, b);
    const reused = await sg.call(SETUP_WITH_STOCK, { s: b, f: cell }, staff);
    expect(reused.data!.completeStep.results).toMatchObject({ poreCountAtCheck: 600, stockFlowCell: { status: 'REUSED' } });
    const c = (await sg.call(LAB.cell, { id: cell }, staff)).data!.flowCell;
    expect(c).toMatchObject({ status: 'REUSED', useCount: 2, washCount: 1, loadedSample: { id: b } });
    expect(c.washes).toEqual({ totalCount: 1, edges: [{ node: { washKit: 'EXP-WSH004', by: { id: staff.userId } } }] });
    expect(c.poreCounts.edges.map((e: { node: { kind: string; poreCount: number } }) => [e.node.kind, e.node.poreCount])).toEqual([
      ['PLATFORM_CHECK', 600], ['RUN_END', 900], ['RUN_START', 1470], ['PLATFORM_CHECK', 1480],
    ]);
    expect(c.poreCounts.edges[2].node.sample).toEqual({ id: a });
    expect((await sg.call(LAB.retire, { id: cell, r: 'spent after two runs' }, staff)).data!.retireFlowCell.status).toBe('RETIRED');
  });
});

describe('alerts', () => {
  it('emits FlowCellStockLow when a product\'s usable stock falls below its threshold', async () => {
    const [x, y] = await receiveCells(sg, staff, 2, 'FLO-FLG114HD');
    expectNoErrors(await sg.call(LAB.check, { id: x, n: 80 }, staff));
    const before = ofType('FlowCellStockLow').length;
    expectNoErrors(await sg.call(LAB.check, { id: y, n: 12 }, staff));
    await waitFor(() => ofType('FlowCellStockLow').length > before, { what: 'FlowCellStockLow' });
    const alert = ofType('FlowCellStockLow').at(-1)!;
    expect(alert.subject).toEqual({ type: 'FlowCellProduct', id: 'FLO-FLG114HD' });
    expect(alert.data).toEqual({ productCode: 'FLO-FLG114HD', available: 1, threshold: 3 });
    const stock = (await sg.call(`{ flowCellStock { productCode available threshold low } }`, {}, viewer)).data!.flowCellStock;
    expect(stock.find((s: { productCode: string }) => s.productCode === 'FLO-FLG114HD')).toEqual({ productCode: 'FLO-FLG114HD', available: 1, threshold: 3, low: true });
  });

  it('emits FlowCellExpiringSoon once for a cell expiring within the warning window', async () => {
    const expiresAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const res = await sg.call(LAB.receive, { i: [{ productCode: 'FLO-MIN114', serial: freshSerial(), expiresAt }] }, staff);
    const id = res.data!.receiveFlowCells[0].id;
    await waitFor(() => ofType('FlowCellExpiringSoon', id).length === 1, { what: 'FlowCellExpiringSoon' });
    expect(ofType('FlowCellExpiringSoon', id)[0]!.data).toMatchObject({ daysLeft: 9, status: 'IN_STOCK' });
    await new Promise((r) => setTimeout(r, 300));
    expect(ofType('FlowCellExpiringSoon', id)).toHaveLength(1);
  });
});
