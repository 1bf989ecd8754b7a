import type { QueryName, DerivedName } from './indicator-catalogue.ts';

/**
 * The named SQL sources of the indicators. Base queries read the entity tables and yield
 * (region, period, num, den) per county-level region and month, over the temporary calendar `ind_month`
 * (period = first day, month_end = last day). All counting of people is by distinct resident ID number.
 * Derived queries read `indicator_value` and produce (region, period, value, num, den) for every region level.
 * Parameters are bound, never spliced: $scheme, $window (months), $as_of (date), $a and $b (indicator codes).
 * Derived queries may also read `ind_opening` (fund opening balances by region, scheme and date).
 */
export interface NamedQuery {
  sql: string;
  params: ('scheme' | 'window' | 'as_of')[];
}

const openAtMonthEnd = (alias: string, start: string, end: string) =>
  `${alias}.${start} <= m.month_end AND (${alias}.${end} IS NULL OR ${alias}.${end} > m.month_end)`;

const monthOf = (expr: string) => `CAST(date_trunc('month', ${expr}) AS DATE)`;

const unemployedAtMonthEnd = `
  SELECT j.region, m.period, count(DISTINCT j.id_number) AS n
  FROM job_seeker j JOIN ind_month m ON ${openAtMonthEnd('j', 'registered_date', 'ended_date')}
  WHERE j.registration_type = 'unemployed'
  GROUP BY j.region, m.period`;

const seekersAtMonthEnd = `
  SELECT j.region, m.period, count(DISTINCT j.id_number) AS n
  FROM job_seeker j JOIN ind_month m ON ${openAtMonthEnd('j', 'registered_date', 'ended_date')}
  GROUP BY j.region, m.period`;

const positionsAtMonthEnd = `
  SELECT v.region, m.period, sum(v.positions) AS n
  FROM vacancy v JOIN ind_month m ON ${openAtMonthEnd('v', 'posted_date', 'closed_date')}
  GROUP BY v.region, m.period`;

const count = (inner: string) => `SELECT region, period, n::DOUBLE AS num, NULL::DOUBLE AS den FROM (${inner})`;

export const baseQueries: Record<QueryName, NamedQuery> = {
  registered_unemployed: { sql: count(unemployedAtMonthEnd), params: [] },
  active_job_seekers: { sql: count(seekersAtMonthEnd), params: [] },
  open_positions: { sql: count(positionsAtMonthEnd), params: [] },
  registered_unemployment_rate: {
    sql: `WITH u AS (${unemployedAtMonthEnd}),
      c AS (SELECT c.region, c.period, count(DISTINCT c.id_number) AS n
            FROM contribution c JOIN ind_month m ON c.period = m.period WHERE c.scheme = '110' GROUP BY c.region, c.period)
      SELECT coalesce(u.region, c.region) AS region, coalesce(u.period, c.period) AS period,
             coalesce(u.n, 0)::DOUBLE AS num, (coalesce(u.n, 0) + coalesce(c.n, 0))::DOUBLE AS den
      FROM u FULL JOIN c ON u.region = c.region AND u.period = c.period`,
    params: [],
  },
  vacancies_per_job_seeker: {
    sql: `WITH v AS (${positionsAtMonthEnd}), s AS (${seekersAtMonthEnd})
      SELECT coalesce(v.region, s.region) AS region, coalesce(v.period, s.period) AS period,
             coalesce(v.n, 0)::DOUBLE AS num, coalesce(s.n, 0)::DOUBLE AS den
      FROM v FULL JOIN s ON v.region = s.region AND v.period = s.period`,
    params: [],
  },
  new_unemployment_registrations: {
    sql: count(`SELECT j.region, m.period, count(DISTINCT j.id_number) AS n
      FROM job_seeker j JOIN ind_month m ON ${monthOf('j.registered_date')} = m.period
      WHERE j.registration_type = 'unemployed' GROUP BY j.region, m.period`),
    params: [],
  },
  new_jobs: {
    sql: count(`SELECT r.region, m.period, count(*) AS n
      FROM employment e JOIN employer r ON r.credit_code = e.credit_code
      JOIN ind_month m ON ${monthOf('e.start_date')} = m.period GROUP BY r.region, m.period`),
    params: [],
  },
  involuntary_separations: {
    sql: count(`SELECT r.region, m.period, count(DISTINCT e.id_number) AS n
      FROM employment e JOIN employer r ON r.credit_code = e.credit_code
      JOIN ind_month m ON ${monthOf('e.end_date')} = m.period
      WHERE e.separation_reason = 'involuntary' GROUP BY r.region, m.period`),
    params: [],
  },
  // Status history → spans [effective_date, next change); a person has one span at a time per scheme.
  insured_persons: {
    sql: count(`WITH spans AS (
        SELECT id_number, region, status, effective_date AS start_date,
               lead(effective_date) OVER (PARTITION BY id_number, scheme ORDER BY effective_date) AS end_date
        FROM enrolment WHERE scheme = $scheme)
      SELECT s.region, m.period, count(DISTINCT s.id_number) AS n
      FROM spans s JOIN ind_month m ON ${openAtMonthEnd('s', 'start_date', 'end_date')}
      WHERE s.status IN ('active', 'suspended') GROUP BY s.region, m.period`),
    params: ['scheme'],
  },
  contributors: {
    sql: count(`SELECT c.region, m.period, count(DISTINCT c.id_number) AS n
      FROM contribution c JOIN ind_month m ON c.period <= m.period AND c.period > m.period - to_months($window::INTEGER)
      WHERE c.scheme = $scheme GROUP BY c.region, m.period`),
    params: ['scheme', 'window'],
  },
  fund_income: {
    sql: `SELECT c.region, m.period, sum(c.employer_amount + c.personal_amount)::DOUBLE AS num, NULL::DOUBLE AS den
      FROM contribution c JOIN ind_month m ON ${monthOf('c.paid_date')} = m.period
      WHERE c.scheme = $scheme AND c.paid_date IS NOT NULL GROUP BY c.region, m.period`,
    params: ['scheme'],
  },
  fund_expenditure: {
    sql: `WITH paid AS (
        SELECT b.region, b.period, b.amount FROM benefit b JOIN ind_benefit_fund f ON f.benefit_type = b.benefit_type
        WHERE f.scheme = $scheme
        UNION ALL
        SELECT s.region, ${monthOf('s.settle_date')} AS period, s.fund_paid AS amount FROM medical_settlement s WHERE s.scheme = $scheme)
      SELECT p.region, m.period, sum(p.amount)::DOUBLE AS num, NULL::DOUBLE AS den
      FROM paid p JOIN ind_month m ON p.period = m.period GROUP BY p.region, m.period`,
    params: ['scheme'],
  },
  average_contribution_base: {
    sql: `SELECT c.region, m.period, sum(c.base)::DOUBLE AS num, count(*)::DOUBLE AS den
      FROM contribution c JOIN ind_month m ON c.period = m.period WHERE c.scheme = $scheme GROUP BY c.region, m.period`,
    params: ['scheme'],
  },
  arrears_rate: {
    sql: `SELECT c.region, m.period,
             sum(CASE WHEN c.paid_date IS NULL THEN c.employer_amount + c.personal_amount ELSE 0 END)::DOUBLE AS num,
             sum(c.employer_amount + c.personal_amount)::DOUBLE AS den
      FROM contribution c JOIN ind_month m ON c.period = m.period
      WHERE c.due_date < $as_of::DATE GROUP BY c.region, m.period`,
    params: ['as_of'],
  },
};

