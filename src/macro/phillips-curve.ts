import { pairedMoments } from '../forecast/paired-moments.ts';
import { align, type MonthlyPoint } from './monthly-series.ts';

/**
 * The Phillips-curve view: monthly pairs (unemployment rate, y/y inflation), the least-squares line of inflation
 * on unemployment over all months and over rolling windows. A negative slope is the classic trade-off; a slope
 * near zero (a "flat" curve) means unemployment says little about inflation in that era.
 */
export interface LineFit {
  slope: number;
  intercept: number;
  r2: number;
  n: number;
}

export interface RollingFit extends LineFit {
  from: string;
  to: string;
}

export interface PhillipsView {
  points: { period: string; unemployment: number; inflation: number }[];
  fit: LineFit | null;
  rolling: RollingFit[];
}

export function fitLine(x: readonly number[], y: readonly number[]): LineFit | null {
  const n = x.length;
  if (n < 3) return null;
  const { meanX: mx, meanY: my, sxx, syy, sxy } = pairedMoments(x, y);
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : 0, n };
}

export function phillipsView(unemployment: readonly MonthlyPoint[], inflation: readonly MonthlyPoint[], window = 120, step = 12): PhillipsView {
  const pairs = align(unemployment, inflation);
  const points = pairs.map((p) => ({ period: p.period, unemployment: p.a, inflation: p.b }));
  const rolling: RollingFit[] = [];
  for (let end = pairs.length; end - window >= 0; end -= step) {
    const slice = pairs.slice(end - window, end);
    const fit = fitLine(slice.map((p) => p.a), slice.map((p) => p.b));
    if (fit) rolling.push({ ...fit, from: slice[0].period, to: slice[slice.length - 1].period });
  }
  rolling.reverse();
  return { points, fit: fitLine(pairs.map((p) => p.a), pairs.map((p) => p.b)), rolling };
}
