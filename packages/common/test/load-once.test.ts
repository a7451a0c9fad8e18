import { describe, expect, it } from '@jest/globals';
import { loadOnce } from '../src/load-once.js';

describe('loadOnce', () => {
  it('loads once for every caller, concurrent or later', async () => {
    let loads = 0;
    const get = loadOnce(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(await get()).toBe(a);
    expect(loads).toBe(1);
  });

  it('does not remember a failed load: the next call tries again', async () => {
    let loads = 0;
    const get = loadOnce(async () => {
      if (++loads === 1) throw new Error('module not found');
      return 'loaded';
    });
    await expect(get()).rejects.toThrow('module not found');
    expect(await get()).toBe('loaded');
    expect(loads).toBe(2);
  });
});
