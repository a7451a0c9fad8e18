import { describe, expect, it } from '@jest/globals';
import { extractFromText, matchLabel, normalizeLabel } from '../src/services/pattern-extractor.js';

describe('pattern extractor', () => {
  it('gives 1.0 to exact labels, units and punctuation aside', () => {
    expect(normalizeLabel('Volume (µL)')).toBe('volume');
    expect(matchLabel('E-mail')).toEqual({ field: expect.objectContaining({ name: 'submitterEmail' }), confidence: 1 });
    expect(matchLabel('Source Organism')!.field.name).toBe('organism');
  });

  it('scores a misspelt label by its similarity and ignores unrelated labels', () => {
    const near = matchLabel('Consentration')!;
    expect(near.field.name).toBe('concentration');
    expect(near.confidence).toBeCloseTo(1 - 1 / 13, 3);
    expect(matchLabel('Favourite colour')).toBeNull();
  });

  it('flags near matches, bad formats and conflicting lines for review', () => {
    const results = extractFromText([
      'Sample Name: S-01', 'Sampel Name: S-02', 'Volume: lots', 'Concentration: 12.5 ng/µL', 'No colon here', 'Notes:',
    ].join('\n'), 0.95);
    expect(results).toEqual([
      expect.objectContaining({ fieldName: 'sampleName', value: 'S-01', confidence: 1, line: 1, needsReview: true }),
      expect.objectContaining({ fieldName: 'volume', value: 'lots', confidence: 1, needsReview: true }),
      expect.objectContaining({ fieldName: 'concentration', value: '12.5 ng/µL', confidence: 1, needsReview: false }),
    ]);
  });
});
