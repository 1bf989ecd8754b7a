import { describe, it, expect } from 'vitest';
import { seededRandom } from '../platform/clock.ts';
import { naiveModel } from './baseline-models.ts';
import { backtest, maseScale, rollingOrigins, smape } from './backtest.ts';

describe('rolling-origin backtest', () => {
  it('plans expanding windows with a full horizon each', () => {
    expect(rollingOrigins(30, { horizon: 5, minTrain: 10, step: 5 })).toEqual([10, 15, 20, 25]);
    expect(rollingOrigins(30, { horizon: 5, minTrain: 10, step: 5, maxOrigins: 2 })).toEqual([20, 25]);
  });

  it('scales errors by the in-sample seasonal-naive error', () => {
    expect(maseScale([1, 2, 3, 5, 6, 7], 3)).toBe(4);
    expect(maseScale([3, 3, 3, 3], 2)).toBeNull();
    expect(smape(0, 0)).toBe(0);
    expect(smape(100, 50)).toBeCloseTo(66.667, 2);
  });

  it('finds naive intervals calibrated on a random walk (coverage near nominal)', () => {
    const r = seededRandom(77);
    let v = 0;
    const y = Array.from({ length: 1200 }, () => (v += r.normal()));
    const result = backtest(y, (train, h) => naiveModel.forecast(train, h, { frequency: 1, levels: [80, 95], seriesId: 'rw' }), {
      horizon: 6, minTrain: 100, step: 6, frequency: 1, levels: [80, 95],
    });
    expect(result.origins.length).toBeGreaterThan(150);
    expect(result.accuracy.coverage['80']).toBeGreaterThan(0.76);
    expect(result.accuracy.coverage['80']).toBeLessThan(0.84);
    expect(result.accuracy.coverage['95']).toBeGreaterThan(0.93);
    expect(result.accuracy.coverage['95']).toBeLessThan(0.97);
    // For a random walk the naive forecast's MASE at one step is about 1 by construction.
    expect(result.byStep[0].mase).toBeGreaterThan(0.85);
    expect(result.byStep[0].mase).toBeLessThan(1.15);
  });

  it('records origins where a model fails instead of crashing', () => {
    const result = backtest([1, 2, 3, 4, 5, 6], () => {
      throw new Error('boom');
    }, { horizon: 1, minTrain: 3, step: 1, frequency: 1, levels: [80] });
    expect(result.failures).toHaveLength(3);
    expect(result.accuracy.mase).toBeNull();
  });
});
