import type { PoolMemberResolvers } from '../__generated__/resolvers-types.js';
import { sampleSheetName } from '../services/lab/barcode-kits.js';

export const PoolMember: PoolMemberResolvers = {
  sample: (m) => ({ id: m.sampleId }),
  sampleSheetBarcode: (m) => sampleSheetName(m.barcode),
};
