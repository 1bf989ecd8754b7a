import { cssObjective as cssValue, kalmanLikelihood, stateForecast, type ArmaCoefficients } from './arima-likelihood.ts';
import { differencingPolynomial, minRootModulus, multiplyPolynomials, psiWeights } from './arima-polynomials.ts';
import { ArmaWorkspace } from './arma-workspace.ts';
import { nelderMead } from './nelder-mead.ts';
import { mean, scaleOf, variance } from './series-checks.ts';

/**
 * Fitting one (seasonal) ARIMA order: AR and MA blocks are optimised as tanh-transformed partial
 * autocorrelations, so every candidate is stationary and invertible; a constant (the mean, or the drift when
 * d + D = 1) is optimised beside them. CSS gives starting values, the exact likelihood the final estimates.
 */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  m: number;
  constant: boolean;
}

export interface ArimaFit {
  order: ArimaOrder;
  ar: number[];
  ma: number[];
  sar: number[];
  sma: number[];
  mean: number;
  full: ArmaCoefficients;
  /** Innovation variance, degrees-of-freedom corrected for the forecast intervals. */
  sigma2: number;
  aicc: number;
  method: 'ML' | 'CSS';
  /** One-step residuals (innovations); the first d + mD observations have none. */
  residuals: number[];
  nextState: Float64Array;
  y: readonly number[];
  label: string;
}

export function arimaLabel(o: ArimaOrder): string {
  const seasonal = o.m > 1 && o.P + o.D + o.Q > 0 ? `(${o.P},${o.D},${o.Q})[${o.m}]` : '';
  const constant = o.constant ? (o.d + o.D === 0 ? ' with non-zero mean' : ' with drift') : '';
  return `ARIMA(${o.p},${o.d},${o.q})${seasonal}${constant}`;
}

export function difference(y: readonly number[], d: number, D: number, m: number): number[] {
  const poly = differencingPolynomial(d, D, m);
  const out: number[] = [];
  for (let t = poly.length - 1; t < y.length; t++) {
    let s = 0;
    for (let i = 0; i < poly.length; i++) s += poly[i] * y[t - i];
    out.push(s);
  }
  return out;
}

export function parameterCount(o: ArimaOrder): number {
  return o.p + o.q + o.P + o.Q + (o.constant ? 1 : 0) + 1;
}

export interface ArimaCoefficientSet {
  ar: number[];
  ma: number[];
  sar: number[];
  sma: number[];
  mean: number;
}

/**
 * auto.arima rejects fits with a root of the expanded AR or MA polynomial within 1% of the unit circle: they
 * forecast erratically. The roots of φ(B)Φ(Bᵐ) are those of φ plus the m-th roots of Φ's, so each factor is
 * solved on its own (degree ≤ 5) instead of the long product.
 */
export function hasNearUnitRoot(fit: Pick<ArimaFit, 'ar' | 'ma' | 'sar' | 'sma' | 'order'>): boolean {
  const m = Math.max(1, fit.order.m);
  const smallest = Math.min(
    minRootModulus([1, ...fit.ar.map((v) => -v)]),
    minRootModulus([1, ...fit.ma]),
    minRootModulus([1, ...fit.sar.map((v) => -v)]) ** (1 / m),
    minRootModulus([1, ...fit.sma]) ** (1 / m),
  );
  return smallest < 1.01;
}

export interface FitOptions {
  method: 'CSS' | 'CSS-ML';
  warm?: ArimaCoefficientSet;
  /** Only the criterion is needed (model search): skip the filtering pass that prepares forecasts. */
  searchOnly?: boolean;
}

/**
 * State dimension up to which the exact likelihood is affordable in batch: each evaluation costs O(r²) per
 * observation until the filter reaches steady state, which seasonal MA terms delay for most of a short series.
 */
const ML_MAX_STATE = 14;
/**
 * AICc differences that matter are of order 1, and the winner is re-estimated tightly, so the search stops at
 * 1e-4 relative: on 60 synthetic monthly series this chose the same models as 1e-8 at 40% of the cost.
 */
const SEARCH_TOLERANCE = 1e-4;

export function exactLikelihoodAffordable(order: ArimaOrder): boolean {
  const arLength = order.p + order.m * order.P;
  const maLength = order.q + order.m * order.Q;
  return Math.max(arLength, maLength + 1) <= ML_MAX_STATE;
}

/**
 * CSS first (tolerance loose enough for AICc comparisons), then — for CSS-ML — exact ML started from the CSS
 * optimum with a small simplex, since the two optima are close. CSS-ML falls back to the CSS estimates when the
 * state is too large for the exact likelihood to be affordable (see ML_MAX_STATE) or the ML step fails; the
 * fit's `method` says which estimates it carries.
 */
