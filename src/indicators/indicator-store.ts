import type { Clock } from '../platform/clock.ts';
import type { Database, SqlValue } from '../platform/database.ts';
import { AppError, type Bilingual } from '../platform/errors.ts';
import { regionNameEnSql } from '../reference/reference-store.ts';
import { benefitFund, indicatorByCode, indicatorCatalogue, missingMeansZero, type IndicatorDef } from './indicator-catalogue.ts';
import { baseQueries, derivedQueries } from './indicator-queries-store.ts';
import type { OpeningBalance } from './opening-balance-store.ts';

/**
 * Computes every indicator by county and city and month into `indicator_value`, all in set-based SQL. City
 * rows (region `XXXX00`) are sums of county numerators and denominators, so city ratios are exact. The whole
 * refresh is one transaction: readers see the old values or the new ones, never half.
 */
export const indicatorDdl = `CREATE TABLE IF NOT EXISTS indicator_value (
  indicator VARCHAR NOT NULL, region VARCHAR NOT NULL, period DATE NOT NULL, value DOUBLE,
  numerator DOUBLE, denominator DOUBLE, computed_at TIMESTAMP NOT NULL)`;

export interface RefreshResult {
  indicators: number;
  rows: number;
  from: string | null;
  to: string | null;
  elapsedMs: number;
  /** What a reader must know about the values, e.g. funds whose accumulated balance lacks an opening balance. */
  notes: Bilingual[];
}

export interface RefreshOptions {
  /** Fund opening balances (loadOpeningBalances(policyDir)); without them reserves accumulate from zero. */
  openingBalances?: readonly OpeningBalance[];
}

export async function ensureIndicatorSchema(db: Database): Promise<void> {
  await db.run(indicatorDdl);
}

/** Months from the first to the last month of the monthly feeds (contributions, benefits), capped at the clock. */
async function buildCalendar(tx: Database, today: string): Promise<{ from: string | null; to: string | null }> {
  const [bounds] = await tx.query<{ lo: string | null; hi: string | null }>(
    `WITH months AS (
       SELECT min(period) AS lo, max(period) AS hi FROM contribution
       UNION ALL SELECT min(period), max(period) FROM benefit
       UNION ALL SELECT CAST(date_trunc('month', min(registered_date)) AS DATE), CAST(date_trunc('month', max(registered_date)) AS DATE)
         FROM job_seeker WHERE NOT EXISTS (SELECT 1 FROM contribution))
     SELECT CAST(min(lo) AS DATE) AS lo, CAST(least(max(hi), CAST(date_trunc('month', $today::DATE) AS DATE)) AS DATE) AS hi FROM months`,
    { today },
  );
  await tx.run(`CREATE OR REPLACE TEMP TABLE ind_month (period DATE, month_end DATE)`);
  if (bounds.lo && bounds.hi) {
    await tx.run(
      `INSERT INTO ind_month SELECT CAST(range AS DATE), last_day(CAST(range AS DATE))
       FROM range($lo::DATE, $hi::DATE + INTERVAL 1 MONTH, INTERVAL 1 MONTH)`,
      { lo: bounds.lo, hi: bounds.hi },
    );
  }
  await tx.run(`CREATE OR REPLACE TEMP TABLE ind_benefit_fund (benefit_type VARCHAR, scheme VARCHAR)`);
  for (const [benefitType, scheme] of Object.entries(benefitFund)) {
    await tx.run(`INSERT INTO ind_benefit_fund VALUES ($b, $s)`, { b: benefitType, s: scheme });
  }
  return { from: bounds.lo, to: bounds.hi };
}

async function computeBase(tx: Database, def: IndicatorDef, asOf: string, now: string): Promise<void> {
  if (!('query' in def.source)) return;
  const q = baseQueries[def.source.query];
  const params: Record<string, SqlValue> = {};
  if (q.params.includes('scheme')) params.scheme = def.source.scheme ?? null;
  if (q.params.includes('window')) params.window = def.source.windowMonths ?? 1;
  if (q.params.includes('as_of')) params.as_of = asOf;
  await tx.run(`CREATE OR REPLACE TEMP TABLE ind_part AS ${q.sql}`, params);
  const scale = def.ratio ? def.ratio.scale : null;
  // County rows as computed; city rows from summed parts. Regions already at city level feed only the city.
  await tx.run(
    `INSERT INTO indicator_value
     SELECT $code, region, period, value, num, den, $now::TIMESTAMP FROM (
       SELECT region, period, num, den,
              CASE WHEN $scale::DOUBLE IS NULL THEN num ELSE num / nullif(den, 0) * $scale::DOUBLE END AS value
       FROM (
         SELECT region, period, num, den FROM ind_part WHERE region IS NOT NULL AND NOT ends_with(region, '00')
         UNION ALL
         SELECT left(region, 4) || '00' AS region, period, sum(num) AS num, CASE WHEN count(den) = 0 THEN NULL ELSE sum(den) END AS den
         FROM ind_part WHERE region IS NOT NULL GROUP BY 1, 2))
     WHERE value IS NOT NULL`,
    { code: def.code, now, scale },
  );
}

