import { mean, variance } from './series-checks.ts';

/**
 * Classical decomposition by a centred moving average (2×m for even m): the textbook method, chosen over STL
 * because it is short, deterministic and good enough for what it serves here — deseasonalising for Theta,
 * initial seasonal states for ETS and the seasonal-strength test that picks seasonal differencing for ARIMA.
 */
export interface Decomposition {
  /** Seasonal index by position `t mod m` (sums to 0 additive, averages 1 multiplicative). */
  indices: number[];
  trend: number[];
  remainder: number[];
}

export function centredMovingAverage(y: readonly number[], m: number): number[] {
  const n = y.length;
  const out = new Array<number>(n).fill(NaN);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 1) {
      for (let j = -half; j <= half; j++) s += y[t + j];
      out[t] = s / m;
    } else {
      for (let j = -half + 1; j <= half - 1; j++) s += y[t + j];
      s += 0.5 * (y[t - half] + y[t + half]);
      out[t] = s / m;
    }
  }
  return out;
}

/** Needs at least two full cycles; `multiplicative` needs strictly positive data. */
export function decompose(y: readonly number[], m: number, type: 'additive' | 'multiplicative'): Decomposition {
  const trend = centredMovingAverage(y, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  y.forEach((v, t) => {
    if (Number.isNaN(trend[t])) return;
    const d = type === 'additive' ? v - trend[t] : v / trend[t];
    if (!Number.isFinite(d)) return;
    sums[t % m] += d;
    counts[t % m]++;
  });
  const raw = sums.map((s, i) => (counts[i] ? s / counts[i] : type === 'additive' ? 0 : 1));
  const centre = mean(raw);
  const indices = raw.map((v) => (type === 'additive' ? v - centre : centre !== 0 ? v / centre : 1));
  const remainder = y.map((v, t) => {
    if (Number.isNaN(trend[t])) return NaN;
    return type === 'additive' ? v - trend[t] - indices[t % m] : v / (trend[t] * indices[t % m]);
  });
  return { indices, trend, remainder };
}

/**
 * Wang, Smith & Hyndman (2006) seasonal strength F_s = max(0, 1 − Var(R)/Var(S+R)) on an additive
 * decomposition; 0 without enough data. Hyndman & Khandakar difference seasonally when F_s > 0.64.
 */
export function seasonalStrength(y: readonly number[], m: number): number {
  if (m <= 1 || y.length < 2 * m + 1) return 0;
  const d = decompose(y, m, 'additive');
  const r: number[] = [];
  const sr: number[] = [];
  d.remainder.forEach((v, t) => {
    if (Number.isNaN(v)) return;
    r.push(v);
    sr.push(v + d.indices[t % m]);
  });
  const vsr = variance(sr);
  if (!(vsr > 0)) return 0;
  return Math.max(0, 1 - variance(r) / vsr);
}

export function autocorrelations(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  const mu = mean(y);
  let c0 = 0;
  for (const v of y) c0 += (v - mu) * (v - mu);
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += (y[t] - mu) * (y[t - k] - mu);
    out.push(c0 > 0 ? c / c0 : 0);
  }
  return out;
}

/**
 * The seasonality test of the Theta method's M3 implementation: the lag-m autocorrelation against its
 * Bartlett standard error at the 90% level (one-sided z = 1.645).
 */
export function isSeasonal(y: readonly number[], m: number): boolean {
  if (m <= 1 || y.length <= 2 * m) return false;
  const r = autocorrelations(y, m);
  let s = 1;
  for (let i = 0; i < m - 1; i++) s += 2 * r[i] * r[i];
  return Math.abs(r[m - 1]) / Math.sqrt(s / y.length) > 1.6448536269514722;
}
