import { mean } from './series-checks.ts';

/** Means and centred sums of squares and cross-products of two equally long series. */
export interface PairedMoments {
  meanX: number;
  meanY: number;
  sxx: number;
  syy: number;
  sxy: number;
}

/** The shared core of a least-squares line and a correlation coefficient; `x` and `y` must be equally long. */
export function pairedMoments(x: readonly number[], y: readonly number[]): PairedMoments {
  const meanX = mean(x);
  const meanY = mean(y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { meanX, meanY, sxx, syy, sxy };
}