async function loadOpenings(tx: Database, openings: readonly OpeningBalance[]): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE ind_opening (region VARCHAR, scheme VARCHAR, effective_from DATE, amount DOUBLE)`);
  // A handful of rows from policy files (one per region, scheme and date), so plain parameterised inserts.
  for (const o of openings) {
    await tx.run(`INSERT INTO ind_opening VALUES ($region, $scheme, $from::DATE, $amount)`, { region: o.region, scheme: o.scheme, from: o.effectiveFrom, amount: o.amount });
  }
}

async function computeDerived(tx: Database, def: IndicatorDef, now: string): Promise<void> {
  if (!('derived' in def.source)) return;
  const sql = derivedQueries[def.source.derived];
  const params: Record<string, SqlValue> = { a: def.source.of[0] };
  if (def.source.of[1]) params.b = def.source.of[1];
  if (def.source.scheme) params.scheme = def.source.scheme;
  await tx.run(
    `INSERT INTO indicator_value SELECT $code, region, period, value, num, den, $now::TIMESTAMP FROM (${sql}) WHERE value IS NOT NULL AND isfinite(value)`,
    { ...params, code: def.code, now },
  );
}

/** Checks the catalogue once: every derived indicator's inputs come before it. */
function checkOrder(): void {
  const seen = new Set<string>();
  for (const d of indicatorCatalogue) {
    if ('derived' in d.source) for (const input of d.source.of) if (!seen.has(input)) throw new Error(`indicator ${d.code} needs ${input} first`);
    seen.add(d.code);
  }
}

/**
 * Which fund reserves lack an opening balance (city level, where funds are pooled), and which opening balances
 * leave months uncovered or find no data — one set-based pass over the fund balances and ind_opening.
 */
async function openingBalanceNotes(tx: Database): Promise<Bilingual[]> {
  const rows = await tx.query<{ region: string; scheme: string; firstMonth: string | null; firstOpening: string | null }>(
    `WITH flows AS (
       SELECT region, split_part(indicator, '.', 2) AS scheme, min(period) AS first_month
       FROM indicator_value WHERE starts_with(indicator, 'FUND_BALANCE.') GROUP BY 1, 2),
     opened AS (SELECT region, scheme, min(effective_from) AS first_opening FROM ind_opening GROUP BY 1, 2)
     SELECT coalesce(f.region, o.region) AS region, coalesce(f.scheme, o.scheme) AS scheme,
            strftime(f.first_month, '%Y-%m') AS "firstMonth", strftime(o.first_opening, '%Y-%m') AS "firstOpening"
     FROM flows f FULL JOIN opened o ON f.region = o.region AND f.scheme = o.scheme
     WHERE o.region IS NOT NULL OR ends_with(f.region, '00')
     ORDER BY 1, 2`,
  );
  const notes: Bilingual[] = [];
  const missing = new Map<string, string[]>();
  for (const r of rows) {
    if (r.firstOpening === null) missing.set(r.region, [...(missing.get(r.region) ?? []), r.scheme]);
    else if (r.firstMonth === null) {
      notes.push({ zh: `${r.region} 险种 ${r.scheme} 配置了期初结存，但没有该基金的收支数据，未使用。`, en: `${r.region} scheme ${r.scheme}: an opening balance is configured but the fund has no income or expenditure data; not used.` });
    } else if (r.firstOpening > r.firstMonth) {
      notes.push({ zh: `${r.region} 险种 ${r.scheme}：${r.firstMonth} 至 ${r.firstOpening} 之前的累计结余不含期初结存。`, en: `${r.region} scheme ${r.scheme}: the accumulated balance from ${r.firstMonth} until ${r.firstOpening} has no opening balance.` });
    } else if (r.firstOpening < r.firstMonth) {
      notes.push({ zh: `${r.region} 险种 ${r.scheme}：期初结存日期 ${r.firstOpening} 早于数据首月 ${r.firstMonth}，其间收支按零计。`, en: `${r.region} scheme ${r.scheme}: the opening balance (${r.firstOpening}) predates the first month of data (${r.firstMonth}); flows in between count as zero.` });
    }
  }
  for (const [region, schemes] of missing) {
    notes.push({
      zh: `${region} 险种 ${schemes.join('、')} 未配置期初结存（data/policy/funds/opening-balance-${region}.json）：累计结余从数据首月起算，可支付月数只反映走势、不反映水平。`,
      en: `${region} schemes ${schemes.join(', ')} have no opening balance (data/policy/funds/opening-balance-${region}.json): accumulated balances start at the first month of data, so months of payouts covered show direction, not level.`,
    });
  }
  return notes;
}

/** Recomputes every indicator from the entity tables. The lead's ingest calls this after each load. */
export async function refreshIndicators(db: Database, clock: Clock, options: RefreshOptions = {}): Promise<RefreshResult> {
  checkOrder();
  const started = performance.now();
  const now = clock.now().toISOString();
  const today = now.slice(0, 10);
  await ensureIndicatorSchema(db);
  const { range, notes } = await db.transaction(async (tx) => {
    const calendar = await buildCalendar(tx, today);
    await loadOpenings(tx, options.openingBalances ?? []);
    await tx.run(`DELETE FROM indicator_value`);
    for (const def of indicatorCatalogue) {
      if ('query' in def.source) await computeBase(tx, def, today, now);
      else await computeDerived(tx, def, now);
    }
    return { range: calendar, notes: await openingBalanceNotes(tx) };
  });
  const [{ rows }] = await db.query<{ rows: number }>(`SELECT count(*) AS rows FROM indicator_value`);
  return { indicators: indicatorCatalogue.length, rows, ...range, elapsedMs: Math.round(performance.now() - started), notes };
}

export function indicatorNamed(code: string): IndicatorDef {
  const def = indicatorByCode.get(code);
  if (def) return def;
  throw new AppError('NOT_FOUND', {
    zh: `没有指标「${code}」：用 renshe indicators list 查看全部指标。`,
    en: `No indicator "${code}": run renshe indicators list to see them all.`,
  });
}

export interface IndicatorSummary {
  code: string;
  regions: number;
  from: string | null;
  to: string | null;
}

export async function readIndicatorSummaries(db: Database): Promise<Map<string, IndicatorSummary>> {
  await ensureIndicatorSchema(db);
  const rows = await db.query<IndicatorSummary>(
    `SELECT indicator AS code, count(DISTINCT region) AS regions, strftime(min(period), '%Y-%m') AS "from", strftime(max(period), '%Y-%m') AS "to"
     FROM indicator_value GROUP BY indicator`,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

export interface IndicatorPoint {
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** One indicator's monthly series for one region, oldest first. */
export async function readIndicatorSeries(db: Database, code: string, region: string): Promise<IndicatorPoint[]> {
  indicatorNamed(code);
  await ensureIndicatorSchema(db);
  return db.query<IndicatorPoint>(
    `SELECT strftime(period, '%Y-%m') AS period, value, numerator, denominator FROM indicator_value
     WHERE indicator = $code AND region = $region ORDER BY period`,
    { code, region },
  );
}

/** The latest value of one indicator in every region, with the region's name when the reference table has it. */
export async function readLatestByRegion(
  db: Database,
  code: string,
): Promise<{ region: string; name: string | null; nameEn: string | null; period: string; value: number }[]> {
  indicatorNamed(code);
  await ensureIndicatorSchema(db);
  const hasRef = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'ref_region'`))[0].n > 0;
  return db.query(
    `SELECT v.region, ${hasRef ? 'r.name' : 'NULL'} AS name, ${await regionNameEnSql(db)} AS "nameEn", strftime(v.period, '%Y-%m') AS period, v.value
     FROM indicator_value v ${hasRef ? 'LEFT JOIN ref_region r ON r.code = v.region' : ''}
     WHERE v.indicator = $code AND v.period = (SELECT max(period) FROM indicator_value WHERE indicator = $code)
     ORDER BY v.region`,
    { code },
  );
}

