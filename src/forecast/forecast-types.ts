import type { Random } from '../platform/clock.ts';

/** What every model is given besides the observations. */
export interface ForecastOptions {
  /** Observations per seasonal cycle: 12 monthly, 4 quarterly, 1 yearly or unknown. */
  frequency: number;
  /** Central prediction-interval levels in percent, e.g. [80, 95]. */
  levels: number[];
  /** Names the series in errors, so a clerk knows which one to fix. */
  seriesId: string;
  /** Seeded source for simulated intervals; a model that needs it and gets none uses a seed of its own. */
  random?: Random;
  /** Interval method for models that offer both; analytic by default. */
  intervalMethod?: 'analytic' | 'simulated';
  /** Sample paths for simulated intervals. */
  simulations?: number;
}

/** A fitted model's forecast: point path plus one lower/upper path per requested level. */
export interface Forecast {
  /** Human-readable model, e.g. `ETS(M,Ad,N)` or `ARIMA(1,1,1)(0,1,1)[12]`. */
  model: string;
  mean: number[];
  levels: number[];
  /** lower[i][k] is the bound for levels[i] at step k+1. */
  lower: number[][];
  upper: number[][];
  /** How the intervals were obtained, so a reader can judge them. */
  intervals: 'analytic' | 'simulated' | 'combined';
  /** In-sample one-step residuals on the data scale (NaN-free; may be shorter than the series). */
  residuals: number[];
  /** Information criterion of the chosen model where the family has one. */
  aicc?: number;
  /** Model family (naive, ets, arima, theta, combo, …), for summaries that count chosen models. */
  family: string;
  /** How `auto` chose, when it did: mean scaled error per candidate on its internal backtest. */
  selection?: { method: 'backtest' | 'default'; scores: Record<string, number>; origins: number };
}

/** A model family behind one CLI name. */
export interface Forecaster {
  name: string;
  /** Fewest observations the model accepts for this frequency. */
  minLength(frequency: number): number;
  forecast(y: readonly number[], h: number, options: ForecastOptions): Forecast;
}
