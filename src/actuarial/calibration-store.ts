import type { Database } from '../platform/database.ts';

/** Base-year figures of the bureau's own employee pension, from the store (full-year equivalents). */
export interface PensionCalibration {
  year: number;
  months: number;
  contributors: number;
  contributorPersons: number;
  avgMonthlyBase: number;
  retirees: number;
  avgMonthlyPension: number | null;
}

/**
 * The latest complete year of scheme-110 contributions (else the latest year, or `year`): paid person-months ÷
 * months present, and averages.
 */
export async function readPensionCalibration(db: Database, year?: number): Promise<PensionCalibration | null> {
  const rows = await db.query<{ year: number | null; months: number; person_months: number; persons: number; avg_base: number | null }>(
    `WITH m AS (
       SELECT year(period) AS y, count(DISTINCT period) AS months FROM contribution
       WHERE scheme = '110' AND paid_date IS NOT NULL GROUP BY year(period)),
     y AS (SELECT coalesce($year, (SELECT max(y) FROM m WHERE months = 12), (SELECT max(y) FROM m)) AS year)
     SELECT y.year AS year, count(DISTINCT c.period) AS months, count(c.period) AS person_months,
            count(DISTINCT c.id_number) AS persons, CAST(avg(c.base) AS DOUBLE) AS avg_base
     FROM y LEFT JOIN contribution c ON c.scheme = '110' AND c.paid_date IS NOT NULL AND year(c.period) = y.year
     GROUP BY y.year`,
    { year: year ?? null },
  );
  const r = rows[0];
  if (!r || r.year === null || r.months === 0 || r.avg_base === null) return null;
  const pensions = await db.query<{ months: number; person_months: number; avg_amount: number | null }>(
    `SELECT count(DISTINCT period) AS months, count(*) AS person_months, CAST(avg(amount) AS DOUBLE) AS avg_amount
     FROM benefit WHERE benefit_type = 'pension' AND year(period) = $year`,
    { year: r.year },
  );
  const b = pensions[0];
  return {
    year: r.year,
    months: r.months,
    contributors: r.person_months / r.months,
    contributorPersons: r.persons,
    avgMonthlyBase: r.avg_base,
    retirees: b && b.months > 0 ? b.person_months / b.months : 0,
    avgMonthlyPension: b?.avg_amount ?? null,
  };
}

export interface MedicalComponentRow {
  level: string;
  setting: 'inpatient' | 'outpatient';
  cases: number;
  totalCost: number;
  fundPaid: number;
}

export interface MedicalCalibration {
  year: number;
  /** Months with settlements in that year; figures below are annualised (× 12 / months). */
  months: number;
  insured: number;
  avgMonthlyBase: number | null;
  components: MedicalComponentRow[];
  /** Fund paid and insured persons by single age (from birth dates) and sex code, for the cost curve. */
  byAge: { age: number; sex: string; insured: number; fundPaid: number }[];
  /** The diagnosis groups with the largest fund spending, by hospital level. */
  diagnosisGroups: { level: string; group: string; cases: number; totalCost: number; fundPaid: number }[];
}

/**
 * Employee medical (scheme 310) settlements of one year aggregated in SQL, with the insured: people whose latest
 * scheme-310 enrolment row on or before the year's end is active.
 */
export async function readMedicalCalibration(db: Database, year?: number, topGroups = 20): Promise<MedicalCalibration | null> {
  const ys = await db.query<{ year: number | null; months: number | null }>(
    `WITH m AS (SELECT year(settle_date) AS y, count(DISTINCT month(settle_date)) AS months FROM medical_settlement
                WHERE scheme = '310' GROUP BY year(settle_date)),
     y AS (SELECT coalesce($year, (SELECT max(y) FROM m WHERE months = 12), (SELECT max(y) FROM m)) AS year)
     SELECT y.year AS year, m.months AS months FROM y LEFT JOIN m ON m.y = y.year`,
    { year: year ?? null },
  );
  const y = ys[0]?.year;
  if (y === null || y === undefined || !ys[0].months) return null;
  // A partial year is annualised: settlements scale by 12 / months present, the insured count does not.
  const annual = 12 / ys[0].months;
  const insuredCte = `insured AS (
       SELECT id_number FROM enrolment
       WHERE scheme = '310' AND effective_date <= make_date($year, 12, 31)
       QUALIFY row_number() OVER (PARTITION BY id_number ORDER BY effective_date DESC) = 1 AND status = 'active')`;
  const components = await db.query<{ level: string; inpatient: boolean; cases: number; total: number; fund: number }>(
    `SELECT hospital_level AS level, inpatient, count(*) AS cases, CAST(sum(total_cost) AS DOUBLE) AS total,
            CAST(sum(fund_paid) AS DOUBLE) AS fund
     FROM medical_settlement WHERE scheme = '310' AND year(settle_date) = $year
     GROUP BY hospital_level, inpatient ORDER BY level, inpatient`,
    { year: y },
  );
  const byAge = await db.query<{ age: number; sex: string; insured: number; fund: number }>(
    `WITH ${insuredCte},
     ages AS (
       SELECT i.id_number, p.sex, least(100, greatest(0, $year - year(p.birth_date))) AS age
       FROM insured i JOIN person p ON p.id_number = i.id_number),
     spend AS (
       SELECT id_number, sum(fund_paid) AS fund FROM medical_settlement
       WHERE scheme = '310' AND year(settle_date) = $year GROUP BY id_number)
     SELECT a.age AS age, a.sex AS sex, count(*) AS insured, CAST(coalesce(sum(s.fund), 0) AS DOUBLE) AS fund
     FROM ages a LEFT JOIN spend s ON s.id_number = a.id_number GROUP BY a.age, a.sex ORDER BY a.age, a.sex`,
    { year: y },
  );
  const groups = await db.query<{ level: string; grp: string; cases: number; total: number; fund: number }>(
    `SELECT hospital_level AS level, coalesce(diagnosis_group, '(无分组 none)') AS grp, count(*) AS cases,
            CAST(sum(total_cost) AS DOUBLE) AS total, CAST(sum(fund_paid) AS DOUBLE) AS fund
     FROM medical_settlement WHERE scheme = '310' AND year(settle_date) = $year
     GROUP BY hospital_level, coalesce(diagnosis_group, '(无分组 none)') ORDER BY fund DESC LIMIT $top`,
    { year: y, top: topGroups },
  );
  const base = await db.query<{ avg_base: number | null }>(
    `SELECT CAST(avg(base) AS DOUBLE) AS avg_base FROM contribution WHERE scheme = '310' AND year(period) = $year`,
    { year: y },
  );
  return {
    year: y,
    insured: byAge.reduce((a, r) => a + r.insured, 0),
    avgMonthlyBase: base[0]?.avg_base ?? null,
    months: ys[0].months,
    components: components.map((c) => ({ level: c.level, setting: c.inpatient ? 'inpatient' : 'outpatient', cases: c.cases * annual, totalCost: c.total * annual, fundPaid: c.fund * annual })),
    byAge: byAge.map((r) => ({ age: r.age, sex: r.sex, insured: r.insured, fundPaid: r.fund * annual })),
    diagnosisGroups: groups.map((g) => ({ level: g.level, group: g.grp, cases: g.cases * annual, totalCost: g.total * annual, fundPaid: g.fund * annual })),
  };
}
