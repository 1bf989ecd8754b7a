import type { Forecast, ForecastOptions, Forecaster } from './forecast-types.ts';
import { normalIntervals } from './prediction-intervals.ts';
import { requireLength } from './series-checks.ts';

/**
 * Benchmarks every other model must beat (Hyndman & Athanasopoulos, FPP3 §5.2, §5.5): the last value, the value
 * one season ago, and the line through the first and last observations. Intervals are the textbook analytic
 * ones for random walks.
 */
function meanSquare(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v * v;
  return x.length ? s / x.length : 0;
}

function finish(model: string, mean: number[], variances: number[], residuals: number[], options: ForecastOptions, family: string): Forecast {
  return { model, family, mean, levels: options.levels, ...normalIntervals(mean, variances, options.levels), intervals: 'analytic', residuals };
}

export const naiveModel: Forecaster = {
  name: 'naive',
  minLength: () => 2,
  forecast(y, h, options) {
    requireLength(y, 2, options.seriesId, 'naive');
    const residuals = y.slice(1).map((v, i) => v - y[i]);
    const s2 = meanSquare(residuals);
    const last = y[y.length - 1];
    const mean = Array.from({ length: h }, () => last);
    return finish('Naive', mean, mean.map((_, k) => s2 * (k + 1)), residuals, options, 'naive');
  },
};

export const seasonalNaiveModel: Forecaster = {
  name: 'snaive',
  minLength: (m) => Math.max(2, m + 1),
  forecast(y, h, options) {
    const m = Math.max(1, options.frequency);
    requireLength(y, Math.max(2, m + 1), options.seriesId, 'snaive');
    const n = y.length;
    const residuals = y.slice(m).map((v, i) => v - y[i]);
    const s2 = meanSquare(residuals);
    const mean = Array.from({ length: h }, (_, k) => y[n - m + (k % m)]);
    const variances = mean.map((_, k) => s2 * (Math.floor(k / m) + 1));
    return finish(m > 1 ? `SNaive[${m}]` : 'Naive', mean, variances, residuals, options, 'snaive');
  },
};

export const driftModel: Forecaster = {
  name: 'drift',
  minLength: () => 3,
  forecast(y, h, options) {
    requireLength(y, 3, options.seriesId, 'drift');
    const n = y.length;
    const slope = (y[n - 1] - y[0]) / (n - 1);
    const residuals = y.slice(1).map((v, i) => v - y[i] - slope);
    // One degree of freedom goes to the slope.
    const s2 = (meanSquare(residuals) * residuals.length) / (residuals.length - 1);
    const mean = Array.from({ length: h }, (_, k) => y[n - 1] + slope * (k + 1));
    const variances = mean.map((_, k) => s2 * (k + 1) * (1 + (k + 1) / (n - 1)));
    return finish('Drift', mean, variances, residuals, options, 'drift');
  },
};
