import { psiWeights } from './arima-polynomials.ts';

/**
 * Likelihoods of a stationary ARMA model for the differenced series w, with the full (seasonally expanded)
 * coefficient vectors. Two flavours, as in R's arima(method = "CSS-ML"): the conditional sum of squares, cheap
 * and used for the stepwise search; and the exact Gaussian likelihood by the Kalman filter, used for the final
 * estimates. σ² is concentrated out of both. These are the innermost loops of every ARIMA fit, so they reuse
 * module-level scratch buffers instead of allocating typed arrays per call (single-threaded JS makes that safe).
 */
export interface ArmaCoefficients {
  ar: ArrayLike<number>;
  ma: ArrayLike<number>;
  mean: number;
}

export interface LikelihoodResult {
  /** −2 log L without the constant n(1 + log 2π); Infinity when not computable. */
  objective: number;
  sigma2: number;
  nUsed: number;
}

const scratch = new Map<string, Float64Array>();
/** A zero-filled reusable buffer per purpose; typed-array allocation costs more than a short filter pass. */
function buffer(name: string, n: number): Float64Array {
  let b = scratch.get(name);
  if (!b || b.length < n) {
    b = new Float64Array(Math.max(64, 2 * n));
    scratch.set(name, b);
  }
  b.fill(0, 0, n);
  return b;
}

/**
 * Conditional sum of squares as −2 log L up to a constant (n·log σ̂²), conditioning on the first `ncond` values
 * and zero pre-sample errors; Infinity when not computable. Only the structurally non-zero lags are visited (a
 * seasonal model has a handful out of dozens), and it returns a bare number: it runs thousands of times per fit.
 */
export function cssObjective(
  w: Float64Array,
  ar: Float64Array,
  arLags: Int32Array,
  ma: Float64Array,
  maLags: Int32Array,
  mu: number,
  floor: number,
): number {
  const n = w.length;
  const ncond = ar.length;
  const e = buffer('css', n);
  const na = arLags.length;
  const nm = maLags.length;
  let sse = 0;
  for (let t = ncond; t < n; t++) {
    let v = w[t] - mu;
    for (let k = 0; k < na; k++) {
      const lag = arLags[k];
      v -= ar[lag - 1] * (w[t - lag] - mu);
    }
    for (let k = 0; k < nm; k++) {
      const lag = maLags[k];
      if (t - lag >= ncond) v -= ma[lag - 1] * e[t - lag];
    }
    e[t] = v;
    sse += v * v;
  }
  const nUsed = n - ncond;
  if (nUsed <= 0) return Infinity;
  const objective = nUsed * Math.log(Math.max(sse, floor * nUsed) / nUsed);
  return Number.isFinite(objective) ? objective : Infinity;
}

/** Solves A x = b in place by Gaussian elimination with partial pivoting; null when singular. */
function solve(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    if (Math.abs(A[piv][c]) < 1e-14) return null;
    [A[c], A[piv]] = [A[piv], A[c]];
    [b[c], b[piv]] = [b[piv], b[c]];
    for (let r = c + 1; r < n; r++) {
      const f = A[r][c] / A[c][c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) A[r][k] -= f * A[c][k];
      b[r] -= f * b[c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < n; k++) s -= A[r][k] * x[k];
    x[r] = s / A[r][r];
  }
  return x;
}

/**
 * Autocovariances γ(0 … lags−1) of a unit-variance ARMA process (Brockwell & Davis, §3.3, method 2):
 * a (p+1)-sized linear system for γ(0 … p), then the AR recursion.
 */
export function armaAutocovariances(ar: ArrayLike<number>, ma: ArrayLike<number>, psi: readonly number[], lags: number): number[] | null {
  const p = ar.length;
  const q = ma.length;
  const theta = [1, ...Array.from(ma)];
  const rhs = (k: number) => {
    let s = 0;
    for (let j = k; j <= q; j++) s += theta[j] * psi[j - k];
    return s;
  };
  const A: number[][] = [];
  const b: number[] = [];
  for (let k = 0; k <= p; k++) {
    const row = new Array<number>(p + 1).fill(0);
    row[k] += 1;
    for (let i = 1; i <= p; i++) row[Math.abs(k - i)] -= ar[i - 1];
    A.push(row);
    b.push(rhs(k));
  }
  const head = solve(A, b);
  if (!head) return null;
  const gamma = head.slice(0, Math.min(head.length, lags));
  for (let k = gamma.length; k < lags; k++) {
    let s = rhs(k);
    for (let i = 1; i <= p; i++) s += ar[i - 1] * (k - i >= 0 ? gamma[k - i] : head[i - k]);
    gamma.push(s);
  }
  return gamma;
}

export interface KalmanResult extends LikelihoodResult {
  /** One-step innovations w_t − E[w_t | past], the model's residuals on the differenced scale. */
  innovations: number[];
  /** Predicted state for time n: (E w_n, E w_{n+1}, …) given data to n − 1, minus the mean. */
  nextState: Float64Array;
}

/**
 * Exact Gaussian likelihood on Akaike's predictive state (w_t, ŵ_{t+1|t}, …, ŵ_{t+r−1|t}), r = max(p, q+1).
 * Its initial covariance has the closed form γ(|i−j|) − Σ_{k<min(i,j)} ψ_k ψ_{k+|i−j|}, so no Lyapunov equation
 * is solved; the filter switches to fixed-gain recursions once the covariance reaches its steady state.
 */
