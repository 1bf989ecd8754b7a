import { zForLevel } from './normal-distribution.ts';

/** Normal intervals from per-step forecast variances. Negative or non-finite variances count as zero. */
export function normalIntervals(mean: readonly number[], variances: readonly number[], levels: readonly number[]) {
  const sd = variances.map((v) => (Number.isFinite(v) && v > 0 ? Math.sqrt(v) : 0));
  const lower = levels.map((lv) => mean.map((m, k) => m - zForLevel(lv) * sd[k]));
  const upper = levels.map((lv) => mean.map((m, k) => m + zForLevel(lv) * sd[k]));
  return { lower, upper };
}

/** Sample quantile with linear interpolation (R type 7) on an already sorted array. */
export function sortedQuantile(sorted: Float64Array | readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Intervals from simulated sample paths: paths[k] holds every path's value at step k+1. Bounds never cross the
 * point forecast, so a skewed sample cannot produce an interval that excludes the forecast itself.
 */
export function simulatedIntervals(mean: readonly number[], paths: readonly Float64Array[], levels: readonly number[]) {
  const sorted = paths.map((p) => Float64Array.from(p).sort());
  const lower = levels.map((lv) => sorted.map((s, k) => Math.min(mean[k], sortedQuantile(s, 0.5 - lv / 200))));
  const upper = levels.map((lv) => sorted.map((s, k) => Math.max(mean[k], sortedQuantile(s, 0.5 + lv / 200))));
  return { lower, upper };
}
