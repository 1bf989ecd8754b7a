import type { Database } from '../platform/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { TagCatalogue } from '../tags/tag-catalogue.ts';
import { hasRegionNamesEn } from '../reference/reference-store.ts';
import { readProfileBasis, tableExists, type ProfileBasis } from './profile-basis-store.ts';

export interface EmployerProfile extends ProfileBasis {
  employer: Record<string, unknown>;
  /** Per month of the last 36: staff with an open spell at month end, and persons contributed for (scheme 110). */
  headcountTrend: { month: string; headcount: number; contributors: number }[];
  compliance: { year: number; due: number; on_time: number; late: number; unpaid: number; amount_due: number; amount_unpaid: number }[];
  arrears: { months: number; persons: number; amount: number };
  disputes: Record<string, unknown>[];
  inspections: Record<string, unknown>[];
  complaints: Record<string, unknown>[];
  vacancies: Record<string, unknown>[];
}

/** An employer as a whole (单位画像); no personal data of its staff is returned, only counts. */
export async function readEmployerProfile(db: Database, catalogue: TagCatalogue, code: string, clock: Clock): Promise<EmployerProfile | null> {
  const p = { code };
  const refs = (await tableExists(db, 'ref_region')) && (await tableExists(db, 'ref_industry'));
  const [employer] = await db.query(
    `SELECT e.credit_code, e.name, e.industry, ${refs ? '(SELECT i.name_zh FROM ref_industry i WHERE i.code = e.industry)' : 'NULL'} AS industry_name,
            e.ownership, e.region, ${refs ? '(SELECT r.name FROM ref_region r WHERE r.code = e.region)' : 'NULL'} AS region_name,
            ${(await hasRegionNamesEn(db)) ? '(SELECT r.name_en FROM ref_region r WHERE r.code = e.region)' : 'NULL'} AS region_name_en,
            e.registered_date, e.deregistered_date, e.size, e.injury_risk_class
     FROM employer e WHERE e.credit_code = $code`,
    p,
  );
  if (!employer) return null;
  const basis = await readProfileBasis(db, catalogue, 'employer', code, clock);
  const q = { ...p, as_of: basis.asOf };
  const headcountTrend = await db.query<EmployerProfile['headcountTrend'][number]>(
    `WITH months AS (
       SELECT CAST(m AS DATE) AS month, CAST(m + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS month_end
       FROM range(CAST(date_trunc('month', $as_of::DATE) - INTERVAL 35 MONTH AS TIMESTAMP), CAST(date_trunc('month', $as_of::DATE) + INTERVAL 1 MONTH AS TIMESTAMP), INTERVAL 1 MONTH) t(m)
     ), staff AS (
       SELECT m.month, count(DISTINCT e.id_number) AS headcount FROM months m JOIN employment e
         ON e.credit_code = $code AND e.start_date <= m.month_end AND (e.end_date IS NULL OR e.end_date >= m.month_end)
       GROUP BY m.month
     ), paid AS (
       SELECT period AS month, count(DISTINCT id_number) AS contributors FROM contribution
       WHERE credit_code = $code AND scheme = '110' GROUP BY period
     )
     SELECT strftime(m.month, '%Y-%m') AS month, coalesce(s.headcount, 0) AS headcount, coalesce(p.contributors, 0) AS contributors
     FROM months m LEFT JOIN staff s USING (month) LEFT JOIN paid p USING (month) ORDER BY m.month`,
    q,
  );
  const compliance = await db.query<EmployerProfile['compliance'][number]>(
    `SELECT year(period) AS year, count(*) AS due,
            count(*) FILTER (WHERE paid_date <= due_date) AS on_time,
            count(*) FILTER (WHERE paid_date > due_date AND paid_date <= $as_of::DATE) AS late,
            count(*) FILTER (WHERE paid_date IS NULL OR paid_date > $as_of::DATE) AS unpaid,
            CAST(sum(employer_amount + personal_amount) AS DOUBLE) AS amount_due,
            CAST(coalesce(sum(employer_amount + personal_amount) FILTER (WHERE paid_date IS NULL OR paid_date > $as_of::DATE), 0) AS DOUBLE) AS amount_unpaid
     FROM contribution WHERE credit_code = $code AND due_date <= $as_of::DATE GROUP BY ALL ORDER BY year DESC`,
    q,
  );
  const [arrears] = await db.query<EmployerProfile['arrears']>(
    `SELECT count(DISTINCT period) AS months, count(DISTINCT id_number) AS persons,
            CAST(coalesce(sum(employer_amount + personal_amount), 0) AS DOUBLE) AS amount
     FROM contribution WHERE credit_code = $code AND due_date <= $as_of::DATE AND (paid_date IS NULL OR paid_date > $as_of::DATE)`,
    q,
  );
  return {
    ...basis,
    employer,
    headcountTrend,
    compliance,
    arrears,
    disputes: await db.query(
      `SELECT case_no, filed_date, category, CAST(amount_claimed AS DOUBLE) AS amount_claimed, outcome, closed_date
       FROM arbitration_case WHERE credit_code = $code AND filed_date <= $as_of::DATE ORDER BY filed_date DESC LIMIT 200`,
      q,
    ),
    inspections: await db.query(
      `SELECT case_no, opened_date, source, violation, outcome, CAST(penalty_amount AS DOUBLE) AS penalty_amount, workers_affected, closed_date
       FROM inspection_case WHERE credit_code = $code AND opened_date <= $as_of::DATE ORDER BY opened_date DESC LIMIT 200`,
      q,
    ),
    complaints: await db.query(
      `SELECT complaint_no, filed_date, workers, CAST(amount AS DOUBLE) AS amount, status, resolved_date
       FROM wage_arrears_complaint WHERE credit_code = $code AND filed_date <= $as_of::DATE ORDER BY filed_date DESC LIMIT 200`,
      q,
    ),
    vacancies: await db.query(
      `SELECT vacancy_id, occupation, positions, CAST(wage_min AS DOUBLE) AS wage_min, CAST(wage_max AS DOUBLE) AS wage_max, education,
              posted_date, closed_date, region
       FROM vacancy WHERE credit_code = $code AND posted_date <= $as_of::DATE ORDER BY posted_date DESC LIMIT 200`,
      q,
    ),
  };
}
