import { fitArima, forecastArima, type ArimaFit } from './arima-fit.ts';
import { arimaToForecast } from './arima-model.ts';
import { autoArima } from './auto-arima.ts';
import { maseScale, rollingOrigins } from './backtest.ts';
import { combineForecasts } from './combo-model.ts';
import { etsPointForecast } from './ets-core.ts';
import { fitEts, selectEts, type EtsFit } from './ets-fit.ts';
import { etsToForecast } from './ets-models.ts';
import type { Forecast, ForecastOptions, Forecaster } from './forecast-types.ts';
import { requireLength } from './series-checks.ts';
import { thetaModel } from './theta-model.ts';

/**
 * `auto`: ETS (best by AICc), ARIMA (stepwise by AICc), Theta and their equal-weight combination compete on a
 * short rolling-origin backtest inside the series, and the lowest mean absolute scaled error wins.
 *
 * Why a backtest and not AICc: AICc compares models of one family on one likelihood, but an ARIMA's likelihood
 * is of the differenced series and Theta has none, so across families only out-of-sample error is a fair
 * yardstick. Within each family AICc still chooses the structure, on the full series. At the inner origins the
 * chosen structures are re-estimated (ETS warm-started, ARIMA by CSS) rather than re-searched; that keeps the
 * cost at a few extra fits per series. A single model replaces the combination only when it is clearly better
 * (by more than 2%), because selection from a few origins is noisy and the combination is the safer default
 * (M4: Makridakis et al. 2020). Series too short for an inner backtest get the combination.
 */
const MIN_LENGTH = 5;
const INNER_ORIGINS = 3;
const COMBO_MARGIN = 0.98;

interface Candidate {
  name: string;
  forecast: Forecast;
  /** Point forecasts from a training prefix, or null when the structure cannot be refitted there. */
  refit(train: readonly number[], h: number): number[] | null;
}

function etsCandidate(y: readonly number[], options: ForecastOptions, h: number): Candidate | null {
  const fit: EtsFit | null = selectEts(y, options.frequency);
  if (!fit) return null;
  return {
    name: 'ets',
    forecast: etsToForecast(fit, h, options),
    refit: (train, hh) => {
      const f = fitEts(train, fit.spec, fit.params);
      return f ? etsPointForecast(f.spec, f.params, f.state, hh) : null;
    },
  };
}

function arimaCandidate(y: readonly number[], options: ForecastOptions, h: number): Candidate | null {
  const fit: ArimaFit | null = autoArima(y, options.frequency);
  if (!fit) return null;
  const warm = { ar: fit.ar, ma: fit.ma, sar: fit.sar, sma: fit.sma, mean: fit.mean };
  return {
    name: 'arima',
    forecast: arimaToForecast(fit, h, options),
    refit: (train, hh) => {
      const f = fitArima(train, fit.order, { method: 'CSS', warm });
      return f ? forecastArima(f, hh).mean : null;
    },
  };
}

function thetaCandidate(y: readonly number[], options: ForecastOptions, h: number): Candidate {
  return {
    name: 'theta',
    forecast: thetaModel.forecast(y, h, options),
    refit: (train, hh) => (train.length >= MIN_LENGTH ? thetaModel.forecast(train, hh, { ...options, levels: [] }).mean : null),
  };
}

/** Mean absolute scaled error per candidate over the inner origins where every candidate could be refitted. */
function innerScores(y: readonly number[], candidates: Candidate[], h: number, m: number) {
  const n = y.length;
  const minTrain = Math.max(MIN_LENGTH + 5, m > 1 ? 2 * m + 2 : 0);
  const hh = Math.min(h, n - minTrain);
  if (hh < 1) return null;
  const origins = rollingOrigins(n, { horizon: hh, minTrain, step: Math.max(1, Math.ceil(hh / 2)), maxOrigins: INNER_ORIGINS });
  const sums: Record<string, number> = {};
  let count = 0;
  let used = 0;
  for (const origin of origins) {
    const train = y.slice(0, origin);
    const scale = maseScale(train, m);
    if (scale === null) continue;
    const paths = candidates.map((c) => c.refit(train, hh));
    if (paths.some((p) => p === null || p.some((v) => !Number.isFinite(v)))) continue;
    const named: Record<string, number[]> = {};
    candidates.forEach((c, i) => (named[c.name] = paths[i] as number[]));
    named.combo = named[candidates[0].name].map((_, k) => paths.reduce((acc, p) => acc + (p as number[])[k], 0) / paths.length);
    for (const [name, path] of Object.entries(named)) {
      let s = 0;
      for (let k = 0; k < hh; k++) s += Math.abs(y[origin + k] - path[k]) / scale;
      sums[name] = (sums[name] ?? 0) + s;
    }
    count += hh;
    used++;
  }
  if (used === 0) return null;
  const scores: Record<string, number> = {};
  for (const [name, s] of Object.entries(sums)) scores[name] = s / count;
  return { scores, origins: used };
}

export const autoModel: Forecaster = {
  name: 'auto',
  minLength: () => MIN_LENGTH,
  forecast(y, h, options) {
    requireLength(y, MIN_LENGTH, options.seriesId, 'auto');
    const candidates: Candidate[] = [];
    const errors: unknown[] = [];
    for (const make of [etsCandidate, arimaCandidate, thetaCandidate]) {
      try {
        const c = make(y, options, h);
        if (c) candidates.push(c);
      } catch (e) {
        errors.push(e);
      }
    }
    if (candidates.length === 0) throw errors[0];
    const combo = combineForecasts(candidates.map((c) => c.forecast), options);
    const inner = candidates.length > 1 ? innerScores(y, candidates, h, options.frequency) : null;
    if (!inner) {
      const only = candidates.length === 1 ? candidates[0].forecast : combo;
      return { ...only, selection: { method: 'default', scores: {}, origins: 0 } };
    }
    let best = 'combo';
    let bar = inner.scores.combo * COMBO_MARGIN;
    for (const c of candidates) {
      if (inner.scores[c.name] < bar) {
        best = c.name;
        bar = inner.scores[c.name];
      }
    }
    const chosen = best === 'combo' ? combo : (candidates.find((c) => c.name === best) as Candidate).forecast;
    return { ...chosen, selection: { method: 'backtest', scores: inner.scores, origins: inner.origins } };
  },
};
