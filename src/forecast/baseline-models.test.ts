import { describe, it, expect } from 'vitest';
import { driftModel, naiveModel, seasonalNaiveModel } from './baseline-models.ts';

const opts = (frequency: number) => ({ frequency, levels: [95], seriesId: 't' });

describe('baseline models', () => {
  it('naive repeats the last value with √h-growing intervals', () => {
    const f = naiveModel.forecast([1, 3, 2, 4], 4, opts(1));
    expect(f.mean).toEqual([4, 4, 4, 4]);
    // residuals 2, −1, 2 → σ² = 3; 95% half-width at h is 1.96·√(3h)
    expect(f.upper[0][3] - 4).toBeCloseTo(1.959964 * Math.sqrt(12), 4);
  });

  it('seasonal naive repeats the last season and widens once per season', () => {
    const y = [10, 20, 30, 11, 21, 31];
    const f = seasonalNaiveModel.forecast(y, 5, opts(3));
    expect(f.mean).toEqual([11, 21, 31, 11, 21]);
    const w = f.mean.map((_, k) => f.upper[0][k] - f.lower[0][k]);
    expect(w[0]).toBeCloseTo(w[2], 10);
    expect(w[3] / w[0]).toBeCloseTo(Math.SQRT2, 10);
  });

  it('drift extends the line through the first and last points', () => {
    const f = driftModel.forecast([1, 2, 4, 7], 2, opts(1));
    expect(f.mean).toEqual([9, 11]);
  });
});
