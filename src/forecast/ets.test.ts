import { describe, it, expect } from 'vitest';
import { seededRandom } from '../platform/clock.ts';
import { airPassengers } from './air-passengers.fixture.ts';
import { fitEts, selectEts } from './ets-fit.ts';
import { forecastEts } from './ets-forecast.ts';
import type { EtsSpec } from './ets-core.ts';

function simulateSes(alpha: number, n: number, seed: number): number[] {
  const r = seededRandom(seed);
  let level = 100;
  return Array.from({ length: n }, () => {
    const e = 2 * r.normal();
    const y = level + e;
    level += alpha * e;
    return y;
  });
}

describe('ETS', () => {
  it('recovers the smoothing parameter of a simulated ETS(A,N,N) series', () => {
    const fit = fitEts(simulateSes(0.3, 600, 11), { error: 'A', trend: 'N', season: 'N', m: 1 });
    expect(fit?.params.alpha).toBeGreaterThan(0.22);
    expect(fit?.params.alpha).toBeLessThan(0.38);
    expect(Math.sqrt(fit?.sigma2 ?? 0)).toBeCloseTo(2, 0);
  });

  it('chooses a multiplicative-seasonal model for the airline passengers', () => {
    const fit = selectEts(airPassengers, 12);
    expect(fit?.spec.error).toBe('M');
    expect(fit?.spec.season).toBe('M');
    const f = forecastEts(fit!, 12, [95], seededRandom(1), 0);
    // The 1961 peak is in July and the trough in November, as in every year of the data.
    expect(f.mean.indexOf(Math.max(...f.mean))).toBe(6);
    expect(f.mean.indexOf(Math.min(...f.mean))).toBe(10);
  });

  it('gives ETS(A,N,N) the textbook variance σ²(1 + (h − 1)α²)', () => {
    const fit = fitEts(simulateSes(0.5, 200, 3), { error: 'A', trend: 'N', season: 'N', m: 1 })!;
    const f = forecastEts(fit, 5, [95], seededRandom(1), 0);
    const a = fit.params.alpha;
    const half = f.upper[0][4] - f.mean[4];
    expect(half).toBeCloseTo(1.959964 * Math.sqrt(fit.sigma2 * (1 + 4 * a * a)), 6);
  });

  it.each<[string, EtsSpec]>([
    ['class 1', { error: 'A', trend: 'Ad', season: 'A', m: 12 }],
    ['class 2', { error: 'M', trend: 'A', season: 'A', m: 12 }],
    ['class 3', { error: 'M', trend: 'A', season: 'M', m: 12 }],
  ])('%s: analytic intervals agree with 20,000 simulated paths', (_, spec) => {
    const fit = fitEts(airPassengers, spec)!;
    const analytic = forecastEts(fit, 24, [80, 95], seededRandom(1), 0, 'analytic');
    const simulated = forecastEts(fit, 24, [80, 95], seededRandom(1), 20000, 'simulated');
    for (const k of [0, 5, 11, 17, 23]) {
      const wa = analytic.upper[1][k] - analytic.lower[1][k];
      const ws = simulated.upper[1][k] - simulated.lower[1][k];
      expect(Math.abs(wa / ws - 1), `step ${k + 1}`).toBeLessThan(0.08);
    }
  });
});
