/**
 * The ETS state-space recursions (Hyndman, Koehler, Ord & Snyder 2008, "Forecasting with Exponential
 * Smoothing", tables 2.2/2.3) in their error-correction form, which is identical for additive and
 * multiplicative errors; only the likelihood differs. Multiplicative trend is left out, as forecast::ets does
 * by default, because its forecasts explode too easily to be useful for a bureau.
 */
export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  /** Season length; 1 when season is 'N'. */
  m: number;
}

export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  l0: number;
  b0: number;
  /** Initial seasonal state by position t mod m. */
  s0: Float64Array;
}

export interface EtsState {
  l: number;
  b: number;
  /** Seasonal state by position t mod m. */
  s: Float64Array;
  /** Number of observations consumed, so forecasts know the position of the next season. */
  t: number;
}

export interface EtsFilterResult {
  /** Minus twice the log likelihood, up to the constant n(1 + log 2π). Infinity when inadmissible. */
  objective: number;
  /** Sum of squared errors on the model's error scale. */
  sse: number;
  state: EtsState;
}

export function etsLabel(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

export function dampedSum(phi: number, k: number, trend: TrendType): number {
  if (trend === 'N') return 0;
  if (trend === 'A') return k;
  let s = 0;
  let p = 1;
  for (let j = 1; j <= k; j++) {
    p *= phi;
    s += p;
  }
  return s;
}

let scratch = new Float64Array(64);
/** Reused seasonal buffer: allocating a typed array per likelihood evaluation costs more than the filter. */
function seasonBuffer(m: number): Float64Array {
  if (scratch.length < m) scratch = new Float64Array(2 * m);
  return scratch;
}

const TREND_NONE = 0;
const SEASON_NONE = 0;
const SEASON_ADD = 1;
const SEASON_MUL = 2;

/**
 * Runs the recursions over y. `residuals`, when given, receives the one-step errors on the data scale.
 * `floor` keeps the SSE of a perfectly fitted (e.g. constant) series away from log(0). This is the innermost
 * loop of every ETS fit, so it avoids allocation and string tests per step.
 */
export function etsFilter(y: readonly number[], spec: EtsSpec, p: EtsParams, floor: number, residuals?: number[]): EtsFilterResult {
  const state: EtsState = { l: 0, b: 0, s: new Float64Array(0), t: 0 };
  const box = { sse: 0 };
  const objective = runFilter(y, spec, p, floor, residuals ?? null, state, box);
  return { objective, sse: box.sse, state };
}

/** The likelihood objective alone: what the optimiser calls thousands of times, so it allocates nothing. */
export function etsObjective(y: readonly number[], spec: EtsSpec, p: EtsParams, floor: number): number {
  return runFilter(y, spec, p, floor, null, null, null);
}

function runFilter(
  y: readonly number[],
  spec: EtsSpec,
  p: EtsParams,
  floor: number,
  residuals: number[] | null,
  stateOut: EtsState | null,
  sseOut: { sse: number } | null,
): number {
  const alpha = p.alpha;
  const betaRatio = p.beta / p.alpha;
  const gamma = p.gamma;
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const trendKind = spec.trend === 'N' ? TREND_NONE : 1;
  const seasonKind = spec.season === 'N' ? SEASON_NONE : spec.season === 'A' ? SEASON_ADD : SEASON_MUL;
  const multiplicativeError = spec.error === 'M';
  const mustBePositive = multiplicativeError || seasonKind === SEASON_MUL;
  const m = spec.m;
  const s = seasonBuffer(m);
  s.set(p.s0.subarray(0, m));
  let l = p.l0;
  let b = trendKind === TREND_NONE ? 0 : p.b0;
  let sse = 0;
  let logMu = 0;
  let muProduct = 1;
  const n = y.length;
  let pos = 0;
  for (let t = 0; t < n; t++) {
    const sOld = seasonKind === SEASON_NONE ? 0 : s[pos];
    const q = l + phi * b;
    const mu = seasonKind === SEASON_ADD ? q + sOld : seasonKind === SEASON_MUL ? q * sOld : q;
    if (mustBePositive && (!(mu > 0) || !(q > 0))) {
      if (stateOut) Object.assign(stateOut, { l, b, s: s.slice(0, m), t });
      if (sseOut) sseOut.sse = Infinity;
      return Infinity;
    }
    const yt = y[t];
    const e = yt - mu;
    if (residuals !== null) residuals.push(e);
    if (multiplicativeError) {
      const r = e / mu;
      sse += r * r;
      // One logarithm per batch instead of per step; the product is renormalised before it can overflow.
      muProduct *= mu;
      if (muProduct > 1e150 || muProduct < 1e-150) {
        logMu += Math.log(muProduct);
        muProduct = 1;
      }
    } else sse += e * e;
    const pAdj = seasonKind === SEASON_ADD ? yt - sOld : seasonKind === SEASON_MUL ? yt / sOld : yt;
    const lNew = q + alpha * (pAdj - q);
    if (trendKind !== TREND_NONE) b = phi * b + betaRatio * (lNew - q);
    if (seasonKind === SEASON_ADD) s[pos] = sOld + gamma * (yt - q - sOld);
    else if (seasonKind === SEASON_MUL) s[pos] = sOld + gamma * (yt / q - sOld);
    l = lNew;
    if (++pos === m) pos = 0;
  }
  if (multiplicativeError) logMu += Math.log(muProduct);
  const sseFloored = Math.max(sse, floor * n);
  const objective = n * Math.log(sseFloored / n) + 2 * logMu;
  // The state is copied out of the shared buffer only when someone will keep it.
  if (stateOut) Object.assign(stateOut, { l, b, s: s.slice(0, m), t: n });
  if (sseOut) sseOut.sse = sse;
  return Number.isFinite(objective) ? objective : Infinity;
}

/** Point forecasts from a final state (the conditional mean for the linear classes). */
export function etsPointForecast(spec: EtsSpec, p: EtsParams, state: EtsState, h: number): number[] {
  const out: number[] = [];
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  for (let k = 1; k <= h; k++) {
    const q = state.l + dampedSum(phi, k, spec.trend) * state.b;
    const sv = spec.season === 'N' ? 0 : state.s[(state.t + k - 1) % spec.m];
    out.push(spec.season === 'A' ? q + sv : spec.season === 'M' ? q * sv : q);
  }
  return out;
}
