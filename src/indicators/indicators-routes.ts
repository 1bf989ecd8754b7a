import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission } from '../auth/principal.ts';
import { AppError } from '../platform/errors.ts';
import { indicatorCatalogue } from './indicator-catalogue.ts';
import { indicatorNamed, readCompleteSeries, readIndicatorRegions, readIndicatorSummaries } from './indicator-store.ts';
import { forecastIndicator } from './indicator-forecast.ts';
import { modelNames } from '../forecast/forecast-models.ts';

const regionCode = z.string().regex(/^\d{6}$/, 'six-digit region code');

/** /api/indicators: the catalogue, one region's series, and its forecast with backtest accuracy per model. */
export function registerIndicatorRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/indicators', async (request) => {
    requirePermission(request, 'stats:read');
    const summaries = await readIndicatorSummaries(deps.db);
    return {
      indicators: indicatorCatalogue.map((d) => ({
        code: d.code, zh: d.zh, en: d.en, definitionZh: d.definitionZh, definitionEn: d.definitionEn, unit: d.unit,
        kind: d.kind, higherIsWorse: Boolean(d.higherIsWorse), regions: summaries.get(d.code)?.regions ?? 0,
        from: summaries.get(d.code)?.from ?? null, to: summaries.get(d.code)?.to ?? null,
      })),
    };
  });

  /** The region asked for, or the city with the longest series. */
  const pickRegion = async (code: string, requested?: string) => {
    const regions = await readIndicatorRegions(deps.db, code);
    if (requested) return { region: requested, regions };
    const cities = regions.filter((r) => r.level === 'city');
    const city = (cities.length ? cities : regions).reduce<(typeof regions)[number] | undefined>((best, r) => (!best || r.months > best.months ? r : best), undefined);
    if (!city) {
      throw new AppError('NOT_FOUND', { zh: `指标 ${code} 尚无数据：请先运行 renshe indicators refresh。`, en: `Indicator ${code} has no values yet: run renshe indicators refresh.` });
    }
    return { region: city.region, regions };
  };

  app.get('/api/indicators/:code/series', async (request) => {
    requirePermission(request, 'stats:read');
    const { code } = z.object({ code: z.string().min(1).max(60) }).parse(request.params);
    const q = z.object({ region: regionCode.optional() }).parse(request.query);
    const def = indicatorNamed(code);
    const { region, regions } = await pickRegion(code, q.region);
    return { indicator: { code: def.code, zh: def.zh, en: def.en, unit: def.unit }, region, regions, points: await readCompleteSeries(deps.db, code, region) };
  });

  app.get('/api/indicators/:code/forecast', async (request) => {
    requirePermission(request, 'stats:read');
    const { code } = z.object({ code: z.string().min(1).max(60) }).parse(request.params);
    const q = z
      .object({
        region: regionCode.optional(),
        model: z.enum(modelNames as [string, ...string[]]).default('auto'),
        horizon: z.coerce.number().int().min(1).max(36).default(6),
      })
      .parse(request.query);
    const def = indicatorNamed(code);
    const { region, regions } = await pickRegion(code, q.region);
    const series = await readCompleteSeries(deps.db, code, region);
    return {
      indicator: { code: def.code, zh: def.zh, en: def.en, unit: def.unit },
      region,
      regions,
      ...forecastIndicator(series, { model: q.model, horizon: q.horizon, seriesId: `${code}@${region}` }),
    };
  });
}