export function fitArima(y: readonly number[], order: ArimaOrder, options: FitOptions): ArimaFit | null {
  const w = Float64Array.from(difference(y, order.d, order.D, order.m));
  const k = parameterCount(order);
  const conditioning = order.p + order.P * order.m;
  if (w.length - conditioning < k + 2) return null;
  const mu0 = mean(w);
  const muScale = Math.sqrt(variance(w) / Math.max(1, w.length)) || 1e-3 * scaleOf(y);
  const ws = new ArmaWorkspace(order, mu0, muScale);
  const floor = (1e-10 * scaleOf(y)) ** 2;
  const dims = ws.dimensions;
  const zero = new Array<number>(dims).fill(0);
  const cssObjective = (u: ArrayLike<number>) => {
    ws.load(u);
    return cssValue(w, ws.arFull, ws.arLags, ws.maFull, ws.maLags, ws.mean, floor);
  };
  const start = options.warm ? ws.encode(options.warm) : zero;
  const css = nelderMead(cssObjective, start, {
    step: options.warm ? 0.1 : 0.3,
    maxEvaluations: 60 * Math.max(1, dims),
    tolerance: options.searchOnly ? SEARCH_TOLERANCE : 1e-7,
    restarts: options.searchOnly ? 0 : 1,
  });
  let u = css.x;
  let method: ArimaFit['method'] = 'CSS';
  let aiccObjective = css.value;
  let nUsed = w.length - conditioning;
  if (options.method === 'CSS-ML' && exactLikelihoodAffordable(order)) {
    const mlObjective = (x: ArrayLike<number>) => {
      ws.load(x);
      return kalmanLikelihood(w, { ar: ws.arFull, ma: ws.maFull, mean: ws.mean }, floor).objective;
    };
    const ml = nelderMead(mlObjective, Number.isFinite(css.value) ? css.x : zero, { step: 0.1, maxEvaluations: 40 * Math.max(1, dims), tolerance: 1e-8, restarts: 1 });
    if (Number.isFinite(ml.value)) {
      u = ml.x;
      method = 'ML';
      aiccObjective = ml.value;
      nUsed = w.length;
    }
  }
  if (!Number.isFinite(aiccObjective)) return null;
  ws.load(u);
  const coefficients: ArmaCoefficients = { ar: Array.from(ws.arFull), ma: Array.from(ws.maFull), mean: ws.mean };
  const filtered = options.searchOnly ? null : kalmanLikelihood(w, coefficients, floor, true);
  if (filtered && !Number.isFinite(filtered.objective)) return null;
  const minus2LogLik = aiccObjective + nUsed * (1 + Math.log(2 * Math.PI));
  const aicc = minus2LogLik + 2 * k + (nUsed - k - 1 > 0 ? (2 * k * (k + 1)) / (nUsed - k - 1) : Infinity);
  const sigmaML = filtered ? filtered.sigma2 : Math.exp(aiccObjective / nUsed);
  const sigma2 = (sigmaML * w.length) / Math.max(1, w.length - (k - 1));
  return {
    order,
    ar: Array.from(ws.ar),
    ma: Array.from(ws.ma),
    sar: Array.from(ws.sar),
    sma: Array.from(ws.sma),
    mean: ws.mean,
    full: coefficients,
    sigma2,
    aicc,
    method,
    residuals: filtered ? filtered.innovations : [],
    nextState: filtered ? filtered.nextState : new Float64Array(0),
    y,
    label: arimaLabel(order),
  };
}

/** Point forecasts (Kalman prediction of w, then undifferenced) and ψ-weight variances of the integrated model. */
export function forecastArima(fit: ArimaFit, h: number): { mean: number[]; variances: number[] } {
  const { order } = fit;
  const wHat = stateForecast(fit.full, fit.nextState, h).map((v) => v + fit.full.mean);
  const poly = differencingPolynomial(order.d, order.D, order.m);
  const ext = fit.y.slice();
  const mean: number[] = [];
  for (let k = 0; k < h; k++) {
    let v = wHat[k];
    for (let i = 1; i < poly.length; i++) v -= poly[i] * ext[ext.length - i];
    ext.push(v);
    mean.push(v);
  }
  const arStar = multiplyPolynomials([1, ...Array.from(fit.full.ar, (v) => -v)], poly).slice(1).map((v) => -v);
  const psi = psiWeights(arStar, fit.full.ma, h);
  let acc = 0;
  const variances = psi.map((p) => (acc += p * p) * fit.sigma2);
  return { mean, variances };
}
