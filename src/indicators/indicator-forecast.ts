import { seededRandom } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { backtest } from '../forecast/backtest.ts';
import { forecasterNamed } from '../forecast/forecast-models.ts';

/**
 * The explorer's fan chart and its credentials: the chosen model's forecast with 80% and 95% intervals, and how
 * every model would have done on this very series in a rolling-origin backtest (MASE, sMAPE, coverage). Pure.
 */
const COMPARED = ['auto', 'ets', 'arima', 'theta', 'combo', 'snaive', 'naive', 'drift'];
const LEVELS = [80, 95];

function nextPeriods(last: string, h: number): string[] {
  const base = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) - 1;
  return Array.from({ length: h }, (_, k) => {
    const i = base + k + 1;
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  });
}

export function forecastIndicator(series: { period: string; value: number | null }[], options: { model: string; horizon: number; seriesId: string }) {
  // Forecast from the trailing run of known values: the models need an unbroken history.
  let start = series.length;
  while (start > 0 && series[start - 1].value !== null) start--;
  const history = series.slice(start) as { period: string; value: number }[];
  const y = history.map((p) => p.value);
  const model = forecasterNamed(options.model);
  if (y.length < model.minLength(12)) {
    throw new AppError('SERIES_TOO_SHORT', {
      zh: `序列「${options.seriesId}」只有 ${y.length} 个连续月份，模型 ${options.model} 至少需要 ${model.minLength(12)} 个。`,
      en: `Series "${options.seriesId}" has ${y.length} consecutive months; model ${options.model} needs at least ${model.minLength(12)}.`,
    }, { details: { series: options.seriesId, length: y.length, minimum: model.minLength(12) } });
  }
  const f = model.forecast(y, options.horizon, { frequency: 12, levels: LEVELS, seriesId: options.seriesId, random: seededRandom(options.seriesId) });
  const periods = nextPeriods(history[history.length - 1].period, options.horizon);
  const h = options.horizon;
  // Up to six origins, each training window at least six months (shorter models fail there and are counted).
  const minTrain = Math.max(6, y.length - h - 5 * Math.max(1, Math.floor(h / 2)));
  const accuracy = COMPARED.map((name) => {
    const m = forecasterNamed(name);
    const r = backtest(y, (train, hh) => m.forecast(train, hh, { frequency: 12, levels: LEVELS, seriesId: `${options.seriesId}#${train.length}`, random: seededRandom(train.length) }), {
      horizon: h, minTrain, step: Math.max(1, Math.floor(h / 2)), maxOrigins: 6, frequency: 12, levels: LEVELS,
    });
    return { model: name, mase: r.accuracy.mase, smape: r.accuracy.smape, coverage80: r.accuracy.coverage['80'], coverage95: r.accuracy.coverage['95'], points: r.accuracy.points, origins: r.origins.length, failures: r.failures.length };
  });
  return {
    history,
    forecast: {
      model: f.model,
      family: f.family,
      intervals: f.intervals,
      selection: f.selection ?? null,
      points: periods.map((period, k) => ({ period, mean: f.mean[k], lo80: f.lower[0][k], hi80: f.upper[0][k], lo95: f.lower[1][k], hi95: f.upper[1][k] })),
    },
    backtest: { horizon: h, minTrain, accuracy },
  };
}
