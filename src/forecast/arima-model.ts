import { autoArima } from './auto-arima.ts';
import { forecastArima, type ArimaFit } from './arima-fit.ts';
import type { Forecast, ForecastOptions, Forecaster } from './forecast-types.ts';
import { normalIntervals } from './prediction-intervals.ts';
import { requireLength } from './series-checks.ts';
import { notFitted } from './ets-models.ts';

/**
 * Automatic (seasonal) ARIMA. Intervals are analytic: the ψ-weights of the full model, differencing included,
 * give Var(e_{n+h}) = σ² Σ_{j<h} ψ_j², with σ² corrected for the estimated parameters.
 */
const MIN_LENGTH = 5;

export function arimaToForecast(fit: ArimaFit, h: number, options: ForecastOptions): Forecast {
  const f = forecastArima(fit, h);
  return {
    model: fit.label,
    family: 'arima',
    mean: f.mean,
    levels: options.levels,
    ...normalIntervals(f.mean, f.variances, options.levels),
    intervals: 'analytic',
    residuals: fit.residuals,
    aicc: fit.aicc,
  };
}

export const arimaModel: Forecaster = {
  name: 'arima',
  minLength: () => MIN_LENGTH,
  forecast(y, h, options) {
    requireLength(y, MIN_LENGTH, options.seriesId, 'arima');
    const fit = autoArima(y, options.frequency) ?? notFitted(options, 'arima');
    return arimaToForecast(fit, h, options);
  },
};
