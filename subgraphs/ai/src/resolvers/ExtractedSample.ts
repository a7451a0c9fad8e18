import type { ExtractedSampleResolvers } from '../__generated__/resolvers-types.js';

export const ExtractedSample: ExtractedSampleResolvers = {
  boundingBox: (row) => row.bbox,
};
