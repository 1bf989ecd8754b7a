import { describe, it, expect } from 'vitest';
import { seededRandom } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { forecasters } from './forecast-models.ts';
import type { Forecast } from './forecast-types.ts';

/** One suite, every model: the properties any forecast the bureau sees must have. */
interface Case {
  name: string;
  frequency: number;
  values: number[];
}

function aSeries(kind: string, n: number, frequency: number): Case {
  const r = seededRandom(`suite:${kind}`);
  const make = (f: (t: number) => number) => Array.from({ length: n }, (_, t) => f(t));
  const values = {
    constant: make(() => 42),
    zero: make(() => 0),
    negative: make((t) => -500 - 3 * t + 20 * r.normal()),
    trending: make((t) => 100 + 2.5 * t + 4 * r.normal()),
    seasonal: make((t) => 200 + 1.5 * t + 40 * Math.sin((2 * Math.PI * t) / 12) + 5 * r.normal()),
    noisy: make(() => 50 + 15 * r.normal()),
  }[kind] as number[];
  return { name: kind, frequency, values };
}

const cases: Case[] = [
  aSeries('constant', 40, 12),
  aSeries('zero', 40, 12),
  aSeries('negative', 60, 12),
  aSeries('trending', 50, 1),
  aSeries('seasonal', 72, 12),
  aSeries('noisy', 80, 4),
];

const levels = [80, 95];
const h = 18;

function checkForecast(f: Forecast, frequency: number, scale: number) {
  const all = [f.mean, ...f.lower, ...f.upper].flat();
  expect(all.every(Number.isFinite), `finite values in ${f.model}`).toBe(true);
  expect(f.mean).toHaveLength(h);
  const tol = 1e-9 * Math.max(1, scale);
  for (let k = 0; k < h; k++) {
    // Ordered: lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95.
    expect(f.lower[1][k]).toBeLessThanOrEqual(f.lower[0][k] + tol);
    expect(f.lower[0][k]).toBeLessThanOrEqual(f.mean[k] + tol);
    expect(f.mean[k]).toBeLessThanOrEqual(f.upper[0][k] + tol);
    expect(f.upper[0][k]).toBeLessThanOrEqual(f.upper[1][k] + tol);
  }
  // Widening: uncertainty never shrinks with the horizon (compared within the same season, since a
  // multiplicative season legitimately narrows the interval in its low months).
  const lag = frequency > 1 ? frequency : 1;
  for (const li of [0, 1]) {
    const width = f.mean.map((_, k) => f.upper[li][k] - f.lower[li][k]);
    for (let k = lag; k < h; k++) expect(width[k], `${f.model} width at step ${k + 1}`).toBeGreaterThanOrEqual(width[k - lag] * (1 - 1e-3) - tol);
    expect(width[h - 1]).toBeGreaterThanOrEqual(width[0] - tol);
  }
}

describe.each(Object.entries(forecasters))('model %s', (name, model) => {
  it.each(cases.map((c) => [c.name, c] as const))('forecasts a %s series without NaN, with ordered, widening intervals', (_, c) => {
    const f = model.forecast(c.values, h, { frequency: c.frequency, levels, seriesId: c.name, random: seededRandom(1) });
    checkForecast(f, c.frequency, Math.max(...c.values.map(Math.abs)));
  });

  it('forecasts a series of exactly its minimum length', () => {
    const min = model.minLength(12);
    const values = aSeries('noisy', min, 12).values;
    const f = model.forecast(values, 6, { frequency: 12, levels, seriesId: 'short', random: seededRandom(2) });
    expect([f.mean, ...f.lower, ...f.upper].flat().every(Number.isFinite)).toBe(true);
  });

  it('rejects a series one shorter than its minimum, naming the series and the minimum', () => {
    const min = model.minLength(12);
    const values = aSeries('noisy', min - 1, 12).values;
    let error: unknown;
    try {
      model.forecast(values, 6, { frequency: 12, levels, seriesId: '区县-510104', random: seededRandom(3) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe('SERIES_TOO_SHORT');
    expect(e.message).toContain('区县-510104');
    expect(e.message).toContain(`at least ${min}`);
    expect(e.zh).toContain(`至少需要 ${min} 个`);
  });

  it('is reproducible for the same seed', () => {
    const c = cases[4];
    const a = model.forecast(c.values, 6, { frequency: 12, levels, seriesId: 's', random: seededRandom(9) });
    const b = model.forecast(c.values, 6, { frequency: 12, levels, seriesId: 's', random: seededRandom(9) });
    expect(a.upper).toEqual(b.upper);
  });
});
