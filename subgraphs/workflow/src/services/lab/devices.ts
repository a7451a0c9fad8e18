/**
 * ONT sequencers, their positions as MinKNOW names them, and the flow cells each takes
 * (lims-landscape.md §4.1). A MinION has one position, named after the device (MN12345, MC-110395,
 * MD-100123); a GridION X5 has X1-X5; a PromethION 2 (Solo or Integrated) has A and B (MinKNOW:
 * P2S-01234-A); a PromethION 24 has columns 1-3 by rows A-H (1A-3H) and a PromethION 48 columns 1-6
 * (1A-6H). MinION and GridION take MinION and Flongle cells (Flongle through its adapter); the
 * PromethIONs take PromethION cells.
 */
import type { SequencerModel } from '../../entities/lab-enums.js';
import { FlowCellProducts, isFlowCellProduct } from './flow-cell-products.js';

interface Sequencer {
  name: string;
  /** MinKNOW's device type (the SequencingDevice of a SEQUENCING_SETUP step). */
  deviceType: 'MINION' | 'MINION_MK1C' | 'MINION_MK1D' | 'GRIDION' | 'PROMETHION' | 'P2_SOLO' | 'P2_INTEGRATED';
  families: readonly ('MINION' | 'FLONGLE' | 'PROMETHION')[];
  /** Upper-case position → canonical name, or null when it is not a position of this model. */
  position: (raw: string) => string | null;
  hint: string;
}

const promethion = (columns: number) => (raw: string) => {
  const m = /^([1-9])([A-H])$/.exec(raw);
  return m && Number(m[1]) <= columns ? raw : null;
};
const minion = (prefix: 'MN' | 'MC' | 'MD') => (raw: string) => {
  const m = /^(M[NCD])-?(\d{5,6})$/.exec(raw);
  return m && m[1] === prefix ? raw : null;
};
const p2 = (prefix: 'P2S' | 'P2I') => (raw: string) => (/^[AB]$/.test(raw) || new RegExp(`^${prefix}-\\d{5}-[AB]$`).test(raw) ? raw : null);
const gridion = (raw: string) => (/^X[1-5]$/.test(raw) ? raw : null);

const MINION_CELLS = ['MINION', 'FLONGLE'] as const;
export const Sequencers: Record<SequencerModel, Sequencer> = {
  MINION_MK1B: { name: 'MinION Mk1B', deviceType: 'MINION', families: MINION_CELLS, position: minion('MN'), hint: 'the device id, e.g. MN12345' },
  MINION_MK1C: { name: 'MinION Mk1C', deviceType: 'MINION_MK1C', families: MINION_CELLS, position: minion('MC'), hint: 'the device id, e.g. MC-110395' },
  MINION_MK1D: { name: 'MinION Mk1D', deviceType: 'MINION_MK1D', families: MINION_CELLS, position: minion('MD'), hint: 'the device id, e.g. MD-100123' },
  GRIDION_X5: { name: 'GridION X5', deviceType: 'GRIDION', families: MINION_CELLS, position: gridion, hint: 'X1-X5' },
  P2_SOLO: { name: 'PromethION 2 Solo', deviceType: 'P2_SOLO', families: ['PROMETHION'], position: p2('P2S'), hint: 'A or B (or P2S-01234-A)' },
  P2_INTEGRATED: { name: 'PromethION 2 Integrated', deviceType: 'P2_INTEGRATED', families: ['PROMETHION'], position: p2('P2I'), hint: 'A or B (or P2I-01234-A)' },
  PROMETHION_24: { name: 'PromethION 24', deviceType: 'PROMETHION', families: ['PROMETHION'], position: promethion(3), hint: '1A-3H (columns 1-3, rows A-H)' },
  PROMETHION_48: { name: 'PromethION 48', deviceType: 'PROMETHION', families: ['PROMETHION'], position: promethion(6), hint: '1A-6H (columns 1-6, rows A-H)' },
};

/** The position as MinKNOW names it, or why it is not one of the model's. */
export function positionOf(model: SequencerModel, raw: string | null | undefined): { position: string } | { problem: string } {
  const s = Sequencers[model];
  const position = s.position(raw?.trim().toUpperCase() ?? '');
  return position ? { position } : { problem: `"${raw ?? ''}" is not a position of a ${s.name}; use ${s.hint}` };
}

/** Why a flow cell product cannot run on the model, or null when it can. */
export function flowCellFitProblem(model: SequencerModel, productCode: string): string | null {
  const s = Sequencers[model];
  if (!isFlowCellProduct(productCode)) return `${productCode} is not a current flow cell product`;
  const family = FlowCellProducts[productCode].family;
  return s.families.includes(family) ? null : `a ${productCode} (${FlowCellProducts[productCode].description}) does not fit a ${s.name}`;
}
