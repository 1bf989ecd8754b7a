import type { Forecast } from './forecast-types.ts';

/**
 * Rolling-origin evaluation with an expanding window (Tashman 2000): fit on y[0..T), forecast h steps, compare
 * with y[T..T+h), for many origins T. MASE is scaled by the in-sample one-step seasonal-naive error of each
 * training window (Hyndman & Koehler 2006), so it is comparable across series and origins; sMAPE is the M3/M4
 * definition; coverage is the share of actual values inside each interval.
 */
export interface OriginPlan {
  horizon: number;
  /** Smallest training window. */
  minTrain: number;
  /** Distance between successive origins. */
  step: number;
  /** Most origins, counted back from the latest one that still has a full horizon. */
  maxOrigins?: number;
}

/** Training-window lengths, oldest first; only origins with a full horizon of actuals are used. */
export function rollingOrigins(n: number, plan: OriginPlan): number[] {
  const out: number[] = [];
  for (let t = n - plan.horizon; t >= plan.minTrain; t -= Math.max(1, plan.step)) {
    out.push(t);
    if (plan.maxOrigins && out.length >= plan.maxOrigins) break;
  }
  return out.reverse();
}

/** Mean absolute seasonal-naive (lag m, or lag 1 when too short or flat) error of the training data. */
export function maseScale(train: readonly number[], m: number): number | null {
  const scaleAt = (lag: number) => {
    if (train.length <= lag) return 0;
    let s = 0;
    for (let t = lag; t < train.length; t++) s += Math.abs(train[t] - train[t - lag]);
    return s / (train.length - lag);
  };
  const seasonal = m > 1 ? scaleAt(m) : 0;
  if (seasonal > 0) return seasonal;
  const one = scaleAt(1);
  return one > 0 ? one : null;
}

export interface BacktestPoint {
  origin: number;
  step: number;
  actual: number;
  forecast: number;
  /** |error| / MASE scale of the origin's training window; null when the window is flat. */
  scaledError: number | null;
  lower: number[];
  upper: number[];
  model: string;
}

export interface Accuracy {
  mase: number | null;
  smape: number | null;
  /** Share of actuals inside the interval, by level (e.g. "80"). */
  coverage: Record<string, number | null>;
  points: number;
}

export interface BacktestResult {
  origins: number[];
  points: BacktestPoint[];
  accuracy: Accuracy;
  /** Accuracy at each step 1 … h, pooled over origins. */
  byStep: Accuracy[];
  /** Origins where the model failed (e.g. the window was too short for it). */
  failures: { origin: number; message: string }[];
  /** How often each model label was chosen. */
  models: Record<string, number>;
}

export function smape(actual: number, forecast: number): number {
  const den = Math.abs(actual) + Math.abs(forecast);
  return den === 0 ? 0 : (200 * Math.abs(actual - forecast)) / den;
}

export function summarise(points: readonly BacktestPoint[], levels: readonly number[]): Accuracy {
  const scaled = points.filter((p) => p.scaledError !== null).map((p) => p.scaledError as number);
  const avg = (x: number[]) => (x.length ? x.reduce((a, b) => a + b, 0) / x.length : null);
  const coverage: Record<string, number | null> = {};
  levels.forEach((lv, i) => {
    coverage[String(lv)] = avg(points.map((p) => (p.actual >= p.lower[i] && p.actual <= p.upper[i] ? 1 : 0)));
  });
  return { mase: avg(scaled), smape: avg(points.map((p) => smape(p.actual, p.forecast))), coverage, points: points.length };
}

export function backtest(
  y: readonly number[],
  forecastFrom: (train: readonly number[], h: number) => Forecast,
  plan: OriginPlan & { frequency: number; levels: readonly number[] },
): BacktestResult {
  const origins = rollingOrigins(y.length, plan);
  const points: BacktestPoint[] = [];
  const failures: BacktestResult['failures'] = [];
  const models: Record<string, number> = {};
  for (const origin of origins) {
    const train = y.slice(0, origin);
    let f: Forecast;
    try {
      f = forecastFrom(train, plan.horizon);
    } catch (e) {
      failures.push({ origin, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    models[f.model] = (models[f.model] ?? 0) + 1;
    const scale = maseScale(train, plan.frequency);
    for (let k = 0; k < plan.horizon; k++) {
      const actual = y[origin + k];
      points.push({
        origin,
        step: k + 1,
        actual,
        forecast: f.mean[k],
        scaledError: scale === null ? null : Math.abs(actual - f.mean[k]) / scale,
        lower: f.lower.map((row) => row[k]),
        upper: f.upper.map((row) => row[k]),
        model: f.model,
      });
    }
  }
  const byStep = Array.from({ length: plan.horizon }, (_, k) => summarise(points.filter((p) => p.step === k + 1), plan.levels));
  return { origins, points, accuracy: summarise(points, plan.levels), byStep, failures, models };
}
