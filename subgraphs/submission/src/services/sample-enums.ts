/**
 * The values of samples' GraphQL enums. Not rules: a value outside them cannot even be sent to
 * samples (GraphQL refuses the whole request), so intake must catch it first and name the cell.
 */
export const SAMPLE_ENUMS = {
  sampleType: ['DNA', 'RNA', 'PROTEIN', 'OTHER'],
  materialType: ['HMW_GDNA', 'FRAGMENTED_DNA', 'AMPLICON', 'CDNA', 'PLASMID', 'TOTAL_RNA', 'MRNA', 'OTHER'],
  flowCellDevice: ['MINION', 'PROMETHION', 'GRIDION', 'FLONGLE'],
  poreChemistry: ['R9_4_1', 'R10_4_1', 'R10_5_1', 'OTHER'],
  priority: ['LOW', 'NORMAL', 'HIGH', 'URGENT'],
} as const;
export type EnumField = keyof typeof SAMPLE_ENUMS;
