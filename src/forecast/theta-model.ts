import { fitEts } from './ets-fit.ts';
import type { Forecaster } from './forecast-types.ts';
import { normalIntervals } from './prediction-intervals.ts';
import { decompose, isSeasonal } from './seasonal-decomposition.ts';
import { mean, requireLength } from './series-checks.ts';
import { notFitted } from './ets-models.ts';

/**
 * The standard Theta method (Assimakopoulos & Nikolopoulos 2000) in the form Hyndman & Billah (2003) showed it
 * to be: simple exponential smoothing plus a drift of half the slope of the linear trend,
 * ŷ_{n+h} = ℓ_n + ½ b (h − 1 + 1/α − (1 − α)ⁿ/α). Seasonal data (lag-m autocorrelation test at 90%, as in the
 * M3 implementation) is deseasonalised first by classical decomposition — multiplicative for positive data,
 * additive otherwise — and reseasonalised afterwards. Intervals are those of the underlying SES model, scaled
 * by the seasonal index; like forecast::thetaf, they ignore the uncertainty of the estimated slope.
 */
const MIN_LENGTH = 5;

export const thetaModel: Forecaster = {
  name: 'theta',
  minLength: () => MIN_LENGTH,
  forecast(y, h, options) {
    requireLength(y, MIN_LENGTH, options.seriesId, 'theta');
    const m = options.frequency;
    const n = y.length;
    const seasonal = isSeasonal(y, m);
    const multiplicative = seasonal && y.every((v) => v > 0);
    const indices = seasonal ? decompose(y, m, multiplicative ? 'multiplicative' : 'additive').indices : [];
    const seasonOf = (t: number) => (seasonal ? indices[t % m] : multiplicative ? 1 : 0);
    const x = y.map((v, t) => (multiplicative ? v / seasonOf(t) : v - seasonOf(t)));
    const ses = fitEts(x, { error: 'A', trend: 'N', season: 'N', m: 1 }) ?? notFitted(options, 'theta');
    const alpha = ses.params.alpha;
    const tm = (n + 1) / 2;
    const xm = mean(x);
    let sxy = 0;
    let sxx = 0;
    x.forEach((v, i) => {
      sxy += (i + 1 - tm) * (v - xm);
      sxx += (i + 1 - tm) ** 2;
    });
    const slope = sxx > 0 ? sxy / sxx : 0;
    const drift = (1 - (1 - alpha) ** n) / alpha;
    const level = ses.state.l;
    const adjustedMean = Array.from({ length: h }, (_, k) => level + 0.5 * slope * (k + drift));
    const variances = adjustedMean.map((_, k) => ses.sigma2 * (1 + alpha * alpha * k));
    const base = normalIntervals(adjustedMean, variances, options.levels);
    const reseason = (v: number, k: number) => (multiplicative ? v * seasonOf(n + k) : v + seasonOf(n + k));
    const label = seasonal ? `Theta (${multiplicative ? 'multiplicative' : 'additive'} seasonal adjustment, m=${m})` : 'Theta';
    return {
      model: label,
      family: 'theta',
      mean: adjustedMean.map(reseason),
      levels: options.levels,
      lower: base.lower.map((row) => row.map(reseason)),
      upper: base.upper.map((row) => row.map(reseason)),
      intervals: 'analytic',
      residuals: ses.residuals.map((e, t) => (multiplicative ? e * seasonOf(t) : e)),
    };
  },
};
