import { isAppError } from '../platform/errors.ts';
import { forecasterNamed } from './forecast-models.ts';

/** One series to forecast, as sent to a worker (structured-clone friendly). */
export interface SeriesJob {
  id: string;
  values: number[];
  frequency: number;
}

export interface JobSettings {
  model: string;
  horizon: number;
  levels: number[];
}

export type SeriesOutcome =
  | {
      id: string;
      ok: true;
      model: string;
      family: string;
      mean: number[];
      lower: number[][];
      upper: number[][];
      selection?: { method: string; scores: Record<string, number> };
    }
  | { id: string; ok: false; code: string; zh: string; en: string };

/** Runs one series; a failure becomes a reported outcome, never a crash of the batch. */
export function runSeriesJob(job: SeriesJob, settings: JobSettings): SeriesOutcome {
  try {
    const f = forecasterNamed(settings.model).forecast(job.values, settings.horizon, {
      frequency: job.frequency,
      levels: settings.levels,
      seriesId: job.id,
    });
    return { id: job.id, ok: true, model: f.model, family: f.family, mean: f.mean, lower: f.lower, upper: f.upper, selection: f.selection };
  } catch (e) {
    if (isAppError(e)) return { id: job.id, ok: false, code: e.code, zh: e.zh, en: e.message };
    const text = e instanceof Error ? e.message : String(e);
    return { id: job.id, ok: false, code: 'INTERNAL', zh: `内部错误：${text}`, en: `Internal error: ${text}` };
  }
}
