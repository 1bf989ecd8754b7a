import { join } from 'node:path';
import { z } from 'zod';
import type { Database } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';
import { readPolicyJson } from '../platform/policy-json-store.ts';
import { paramsInForce, signalVersionSchema, type SignalVersion } from './economy-signal.ts';
import { detectCpiForm, type CpiForm, type MonthlyPoint } from './monthly-series.ts';

/**
 * Reads what the Phillips-curve view needs: CPI from `macro_indicator` (indicator 'CPI', as the statistics
 * bureau supplies it) and the unemployment rate — the city's registered rate from `indicator_value` when the
 * indicators have been refreshed, otherwise a macro series ('REGISTERED_UNEMPLOYMENT_RATE', 'UNRATE').
 */
const UNEMPLOYMENT_MACRO_CODES = ['REGISTERED_UNEMPLOYMENT_RATE', 'UNEMPLOYMENT_RATE', 'UNRATE'];

async function tableExists(db: Database, name: string): Promise<boolean> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $name`, { name });
  return r.n > 0;
}

async function macroSeries(db: Database, code: string, region?: string): Promise<{ region: string; points: MonthlyPoint[] } | null> {
  const regions = await db.query<{ region: string; n: number }>(
    `SELECT region, count(*) AS n FROM macro_indicator WHERE indicator = $code AND ($region IS NULL OR region = $region)
     GROUP BY region ORDER BY n DESC, region LIMIT 1`,
    { code, region: region ?? null },
  );
  if (!regions.length) return null;
  const points = await db.query<MonthlyPoint>(
    `SELECT strftime(period, '%Y-%m') AS period, CAST(value AS DOUBLE) AS value FROM macro_indicator
     WHERE indicator = $code AND region = $region ORDER BY period`,
    { code, region: regions[0].region },
  );
  return { region: regions[0].region, points };
}

export interface PhillipsInputs {
  unemployment: MonthlyPoint[];
  cpi: MonthlyPoint[];
  cpiForm: CpiForm;
  sources: { unemployment: string; cpi: string };
}

export async function readPhillipsInputs(db: Database, options: { region?: string; cpiRegion?: string; cpiForm?: CpiForm } = {}): Promise<PhillipsInputs> {
  const cpi = await macroSeries(db, 'CPI', options.cpiRegion);
  if (!cpi) {
    throw new AppError('NOT_FOUND', {
      zh: '没有 CPI 数据：请先导入宏观指标（macro_indicator，指标代码 CPI）。',
      en: 'No CPI data: load macro indicators first (macro_indicator, indicator code CPI).',
    });
  }
  let unemployment: MonthlyPoint[] = [];
  let source = '';
  if (await tableExists(db, 'indicator_value')) {
    const city = await db.query<{ region: string }>(
      `SELECT region FROM indicator_value WHERE indicator = 'REG_UNEMP_RATE' AND ($region IS NULL OR region = $region)
       AND ($region IS NOT NULL OR ends_with(region, '00')) GROUP BY region ORDER BY count(*) DESC, region LIMIT 1`,
      { region: options.region ?? null },
    );
    if (city.length) {
      unemployment = await db.query<MonthlyPoint>(
        `SELECT strftime(period, '%Y-%m') AS period, value FROM indicator_value WHERE indicator = 'REG_UNEMP_RATE' AND region = $region ORDER BY period`,
        { region: city[0].region },
      );
      source = `indicator_value REG_UNEMP_RATE ${city[0].region}`;
    }
  }
  for (const code of UNEMPLOYMENT_MACRO_CODES) {
    if (unemployment.length >= 13) break;
    const s = await macroSeries(db, code, options.region);
    if (s && s.points.length > unemployment.length) {
      unemployment = s.points;
      source = `macro_indicator ${code} ${s.region}`;
    }
  }
  if (!unemployment.length) {
    throw new AppError('NOT_FOUND', {
      zh: '没有失业率数据：请先刷新指标（renshe indicators refresh）或导入失业率宏观指标。',
      en: 'No unemployment rate: refresh the indicators (renshe indicators refresh) or load an unemployment macro series.',
    });
  }
  const form = options.cpiForm ?? detectCpiForm(cpi.points.map((p) => p.value));
  return { unemployment, cpi: cpi.points, cpiForm: form, sources: { unemployment: source, cpi: `macro_indicator CPI ${cpi.region}` } };
}

const signalFileSchema = z.object({
  region: z.string(),
  note: z.string().optional(),
  versions: z
    .array(signalVersionSchema)
    .min(1)
    .refine((v) => new Set(v.map((x) => x.effectiveFrom)).size === v.length, 'two versions share an effectiveFrom date'),
});

/**
 * Every dated version of the signal parameters in a region's file (data/policy/macro/signal-CN.json), oldest
 * first, validated. Months are judged by the version in force on their first day (`paramsInForce`).
 */
export function loadSignalSchedule(policyDir: string, region = 'CN'): SignalVersion[] {
  const file = join(policyDir, 'macro', `signal-${region}.json`);
  const { versions } = readPolicyJson(file, signalFileSchema, { zh: '宏观信号参数', en: 'macro signal parameters' });
  return [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/** The signal parameters in force on a date (YYYY-MM-DD) for a region's file. */
export function loadSignalParams(policyDir: string, date: string, region = 'CN'): SignalVersion {
  return paramsInForce(loadSignalSchedule(policyDir, region), date);
}
