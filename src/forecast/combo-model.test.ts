import { describe, it, expect } from 'vitest';
import { combineForecasts, residualCorrelation } from './combo-model.ts';
import type { Forecast } from './forecast-types.ts';

const part = (mean: number, half: number, residuals: number[]): Forecast => ({
  model: 'x', family: 'x', mean: [mean], levels: [95], lower: [[mean - half]], upper: [[mean + half]], intervals: 'analytic', residuals,
});

describe('combination', () => {
  it('averages the means and combines half-widths through the residual correlation', () => {
    const same = [1, -1, 2, -2, 0.5];
    const perfectly = combineForecasts([part(10, 2, same), part(20, 4, same)], { frequency: 1, levels: [95], seriesId: 'c' });
    expect(perfectly.mean[0]).toBe(15);
    // ρ = 1: the combined half-width is the mean half-width.
    expect(perfectly.upper[0][0] - 15).toBeCloseTo(3, 10);
    const opposite = combineForecasts([part(10, 2, same), part(20, 2, same.map((v) => -v))], { frequency: 1, levels: [95], seriesId: 'c' });
    // A negative estimated correlation is clipped to 0: half-width √(1 + 1)/2 · 2.
    expect(opposite.upper[0][0] - 15).toBeCloseTo(Math.SQRT2, 10);
  });

  it('treats short or flat residuals as perfectly correlated (the conservative case)', () => {
    expect(residualCorrelation([1, 2], [3, 4])).toBe(1);
    expect(residualCorrelation([0, 0, 0, 0], [1, 2, 3, 4])).toBe(1);
  });
});