export function kalmanLikelihood(w: Float64Array, c: ArmaCoefficients, floor: number, keepInnovations = false): KalmanResult {
  const p = c.ar.length;
  const q = c.ma.length;
  const r = Math.max(p, q + 1);
  const n = w.length;
  const innovations: number[] = [];
  const fail = (): KalmanResult => ({ objective: Infinity, sigma2: NaN, nUsed: n, innovations, nextState: new Float64Array(r) });
  const psi = psiWeights(c.ar, c.ma, r);
  const gamma = armaAutocovariances(c.ar, c.ma, psi, r);
  if (!gamma || !(gamma[0] > 0)) return fail();
  // Last row of the transition: ŵ_{t+r|t} = Σ_k φ_k · state[r−k], stored by state index.
  const lastRow = buffer('lastRow', r);
  for (let k = 1; k <= p; k++) lastRow[r - k] = c.ar[k - 1];
  const P = buffer('P', r * r);
  for (let lag = 0; lag < r; lag++) {
    let acc = 0;
    for (let i = 0; i + lag < r; i++) {
      // i = min(row, col); acc = Σ_{k<i} ψ_k ψ_{k+lag}
      const v = gamma[lag] - acc;
      P[i * r + i + lag] = v;
      P[(i + lag) * r + i] = v;
      acc += psi[i] * psi[i + lag];
    }
  }
  const a = buffer('a', r);
  const K = buffer('K', r);
  const row0 = buffer('row0', r);
  const v = buffer('v', r);
  const lastIdx: number[] = [];
  const lastVal: number[] = [];
  for (let j = 0; j < r; j++) if (lastRow[j] !== 0) lastIdx.push(j), lastVal.push(lastRow[j]);
  const nnz = lastIdx.length;
  let sumLogF = 0;
  let sumSq = 0;
  let steady = false;
  let steadySteps = 0;
  let F = 1;
  for (let t = 0; t < n; t++) {
    if (!steady) F = P[0];
    if (!(F > 0)) return fail();
    const e = w[t] - c.mean - a[0];
    if (keepInnovations) innovations.push(e);
    if (steady) steadySteps++;
    else sumLogF += Math.log(F);
    sumSq += (e * e) / F;
    if (!steady) for (let i = 0; i < r; i++) K[i] = P[i * r] / F;
    for (let i = 0; i < r; i++) a[i] += K[i] * e;
    let last = 0;
    for (let k = 0; k < nnz; k++) last += lastVal[k] * a[lastIdx[k]];
    for (let i = 0; i < r - 1; i++) a[i] = a[i + 1];
    a[r - 1] = last;
    if (steady) continue;
    // Measurement update Pu = P − K·row0 fused with the time update P ← T Pu Tᵀ + ψψᵀ. T shifts the state up
    // and puts the (sparse, for seasonal models) AR combination in the last row, so the update is a shifted
    // copy plus one sparse row and column: O(r²) with a small constant instead of two dense products.
    for (let j = 0; j < r; j++) row0[j] = P[j];
    let rowLast = 0;
    for (let k = 0; k < nnz; k++) rowLast += lastVal[k] * row0[lastIdx[k]];
    for (let i = 0; i < r; i++) {
      let s = 0;
      for (let k = 0; k < nnz; k++) s += lastVal[k] * P[i * r + lastIdx[k]];
      v[i] = s - K[i] * rowLast;
    }
    let corner = 0;
    for (let k = 0; k < nnz; k++) corner += lastVal[k] * v[lastIdx[k]];
    let change = 0;
    for (let i = 0; i < r - 1; i++) {
      const below = (i + 1) * r;
      const ki = K[i + 1];
      const old = P[i * r];
      for (let j = 0; j < r - 1; j++) P[i * r + j] = P[below + j + 1] - ki * row0[j + 1] + psi[i] * psi[j];
      P[i * r + r - 1] = v[i + 1] + psi[i] * psi[r - 1];
      change = Math.max(change, Math.abs(P[i * r] - old));
    }
    const oldLast = P[(r - 1) * r];
    for (let j = 0; j < r - 1; j++) P[(r - 1) * r + j] = P[j * r + r - 1];
    P[(r - 1) * r + r - 1] = corner + psi[r - 1] * psi[r - 1];
    change = Math.max(change, Math.abs(P[(r - 1) * r] - oldLast));
    // Freezing the gain once it moves less than 1e-9 (relative) changes the likelihood far below the
    // optimiser's tolerance and saves the O(r²) covariance update for the rest of the series.
    if (change < 1e-9 * P[0] && t > r) {
      steady = true;
      F = P[0];
      for (let i = 0; i < r; i++) K[i] = P[i * r] / F;
    }
  }
  sumLogF += steadySteps * Math.log(F);
  const sigma2 = Math.max(sumSq, floor * n) / n;
  const objective = n * Math.log(sigma2) + sumLogF;
  const nextState = keepInnovations ? a.slice(0, r) : a;
  return { objective: Number.isFinite(objective) ? objective : Infinity, sigma2, nUsed: n, innovations, nextState };
}

/** Forecasts of w − mean from the predicted state: the state holds ŵ_{n}, …, ŵ_{n+r−1}; beyond, the AR recursion. */
export function stateForecast(c: ArmaCoefficients, state: Float64Array, h: number): number[] {
  const out = Array.from(state);
  const p = c.ar.length;
  for (let k = out.length; k < h; k++) {
    let s = 0;
    for (let i = 1; i <= p; i++) s += c.ar[i - 1] * out[k - i];
    out.push(s);
  }
  return out.slice(0, h);
}
