import type { Database } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';
import type { ContributionYear } from './pension-estimate.ts';

export interface PensionHistory {
  birthDate: string;
  /** Code list `sex`: '1' male, '2' female. */
  sex: string;
  /** Paid employee-pension (scheme 110) months by year, indexed against the store's average base that year. */
  years: ContributionYear[];
  /** The latest year with any scheme-110 contribution in the store, and its average monthly base. */
  latestReference: { year: number; avgBase: number } | null;
}

/**
 * A person's employee-pension history. The index denominator is the average base of every contributor in the
 * store that year: the bureau's own proxy for the local average wage, consistent with its own bases.
 */
export async function readPensionHistory(db: Database, idNumber: string): Promise<PensionHistory> {
  const people = await db.query<{ birth_date: string; sex: string }>(
    `SELECT CAST(birth_date AS VARCHAR) AS birth_date, sex FROM person WHERE id_number = $id LIMIT 1`,
    { id: idNumber },
  );
  if (people.length === 0) {
    throw new AppError('NOT_FOUND', { zh: '库中没有此人员，请核对身份证号码。', en: 'No such person in the store; check the ID number.' });
  }
  const years = await db.query<{ year: number; months: number; avg_base: number; reference: number }>(
    `WITH mine AS (
       SELECT year(period) AS year, count(*) AS months, avg(base) AS avg_base
       FROM contribution WHERE id_number = $id AND scheme = '110' AND paid_date IS NOT NULL GROUP BY year(period)),
     ref AS (
       SELECT year(period) AS year, avg(base) AS reference
       FROM contribution WHERE scheme = '110' AND year(period) IN (SELECT year FROM mine) GROUP BY year(period))
     SELECT mine.year AS year, mine.months AS months, CAST(mine.avg_base AS DOUBLE) AS avg_base,
            CAST(ref.reference AS DOUBLE) AS reference
     FROM mine JOIN ref ON ref.year = mine.year ORDER BY mine.year`,
    { id: idNumber },
  );
  const latest = await db.query<{ year: number | null; avg_base: number | null }>(
    `WITH y AS (SELECT max(year(period)) AS year FROM contribution WHERE scheme = '110')
     SELECT y.year AS year, CAST(avg(c.base) AS DOUBLE) AS avg_base
     FROM y LEFT JOIN contribution c ON c.scheme = '110' AND year(c.period) = y.year GROUP BY y.year`,
  );
  return {
    birthDate: people[0].birth_date,
    sex: people[0].sex,
    years: years.map((r) => ({ year: r.year, months: r.months, avgBase: r.avg_base, referenceWage: r.reference })),
    latestReference: latest[0]?.year != null && latest[0].avg_base != null ? { year: latest[0].year, avgBase: latest[0].avg_base } : null,
  };
}
