import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission } from '../auth/principal.ts';
import { seededRandom } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { forecasterNamed, modelNames } from './forecast-models.ts';
import { formatPeriod, parsePeriod } from './series-input.ts';

const body = z.object({
  values: z.array(z.number().finite()).min(1).max(10000),
  horizon: z.number().int().min(1).max(240),
  model: z.enum(modelNames as [string, ...string[]]).default('auto'),
  frequency: z.number().int().min(1).max(1000).optional(),
  levels: z.array(z.number().gt(0).lt(100)).min(1).max(5).default([80, 95]),
  /** Period of the first value (YYYY-MM, YYYY-Qn, YYYY or an integer): labels the forecast and sets the frequency. */
  start: z.string().max(20).optional(),
  seriesId: z.string().max(200).default('series'),
});

/** POST /api/forecast: forecast one series sent in the body (no personal data, nothing stored). */
export function registerForecastRoutes(app: FastifyInstance, _deps: ServerDeps): void {
  app.post('/api/forecast', async (request) => {
    requirePermission(request, 'stats:read');
    const b = body.parse(request.body ?? {});
    const start = b.start ? parsePeriod(b.start) : null;
    if (b.start && !start) {
      throw new AppError('INPUT_INVALID', { zh: `起始期间「${b.start}」无效：应为 YYYY-MM、YYYY-Qn、YYYY 或整数。`, en: `Start period "${b.start}" is invalid: use YYYY-MM, YYYY-Qn, YYYY or an integer.` });
    }
    const frequency = b.frequency ?? (start ? { month: 12, quarter: 4, year: 1, integer: 1 }[start.kind] : 1);
    const f = forecasterNamed(b.model).forecast(b.values, b.horizon, { frequency, levels: b.levels, seriesId: b.seriesId, random: seededRandom(b.seriesId) });
    const periods = start ? Array.from({ length: b.horizon }, (_, k) => formatPeriod(start.kind, start.index + b.values.length + k)) : null;
    return {
      model: f.model,
      family: f.family,
      intervals: f.intervals,
      frequency,
      levels: f.levels,
      selection: f.selection ?? null,
      points: f.mean.map((mean, k) => ({
        step: k + 1,
        period: periods?.[k] ?? null,
        mean,
        bounds: Object.fromEntries(f.levels.map((lv, i) => [String(lv), { lower: f.lower[i][k], upper: f.upper[i][k] }])),
      })),
    };
  });
}
