import { seededRandom, type Random } from '../platform/clock.ts';
import type { EtsSpec } from './ets-core.ts';
import { fitEts, minimumLength, selectEts, type EtsFit } from './ets-fit.ts';
import { forecastEts } from './ets-forecast.ts';
import type { Forecast, ForecastOptions, Forecaster } from './forecast-types.ts';
import { requireLength } from './series-checks.ts';
import { AppError } from '../platform/errors.ts';

/** The exponential-smoothing family behind the CLI names ets, ses, holt, damped and hw. */
export function randomFor(options: ForecastOptions, label: string): Random {
  return (options.random ?? seededRandom(`forecast:${options.seriesId}`)).fork(label);
}

export function etsToForecast(fit: EtsFit, h: number, options: ForecastOptions, family = 'ets'): Forecast {
  const f = forecastEts(fit, h, options.levels, randomFor(options, 'ets'), options.simulations ?? 2000, options.intervalMethod);
  return { model: fit.label, family, mean: f.mean, levels: options.levels, lower: f.lower, upper: f.upper, intervals: f.intervals, residuals: fit.residuals, aicc: fit.aicc };
}

/** Reached only for degenerate data every admissible parameter set rejects (e.g. values near overflow). */
export function notFitted(options: ForecastOptions, model: string): never {
  throw new AppError('INPUT_INVALID', {
    zh: `模型 ${model} 无法拟合序列「${options.seriesId}」：数据可能溢出或退化，请检查数值或换用 naive。`,
    en: `Model ${model} cannot be fitted to series "${options.seriesId}": the data may overflow or be degenerate; check the values or use naive.`,
  });
}

function fixedSpecModel(name: string, spec: (m: number) => EtsSpec): Forecaster {
  return {
    name,
    minLength: (m) => minimumLength(spec(m)),
    forecast(y, h, options) {
      const s = spec(options.frequency);
      requireLength(y, minimumLength(s), options.seriesId, name);
      const fit = fitEts(y, s) ?? notFitted(options, name);
      return etsToForecast(fit, h, options, name);
    },
  };
}

const nonSeasonal = (trend: EtsSpec['trend']) => (): EtsSpec => ({ error: 'A', trend, season: 'N', m: 1 });

export const sesModel = fixedSpecModel('ses', nonSeasonal('N'));
export const holtModel = fixedSpecModel('holt', nonSeasonal('A'));
export const dampedModel = fixedSpecModel('damped', nonSeasonal('Ad'));

/** Lowest-AICc ETS model among all admissible ones (trend N/A/Ad, season N/A/M, error A/M). */
export const etsModel: Forecaster = {
  name: 'ets',
  minLength: () => minimumLength({ error: 'A', trend: 'N', season: 'N', m: 1 }),
  forecast(y, h, options) {
    requireLength(y, this.minLength(options.frequency), options.seriesId, 'ets');
    const fit = selectEts(y, options.frequency) ?? notFitted(options, 'ets');
    return etsToForecast(fit, h, options);
  },
};

/**
 * Holt-Winters as the ETS models ETS(A,A,A) (additive) and ETS(M,A,M) (multiplicative, positive data only),
 * the better by AICc. Without a seasonal period (frequency 1) there is no season to model, so it is Holt's
 * method and the output's model column says so.
 */
export const holtWintersModel: Forecaster = {
  name: 'hw',
  minLength: (m) => (m > 1 ? minimumLength({ error: 'A', trend: 'A', season: 'A', m }) : minimumLength(nonSeasonal('A')())),
  forecast(y, h, options) {
    const m = options.frequency;
    requireLength(y, this.minLength(m), options.seriesId, 'hw');
    if (m <= 1) return etsToForecast(fitEts(y, nonSeasonal('A')()) ?? notFitted(options, 'hw'), h, options, 'hw');
    const additive = fitEts(y, { error: 'A', trend: 'A', season: 'A', m });
    const multiplicative = y.every((v) => v > 0) ? fitEts(y, { error: 'M', trend: 'A', season: 'M', m }) : null;
    const fit = multiplicative && (!additive || multiplicative.aicc < additive.aicc) ? multiplicative : additive;
    return etsToForecast(fit ?? notFitted(options, 'hw'), h, options, 'hw');
  },
};
