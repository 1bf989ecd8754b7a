import { cssLikelihood, kalmanLikelihood, stateForecast, type ArmaCoefficients } from './arima-likelihood.ts';
import { arToPacf, differencingPolynomial, expandAr, expandMa, minRootModulus, multiplyPolynomials, pacfToAr, psiWeights } from './arima-polynomials.ts';
import { minimizeFromStarts } from './nelder-mead.ts';
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

interface Decoded {
  ar: number[];
  ma: number[];
  sar: number[];
  sma: number[];
  mean: number;
}

function decoder(o: ArimaOrder, mu0: number, muScale: number) {
  return (u: readonly number[]): Decoded => {
    let i = 0;
    const block = (k: number) => u.slice(i, (i += k)).map(Math.tanh);
    const ar = pacfToAr(block(o.p));
    const sar = pacfToAr(block(o.P));
    // MA polynomials use the same map with the sign flipped: 1 + θ₁B + … is invertible exactly when the AR
    // polynomial with coefficients −θ is stationary.
    const ma = pacfToAr(block(o.q)).map((v) => -v);
    const sma = pacfToAr(block(o.Q)).map((v) => -v);
    const meanValue = o.constant ? mu0 + u[i] * muScale : 0;
    return { ar, ma, sar, sma, mean: meanValue };
  };
}

function encode(o: ArimaOrder, c: Decoded, mu0: number, muScale: number): number[] {
  const atanh = (v: number) => Math.atanh(Math.max(-0.999, Math.min(0.999, v)));
  const u = [
    ...arToPacf(c.ar).map(atanh),
    ...arToPacf(c.sar).map(atanh),
    ...arToPacf(c.ma.map((v) => -v)).map(atanh),
    ...arToPacf(c.sma.map((v) => -v)).map(atanh),
  ];
  if (o.constant) u.push((c.mean - mu0) / muScale);
  return u;
}

const full = (o: ArimaOrder, c: Decoded): ArmaCoefficients => ({
  ar: expandAr(c.ar, c.sar, o.m),
  ma: expandMa(c.ma, c.sma, o.m),
  mean: c.mean,
});

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
  warm?: Decoded;
}

export function fitArima(y: readonly number[], order: ArimaOrder, options: FitOptions): ArimaFit | null {
  const w = Float64Array.from(difference(y, order.d, order.D, order.m));
  const k = parameterCount(order);
  const conditioning = order.p + order.P * order.m;
  if (w.length - conditioning < k + 2) return null;
  const mu0 = mean(w);
  const muScale = Math.sqrt(variance(w) / Math.max(1, w.length)) || 1e-3 * scaleOf(y);
  const decode = decoder(order, mu0, muScale);
  const floor = (1e-10 * scaleOf(y)) ** 2;
  const dims = k - 1;
  const zero = new Array<number>(dims).fill(0);
  const cssObjective = (u: readonly number[]) => cssLikelihood(w, full(order, decode(u)), floor).objective;
  const start = options.warm ? encode(order, options.warm, mu0, muScale) : zero;
  const css = minimizeFromStarts(cssObjective, [start], { step: 0.3, maxEvaluations: 120 * Math.max(1, dims), tolerance: 1e-8, restarts: 1 });
  let u = css.x;
  let method: ArimaFit['method'] = 'CSS';
  let aiccObjective = css.value;
  let nUsed = w.length - conditioning;
  if (options.method === 'CSS-ML') {
    const mlObjective = (x: readonly number[]) => kalmanLikelihood(w, full(order, decode(x)), floor).objective;
    const starts = Number.isFinite(css.value) ? [css.x] : [zero];
    const ml = minimizeFromStarts(mlObjective, starts, { step: 0.15, maxEvaluations: 80 * Math.max(1, dims), tolerance: 1e-9, restarts: 1 });
    if (Number.isFinite(ml.value)) {
      u = ml.x;
      method = 'ML';
      aiccObjective = ml.value;
      nUsed = w.length;
    }
  }
  if (!Number.isFinite(aiccObjective)) return null;
  const c = decode(u);
  const coefficients = full(order, c);
  const filtered = kalmanLikelihood(w, coefficients, floor, true);
  if (!Number.isFinite(filtered.objective)) return null;
  const minus2LogLik = aiccObjective + nUsed * (1 + Math.log(2 * Math.PI));
  const aicc = minus2LogLik + 2 * k + (nUsed - k - 1 > 0 ? (2 * k * (k + 1)) / (nUsed - k - 1) : Infinity);
  const sigma2 = (filtered.sigma2 * w.length) / Math.max(1, w.length - (k - 1));
  return {
    order,
    ...c,
    full: coefficients,
    sigma2,
    aicc,
    method,
    residuals: filtered.innovations,
    nextState: filtered.nextState,
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
  const arStar = multiplyPolynomials([1, ...fit.full.ar.map((v) => -v)], poly).slice(1).map((v) => -v);
  const psi = psiWeights(arStar, fit.full.ma, h);
  let acc = 0;
  const variances = psi.map((p) => (acc += p * p) * fit.sigma2);
  return { mean, variances };
}
