import { difference } from './arima-fit.ts';
import { isConstant, mean } from './series-checks.ts';
import { seasonalStrength } from './seasonal-decomposition.ts';

/**
 * How many differences ARIMA needs (Hyndman & Khandakar 2008): seasonal differencing when the seasonal strength
 * exceeds 0.64, then ordinary differences while the KPSS test rejects level stationarity at 5%.
 */
export function kpssStatistic(x: readonly number[]): number {
  const n = x.length;
  const mu = mean(x);
  const e = x.map((v) => v - mu);
  let s = 0;
  let eta = 0;
  for (const v of e) {
    s += v;
    eta += s * s;
  }
  eta /= n * n;
  // Bartlett-weighted long-run variance with forecast::ndiffs' lag choice trunc(3√n / 13).
  const lags = Math.trunc((3 * Math.sqrt(n)) / 13);
  let lrv = 0;
  for (const v of e) lrv += v * v;
  for (let l = 1; l <= lags; l++) {
    let c = 0;
    for (let t = l; t < n; t++) c += e[t] * e[t - l];
    lrv += 2 * (1 - l / (lags + 1)) * c;
  }
  lrv /= n;
  return lrv > 0 ? eta / lrv : 0;
}

/** 5% critical value of the KPSS level-stationarity test (Kwiatkowski et al. 1992, table 1). */
export const KPSS_CRITICAL_5 = 0.463;

export function ordinaryDifferences(x: readonly number[], maxD = 2): number {
  let d = 0;
  let current = x.slice();
  while (d < maxD && current.length > 4 && !isConstant(current) && kpssStatistic(current) > KPSS_CRITICAL_5) {
    current = difference(current, 1, 0, 1);
    d++;
  }
  return d;
}

export function seasonalDifferences(y: readonly number[], m: number): number {
  if (m <= 1 || y.length < 2 * m + 1 || isConstant(y)) return 0;
  return seasonalStrength(y, m) > 0.64 ? 1 : 0;
}
