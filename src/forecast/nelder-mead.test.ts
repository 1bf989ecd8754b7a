import { describe, it, expect } from 'vitest';
import { logistic, logit, minimizeFromStarts, nelderMead } from './nelder-mead.ts';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock valley', () => {
    const rosen = (x: ArrayLike<number>) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const r = nelderMead(rosen, [-1.2, 1], { maxEvaluations: 5000, tolerance: 1e-12, restarts: 3 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('treats non-finite values as walls', () => {
    const f = (x: ArrayLike<number>) => (x[0] < 0 ? NaN : (x[0] - 2) ** 2);
    const r = nelderMead(f, [1], { maxEvaluations: 500 });
    expect(r.x[0]).toBeCloseTo(2, 3);
  });

  it('keeps the best of several starts on a multimodal function', () => {
    const f = (x: ArrayLike<number>) => Math.min((x[0] + 3) ** 2 + 1, (x[0] - 3) ** 2);
    const r = minimizeFromStarts(f, [[-3.5], [2.5]], { maxEvaluations: 400 });
    expect(r.x[0]).toBeCloseTo(3, 3);
    expect(r.value).toBeLessThan(1e-6);
  });

  it('logistic and logit invert each other within bounds', () => {
    for (const v of [0.01, 0.3, 0.97]) expect(logistic(logit(v, 0, 1), 0, 1)).toBeCloseTo(v, 9);
    expect(logistic(50, 0.8, 0.98)).toBeLessThanOrEqual(0.98);
  });
});
