import { describe, it, expect } from 'vitest';
import { seededRandom } from '../platform/clock.ts';
import { airPassengers } from './air-passengers.fixture.ts';
import { fitArima, forecastArima } from './arima-fit.ts';
import { autoArima } from './auto-arima.ts';
import { kpssStatistic, ordinaryDifferences, seasonalDifferences } from './unit-root-tests.ts';

const logAir = airPassengers.map(Math.log);
const airline = { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, m: 12, constant: false };

describe('ARIMA', () => {
  it('reproduces R arima() for the airline model on log passengers', () => {
    // R 4.x: arima(log(AirPassengers), c(0,1,1), seasonal = c(0,1,1)) gives ma1 = −0.4018, sma1 = −0.5569,
    // log-likelihood 244.7, AICc −483.2; the forecast for January 1961 is exp(6.110) = 450.4.
    const fit = fitArima(logAir, airline, { method: 'CSS-ML' })!;
    expect(fit.method).toBe('ML');
    expect(fit.ma[0]).toBeCloseTo(-0.4018, 3);
    expect(fit.sma[0]).toBeCloseTo(-0.5569, 3);
    expect(fit.aicc).toBeCloseTo(-483.2, 1);
    const f = forecastArima(fit, 12);
    expect(Math.exp(f.mean[0])).toBeCloseTo(450.4, 0);
  });

  it('finds the airline model automatically on log passengers', () => {
    expect(autoArima(logAir, 12)?.label).toBe('ARIMA(0,1,1)(0,1,1)[12]');
  });

  it('gives a random walk the variance hσ²', () => {
    const r = seededRandom(5);
    let v = 0;
    const y = Array.from({ length: 300 }, () => (v += r.normal()));
    const fit = fitArima(y, { p: 0, d: 1, q: 0, P: 0, D: 0, Q: 0, m: 1, constant: false }, { method: 'CSS-ML' })!;
    const f = forecastArima(fit, 4);
    expect(f.mean.every((m) => m === y[y.length - 1])).toBe(true);
    expect(f.variances[3] / f.variances[0]).toBeCloseTo(4, 10);
  });

  it('chooses differences by KPSS and seasonal strength', () => {
    const r = seededRandom(8);
    const noise = Array.from({ length: 200 }, () => r.normal());
    let v = 0;
    const walk = noise.map((e) => (v += e));
    expect(kpssStatistic(noise)).toBeLessThan(0.463);
    expect(ordinaryDifferences(noise)).toBe(0);
    expect(ordinaryDifferences(walk)).toBe(1);
    expect(seasonalDifferences(airPassengers, 12)).toBe(1);
    expect(seasonalDifferences(noise, 12)).toBe(0);
  });

  it('estimates a simulated AR(2) with a mean', () => {
    const r = seededRandom(21);
    const y = [10, 10];
    for (let t = 2; t < 800; t++) y.push(10 + 0.6 * (y[t - 1] - 10) - 0.3 * (y[t - 2] - 10) + r.normal());
    const fit = fitArima(y, { p: 2, d: 0, q: 0, P: 0, D: 0, Q: 0, m: 1, constant: true }, { method: 'CSS-ML' })!;
    expect(fit.ar[0]).toBeCloseTo(0.6, 1);
    expect(fit.ar[1]).toBeCloseTo(-0.3, 1);
    expect(fit.mean).toBeCloseTo(10, 0);
  });
});
