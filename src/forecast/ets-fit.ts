import { etsFilter, etsLabel, etsObjective, type EtsParams, type EtsSpec, type EtsState } from './ets-core.ts';
import { logistic, logit, minimizeFromStarts } from './nelder-mead.ts';
import { decompose } from './seasonal-decomposition.ts';
import { mean, scaleOf, variance } from './series-checks.ts';

/**
 * Maximum-likelihood fitting of one ETS model. Smoothing parameters live in the "usual" region
 * (0 < α < 1, 0 < β < α, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98), enforced by reparametrisation so the optimiser never
 * leaves it. The initial level and trend are optimised with the smoothing parameters; the m − 1 initial
 * seasonal states come from a classical decomposition of the first cycles and stay fixed. That is a deliberate
 * departure from forecast::ets (which optimises them too): it keeps the search at ≤ 6 dimensions, which is
 * what lets a thousand series fit in seconds, and costs little once a few cycles have been filtered. They are
 * still counted as estimated parameters in the AICc.
 */
export interface EtsFit {
  spec: EtsSpec;
  params: EtsParams;
  state: EtsState;
  /** Residual variance on the error scale, degrees-of-freedom corrected. */
  sigma2: number;
  aicc: number;
  loglik: number;
  /** One-step residuals on the data scale. */
  residuals: number[];
  label: string;
}

const ALPHA_LO = 1e-4;
const ALPHA_HI = 0.9999;
const PHI_LO = 0.8;
const PHI_HI = 0.98;

/** Free parameters including the fixed-but-estimated seasonal states and σ². */
export function parameterCount(spec: EtsSpec): number {
  let k = 2; // alpha, l0
  if (spec.trend !== 'N') k += 2;
  if (spec.trend === 'Ad') k += 1;
  if (spec.season !== 'N') k += spec.m; // gamma + (m − 1) states
  return k + 1;
}

/** Smallest series an ETS spec can be fitted to with at least a few residual degrees of freedom. */
export function minimumLength(spec: EtsSpec): number {
  const k = parameterCount(spec);
  const base = k + 2;
  return spec.season === 'N' ? base : Math.max(base, 2 * spec.m + 2);
}

interface Initial {
  l0: number;
  b0: number;
  s0: Float64Array;
}

export function initialStates(y: readonly number[], spec: EtsSpec): Initial {
  const m = spec.m;
  let s0 = new Float64Array(Math.max(1, m)).fill(spec.season === 'M' ? 1 : 0);
  let adjusted = y.slice();
  if (spec.season !== 'N') {
    const span = y.slice(0, Math.min(y.length, Math.max(3 * m, 2 * m + 2)));
    const d = decompose(span, m, spec.season === 'A' ? 'additive' : 'multiplicative');
    s0 = Float64Array.from(d.indices);
    adjusted = y.map((v, t) => (spec.season === 'A' ? v - s0[t % m] : v / s0[t % m]));
  }
  const k = Math.min(adjusted.length, Math.max(10, 2 * m));
  const head = adjusted.slice(0, k);
  if (spec.trend === 'N') return { l0: mean(head), b0: 0, s0 };
  // Least-squares line through the head, placed at time 0 (one step before the first observation).
  const tm = (k + 1) / 2;
  const ym = mean(head);
  let sxy = 0;
  let sxx = 0;
  head.forEach((v, i) => {
    sxy += (i + 1 - tm) * (v - ym);
    sxx += (i + 1 - tm) ** 2;
  });
  const b0 = sxx > 0 ? sxy / sxx : 0;
  const l0 = ym - b0 * tm;
  // A multiplicative model cannot start from a non-positive level.
  return { l0: spec.season === 'M' || spec.error === 'M' ? Math.max(l0, 1e-3 * Math.abs(ym) || 1e-6) : l0, b0, s0 };
}

interface Layout {
  decode(u: ArrayLike<number>): EtsParams;
  starts: number[][];
  steps: number[];
}

