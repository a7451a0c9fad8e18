import { describe, expect, it } from '@jest/globals';
import { parseRange } from '../src/routes/range.js';

describe('Range header parsing', () => {
  it('reads a-b, a- and -n ranges and clamps the end to the file', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'range', range: { start: 0, end: 99 } });
    expect(parseRange('bytes=900-', 1000)).toEqual({ kind: 'range', range: { start: 900, end: 999 } });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'range', range: { start: 900, end: 999 } });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'range', range: { start: 0, end: 999 } });
    expect(parseRange('bytes=10-99999', 1000)).toEqual({ kind: 'range', range: { start: 10, end: 999 } });
  });

  it('answers ranges outside the file as unsatisfiable and anything else with the whole file', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=50-10', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    for (const header of [undefined, '', 'bytes=-', 'items=0-1', 'bytes=0-1,5-9', 'bytes=a-b']) expect(parseRange(header, 1000)).toEqual({ kind: 'all' });
  });
});
