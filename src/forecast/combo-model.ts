import type { Forecast, ForecastOptions, Forecaster } from './forecast-types.ts';
import { requireLength } from './series-checks.ts';
import { pairedMoments } from './paired-moments.ts';
import { etsModel } from './ets-models.ts';
import { thetaModel } from './theta-model.ts';
import { arimaModel } from './arima-model.ts';

/**
 * Equal-weight combination of ETS, Theta and ARIMA — the M4 competition's robust benchmark ("Comb").
 *
 * Intervals: the combined error is the mean of the component errors, so its standard deviation is
 * √(Σᵢⱼ wᵢwⱼρᵢⱼσᵢσⱼ) with w = ⅓. Each component's σ at a given level and step is read off its own interval as
 * the half-width (analytic or simulated, whichever it has), and ρᵢⱼ is the correlation of the components'
 * in-sample one-step residuals over their common span, clipped to [0, 1]: errors of models fitted to the same
 * data are positively correlated, and a negative estimate from a short span would only shrink the interval
 * without evidence. The bound is the combined mean ± that combined half-width.
 */
export function residualCorrelation(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n < 3) return 1;
  const x = a.slice(a.length - n);
  const y = b.slice(b.length - n);
  const { sxx, syy, sxy } = pairedMoments(x, y);
  if (!(sxx > 0) || !(syy > 0)) return 1;
  return Math.min(1, Math.max(0, sxy / Math.sqrt(sxx * syy)));
}

export function combineForecasts(parts: readonly Forecast[], options: ForecastOptions): Forecast {
  const k = parts.length;
  const w = 1 / k;
  const h = parts[0].mean.length;
  const rho = parts.map((a) => parts.map((b) => (a === b ? 1 : residualCorrelation(a.residuals, b.residuals))));
  const combinedMean = Array.from({ length: h }, (_, s) => parts.reduce((acc, p) => acc + w * p.mean[s], 0));
  const bounds = (side: 'lower' | 'upper') =>
    options.levels.map((_, li) =>
      combinedMean.map((cm, s) => {
        const half = parts.map((p) => Math.max(0, (p.upper[li][s] - p.lower[li][s]) / 2));
        let v = 0;
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) v += w * w * rho[i][j] * half[i] * half[j];
        const hw = Math.sqrt(Math.max(0, v));
        return side === 'lower' ? cm - hw : cm + hw;
      }),
    );
  const n = Math.min(...parts.map((p) => p.residuals.length));
  const residuals = Array.from({ length: n }, (_, t) => parts.reduce((acc, p) => acc + w * p.residuals[p.residuals.length - n + t], 0));
  return {
    model: `Combination(${parts.map((p) => p.model).join(' + ')})`,
    family: 'combo',
    mean: combinedMean,
    levels: options.levels,
    lower: bounds('lower'),
    upper: bounds('upper'),
    intervals: 'combined',
    residuals,
  };
}

const MIN_LENGTH = 5;

export const comboModel: Forecaster = {
  name: 'combo',
  minLength: () => MIN_LENGTH,
  forecast(y, h, options) {
    requireLength(y, MIN_LENGTH, options.seriesId, 'combo');
    const parts = [etsModel, thetaModel, arimaModel].map((m) => m.forecast(y, h, options));
    return combineForecasts(parts, options);
  },
};