function layoutFor(y: readonly number[], spec: EtsSpec, init: Initial, warm?: EtsParams): Layout {
  const diffs = y.slice(1).map((v, i) => v - y[i]);
  const sl = Math.sqrt(variance(diffs)) || 1e-3 * scaleOf(y);
  const sb = sl / 4;
  const hasB = spec.trend !== 'N';
  const hasG = spec.season !== 'N';
  const hasP = spec.trend === 'Ad';
  const decode = (u: ArrayLike<number>): EtsParams => {
    let i = 0;
    const alpha = logistic(u[i++], ALPHA_LO, ALPHA_HI);
    const beta = hasB ? alpha * logistic(u[i++], 1e-4, 0.9999) : 0;
    const gamma = hasG ? (1 - alpha) * logistic(u[i++], 1e-4, 0.9999) : 0;
    const phi = hasP ? logistic(u[i++], PHI_LO, PHI_HI) : 1;
    const l0 = init.l0 + u[i++] * sl;
    const b0 = hasB ? init.b0 + u[i++] * sb : 0;
    return { alpha, beta, gamma, phi, l0, b0, s0: init.s0 };
  };
  const encode = (a: number, bf: number, gf: number, phi: number, l0: number, b0: number): number[] => {
    const u = [logit(a, ALPHA_LO, ALPHA_HI)];
    if (hasB) u.push(logit(bf, 1e-4, 0.9999));
    if (hasG) u.push(logit(gf, 1e-4, 0.9999));
    if (hasP) u.push(logit(phi, PHI_LO, PHI_HI));
    u.push((l0 - init.l0) / sl);
    if (hasB) u.push((b0 - init.b0) / sb);
    return u;
  };
  const starts = warm
    ? [encode(warm.alpha, warm.beta / warm.alpha, hasG ? warm.gamma / (1 - warm.alpha) : 0.05, warm.phi, warm.l0, warm.b0)]
    : [
        encode(0.1, 0.1, 0.05, 0.95, init.l0, init.b0),
        encode(0.3, 0.2, 0.1, 0.9, init.l0, init.b0),
        encode(0.5, 0.1, 0.3, 0.95, init.l0, init.b0),
        encode(0.8, 0.05, 0.5, 0.85, init.l0, init.b0),
        encode(0.98, 0.01, 0.01, 0.98, init.l0, init.b0),
      ];
  const steps = starts[0].map((_, i) => (i < starts[0].length - (hasB ? 2 : 1) ? 1 : 0.5));
  return { decode, starts, steps };
}

/**
 * Fits one spec by maximum likelihood; null when the model is inadmissible for the data. `search` stops early
 * (relative tolerance 1e-4, no restart): enough to rank specs by AICc, after which the winner is refined.
 */
export function fitEts(y: readonly number[], spec: EtsSpec, warm?: EtsParams, search = false): EtsFit | null {
  const n = y.length;
  const k = parameterCount(spec);
  if (n < minimumLength(spec)) return null;
  const init = initialStates(y, spec);
  const layout = layoutFor(y, spec, init, warm);
  const scale = scaleOf(y);
  const floor = spec.error === 'M' ? 1e-20 : (1e-10 * scale) ** 2;
  const objective = (u: ArrayLike<number>) => etsObjective(y, spec, layout.decode(u), floor);
  // Several starts are screened by their objective and the simplex runs from the best: the smoothing
  // likelihood is often multimodal (α near 0 versus near 1), and screening is far cheaper than full runs.
  const screened = layout.starts.map((u) => ({ u, v: objective(u) })).sort((a, b) => a.v - b.v);
  const budget = warm ? 30 * layout.steps.length : 50 * layout.steps.length;
  const best = minimizeFromStarts(objective, [screened[0].u], {
    step: warm ? layout.steps.map((s) => s / 4) : layout.steps,
    maxEvaluations: budget,
    tolerance: search ? 1e-4 : 1e-7,
    restarts: search ? 0 : 1,
  });
  if (!Number.isFinite(best.value)) return null;
  const params = layout.decode(best.x);
  const residuals: number[] = [];
  const run = etsFilter(y, spec, params, floor, residuals);
  const loglik = -0.5 * (run.objective + n * (1 + Math.log(2 * Math.PI)));
  const aicc = -2 * loglik + 2 * k + (n - k - 1 > 0 ? (2 * k * (k + 1)) / (n - k - 1) : Infinity);
  const sigma2 = Math.max(run.sse, floor * n) / Math.max(1, n - k);
  return { spec, params, state: run.state, sigma2, aicc, loglik, residuals, label: etsLabel(spec) };
}

/** The admissible ETS models for the data (forecast::ets with its default restrictions). */
export function candidateSpecs(y: readonly number[], m: number): EtsSpec[] {
  const positive = y.every((v) => v > 0);
  const seasons: EtsSpec['season'][] = m > 1 ? ['N', 'A', 'M'] : ['N'];
  const specs: EtsSpec[] = [];
  for (const error of ['A', 'M'] as const) {
    if (error === 'M' && !positive) continue;
    for (const trend of ['N', 'A', 'Ad'] as const) {
      for (const season of seasons) {
        if (season === 'M' && (!positive || error === 'A')) continue;
        const spec: EtsSpec = { error, trend, season, m: season === 'N' ? 1 : m };
        if (y.length >= minimumLength(spec)) specs.push(spec);
      }
    }
  }
  return specs;
}

/** Fits every admissible spec (search precision), keeps the lowest AICc and refines it. */
export function selectEts(y: readonly number[], m: number): EtsFit | null {
  let best: EtsFit | null = null;
  for (const spec of candidateSpecs(y, m)) {
    const fit = fitEts(y, spec, undefined, true);
    if (fit && (!best || fit.aicc < best.aicc)) best = fit;
  }
  if (!best) return null;
  const refined = fitEts(y, best.spec, best.params);
  return refined && refined.aicc <= best.aicc ? refined : best;
}
