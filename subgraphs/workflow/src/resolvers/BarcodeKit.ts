import type { BarcodeKitResolvers } from '../__generated__/resolvers-types.js';
import { minknowKitCode } from '../services/lab/barcode-kits.js';

export const BarcodeKit: BarcodeKitResolvers = {
  code: (k) => k.kit.code,
  minknowCode: (k) => minknowKitCode(k.kit.code),
  description: (k) => k.kit.description,
  barcodeCount: (k) => k.kit.count,
  barcodes: (k) => k.barcodes,
  sequencingKits: (k) => k.kit.sequencingKits ?? [],
};
