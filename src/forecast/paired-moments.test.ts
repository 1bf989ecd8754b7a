import { describe, expect, it } from 'vitest';
import { pairedMoments } from './paired-moments.ts';

describe('pairedMoments', () => {
  it('gives the means and centred sums of a worked example', () => {
    const m = pairedMoments([1, 2, 3, 4], [2, 4, 5, 9]);
    expect(m.meanX).toBe(2.5);
    expect(m.meanY).toBe(5);
    expect(m.sxx).toBeCloseTo(5, 12);
    expect(m.syy).toBeCloseTo(26, 12);
    expect(m.sxy).toBeCloseTo(11, 12);
  });
});
