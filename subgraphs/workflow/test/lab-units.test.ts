import { describe, expect, it } from '@jest/globals';
import { FlowCellStatuses } from '../src/entities/lab-enums.js';
import { BarcodeKits, minknowKitCode, normaliseBarcode, normaliseKitCode, sampleSheetName } from '../src/services/lab/barcode-kits.js';
import { FlowCellMoves } from '../src/services/lab/flow-cell-states.js';
import { aliasFromName, aliasProblem, minknowIdProblem, sampleSheetCsv } from '../src/services/lab/sample-sheet.js';

// The lab's pure rules: the flow-cell state table, barcode and kit names, MinKNOW ids and CSV.
describe('the flow-cell state table', () => {
  it('names a move for every status, and RETIRED is the only final one', () => {
    expect(Object.keys(FlowCellMoves).sort()).toEqual([...FlowCellStatuses].sort());
    expect(FlowCellStatuses.filter((s) => FlowCellMoves[s].length === 0)).toEqual(['RETIRED']);
    expect(FlowCellMoves.IN_STOCK).not.toContain('IN_USE');
    expect(FlowCellMoves.WASHED).toEqual(['REUSED', 'RETIRED']);
    expect(FlowCellMoves.FAILED_CHECK).toEqual(['RETIRED']);
  });
});

describe('kits and barcodes', () => {
  const nbd24 = BarcodeKits.get('SQK-NBD114.24')!;
  const rbk96 = BarcodeKits.get('SQK-RBK114.96')!;

  it('normalises kit codes between ONT\'s product form and MinKNOW\'s', () => {
    expect(normaliseKitCode(' sqk-nbd114-24 ')).toBe('SQK-NBD114.24');
    expect(normaliseKitCode('SQK-NBD114.96')).toBe('SQK-NBD114.96');
    expect(minknowKitCode('SQK-RBK114.96')).toBe('SQK-RBK114-96');
  });

  it('reads a barcode as the kit\'s label or MinKNOW\'s name, and only the kit\'s', () => {
    expect(['NB05', 'nb5', 'barcode05', 'BARCODE5', ' NB005 '].map((b) => normaliseBarcode(nbd24, b))).toEqual(['NB05', 'NB05', 'NB05', 'NB05', 'NB05']);
    expect(['RB05', 'NB25', 'NB00', 'barcode25', 'NB', 'NB5a', ''].map((b) => normaliseBarcode(nbd24, b))).toEqual([null, null, null, null, null, null, null]);
    expect(normaliseBarcode(rbk96, 'barcode96')).toBe('RB96');
    expect(sampleSheetName('BP07')).toBe('barcode07');
  });
});

describe('MinKNOW ids and aliases', () => {
  it('allows 1-40 of A-Z a-z 0-9 _ - and refuses barcode names as aliases', () => {
    expect(minknowIdProblem('run_2026-12-03')).toBeNull();
    expect(minknowIdProblem('x'.repeat(41))).toMatch(/1-40 characters/);
    expect(minknowIdProblem('a b')).toMatch(/may contain only/);
    expect(aliasProblem('barcode12')).toMatch(/must not be a barcode name/);
    expect(aliasProblem('Unclassified')).toMatch(/must not be a barcode name/);
    expect(aliasProblem('barcode12x')).toBeNull();
  });

  it('makes a sample name into an alias', () => {
    expect(aliasFromName('ZM leaf #1 (root)')).toBe('ZM_leaf_1_root');
    expect(aliasFromName('Café-ß')).toBe('Cafe-');
    expect(aliasFromName('***')).toBe('sample');
    expect(aliasFromName('y'.repeat(60))).toHaveLength(40);
  });

  it('writes CRLF CSV with the MinKNOW header, quoting only what needs it', () => {
    expect(sampleSheetCsv([{ flow_cell_id: 'FAW1', kit: 'SQK-NBD114-24', sample_id: 'P1', experiment_id: 'E1', barcode: 'barcode01', alias: 'a,b' }]))
      .toBe('flow_cell_id,kit,sample_id,experiment_id,barcode,alias\r\nFAW1,SQK-NBD114-24,P1,E1,barcode01,"a,b"\r\n');
  });
});