/** Month after YYYY-MM. */
function nextMonth(period: string): string {
  const i = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7));
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * One region's series with every month from its first to its last: months without a row are 0 for counts and
 * sums and null for ratios, so a forecast never mistakes a quiet month for a missing one.
 */
export async function readCompleteSeries(db: Database, code: string, region: string): Promise<{ period: string; value: number | null }[]> {
  const points = await readIndicatorSeries(db, code, region);
  if (points.length === 0) return [];
  const byPeriod = new Map(points.map((p) => [p.period, p.value]));
  const fill = missingMeansZero(code) ? 0 : null;
  const out: { period: string; value: number | null }[] = [];
  for (let p = points[0].period; p <= points[points.length - 1].period; p = nextMonth(p)) out.push({ period: p, value: byPeriod.get(p) ?? fill });
  return out;
}

/** The regions that have values for an indicator, city level first, with names when known. */
export async function readIndicatorRegions(
  db: Database,
  code: string,
): Promise<{ region: string; name: string | null; nameEn: string | null; level: 'city' | 'county'; months: number }[]> {
  indicatorNamed(code);
  await ensureIndicatorSchema(db);
  const hasRef = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'ref_region'`))[0].n > 0;
  const nameEn = await regionNameEnSql(db);
  return db.query(
    `SELECT v.region, ${hasRef ? 'any_value(r.name)' : 'NULL'} AS name, ${nameEn === 'NULL' ? 'NULL' : `any_value(${nameEn})`} AS "nameEn", CASE WHEN ends_with(v.region, '00') THEN 'city' ELSE 'county' END AS level,
            count(*) AS months
     FROM indicator_value v ${hasRef ? 'LEFT JOIN ref_region r ON r.code = v.region' : ''}
     WHERE v.indicator = $code GROUP BY v.region ORDER BY level, v.region`,
    { code },
  );
}