/** Derived values for every region level; $a and $b name the input indicators. */
export const derivedQueries: Record<DerivedName, string> = {
  year_on_year_growth: `
    SELECT a.region, a.period, 100 * (a.value / b.value - 1) AS value, a.value AS num, b.value AS den
    FROM indicator_value a JOIN indicator_value b
      ON b.indicator = a.indicator AND b.region = a.region AND b.period = CAST(a.period - INTERVAL 12 MONTH AS DATE)
    WHERE a.indicator = $a AND b.value <> 0`,
  difference: `
    WITH a AS (SELECT region, period, value FROM indicator_value WHERE indicator = $a),
         b AS (SELECT region, period, value FROM indicator_value WHERE indicator = $b)
    SELECT coalesce(a.region, b.region) AS region, coalesce(a.period, b.period) AS period,
           coalesce(a.value, 0) - coalesce(b.value, 0) AS value, coalesce(a.value, 0) AS num, coalesce(b.value, 0) AS den
    FROM a FULL JOIN b ON a.region = b.region AND a.period = b.period`,
  // Each month takes the latest opening balance of its region and scheme dated on or before it (ind_opening,
  // loaded from data/policy/funds) and adds the balances since that date; months before any opening balance
  // (or regions without one) accumulate from the first month of data. den records the opening balance used.
  cumulative_from_opening: `
    WITH b AS (SELECT region, period, value FROM indicator_value WHERE indicator = $a),
         o AS (SELECT region, effective_from, amount FROM ind_opening WHERE scheme = $scheme),
         anchored AS (
           SELECT b.region, b.period, b.value, o.effective_from AS anchor, o.amount AS opening
           FROM b ASOF LEFT JOIN o ON o.region = b.region AND b.period >= o.effective_from)
    SELECT region, period, coalesce(opening, 0) + sum(value) OVER (PARTITION BY region, anchor ORDER BY period) AS value,
           value AS num, opening AS den
    FROM anchored`,
  // Months in the calendar window, not rows present: a month without payouts counts as zero expenditure.
  cover_months: `
    SELECT r.region, r.period, r.value / (sum(e.value) / any_value(w.months)) AS value, r.value AS num,
           sum(e.value) / any_value(w.months) AS den
    FROM indicator_value r
    JOIN (SELECT m.period, (SELECT count(*) FROM ind_month x WHERE x.period > m.period - INTERVAL 12 MONTH AND x.period <= m.period) AS months
          FROM ind_month m) w ON w.period = r.period
    JOIN indicator_value e ON e.indicator = $b AND e.region = r.region
      AND e.period > r.period - INTERVAL 12 MONTH AND e.period <= r.period
    WHERE r.indicator = $a
    GROUP BY r.region, r.period, r.value
    HAVING sum(e.value) > 0`,
};
