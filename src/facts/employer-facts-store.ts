import { calendarCte } from './contribution-groups-store.ts';
import { gradeCOutcomes, penaltyOutcomes } from './employer-facts.ts';

/**
 * Set-based SQL for `employer_fact`: blocks aggregated by credit_code (contributions through the shared
 * `fact_contribution_group`) and joined to `employer`. Bound parameter: $as_of. Column names come from the fact catalogue (checked by a test).
 */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const openAt = (at: string) => `(e.start_date <= ${at} AND (e.end_date IS NULL OR e.end_date >= ${at}))`;

const staffCte = `staff AS (
  SELECT e.credit_code,
    count(DISTINCT e.id_number) FILTER (WHERE ${openAt('cal.a')}) AS headcount,
    count(DISTINCT e.id_number) FILTER (WHERE ${openAt('cal.a12')}) AS headcount_12m_ago
  FROM employment e, cal GROUP BY e.credit_code
)`;

/** Contribution figures come from the shared per-person-employer-region groups, not a second pass. */
const paymentsCte = `payments AS (
  SELECT g.credit_code,
    count(DISTINCT g.id_number) FILTER (WHERE g.due_110_m2) AS insured_persons,
    sum(g.on_time_12m) AS on_time_12m,
    sum(g.due_12m) AS due_12m,
    sum(g.owed_amount) AS arrears_amount,
    count(DISTINCT g.id_number) FILTER (WHERE g.owed_amount IS NOT NULL) AS arrears_persons,
    len(list_distinct(flatten(list(g.owed_periods)))) AS arrears_months
  FROM fact_contribution_group g WHERE g.credit_code IS NOT NULL GROUP BY g.credit_code
)`;

const filedWithin = (col: string, lower: string) => `(${col} > cal.${lower} AND ${col} <= cal.a)`;
const relationsCte = `disputes AS (
  SELECT d.credit_code,
    count(*) FILTER (WHERE ${filedWithin('d.filed_date', 'a12')}) AS disputes_12m,
    count(*) FILTER (WHERE ${filedWithin('d.filed_date', 'a36')}) AS disputes_36m,
    count(*) FILTER (WHERE ${filedWithin('d.filed_date', 'a12')} AND d.category = 'wages') AS wage_disputes_12m,
    count(*) FILTER (WHERE ${filedWithin('d.filed_date', 'a36')} AND d.outcome = 'award_worker') AS disputes_lost_36m
  FROM arbitration_case d, cal GROUP BY d.credit_code
), complaints AS (
  SELECT w.credit_code,
    count(*) FILTER (WHERE ${filedWithin('w.filed_date', 'a12')}) AS wage_complaints_12m,
    count(*) FILTER (WHERE w.filed_date <= cal.a AND (w.resolved_date IS NULL OR w.resolved_date > cal.a)) AS open_wage_complaints,
    sum(w.amount) FILTER (WHERE ${filedWithin('w.filed_date', 'a12')}) AS wage_complaint_amount_12m
  FROM wage_arrears_complaint w, cal GROUP BY w.credit_code
), inspections AS (
  SELECT i.credit_code,
    count(*) FILTER (WHERE ${filedWithin('i.opened_date', 'a36')}) AS inspections_36m,
    count(*) FILTER (WHERE ${filedWithin('i.opened_date', 'a36')} AND i.violation <> 'none') AS violations_36m,
    count(*) FILTER (WHERE i.opened_date BETWEEN cal.prev_year_start AND cal.prev_year_end
                     AND i.outcome IN (${list(penaltyOutcomes)})) AS penalties_prev_year,
    count(*) FILTER (WHERE i.opened_date BETWEEN cal.prev_year_start AND cal.prev_year_end
                     AND (i.outcome IN (${list(gradeCOutcomes)}) OR (i.violation = 'child_labour' AND i.outcome = 'penalised'))) AS serious_violations_prev_year
  FROM inspection_case i, cal GROUP BY i.credit_code
), vacancies AS (
  SELECT v.credit_code, count(*) AS open_vacancies, sum(v.positions) AS open_positions
  FROM vacancy v, cal WHERE v.posted_date <= cal.a AND (v.closed_date IS NULL OR v.closed_date >= cal.a)
  GROUP BY v.credit_code
)`;

const int = (expr: string) => `CAST(coalesce(${expr}, 0) AS INTEGER)`;

export const employerFactSelect = `WITH ${[calendarCte, staffCte, paymentsCte, relationsCte].join(',\n')}
SELECT r.credit_code, r.industry, r.ownership, r.size, r.region, r.registered_date,
  date_sub('year', r.registered_date, cal.a) AS company_age_years,
  r.registered_date <= cal.a AND (r.deregistered_date IS NULL OR r.deregistered_date > cal.a) AS active,
  ${int('st.headcount')} AS headcount,
  ${int('st.headcount_12m_ago')} AS headcount_12m_ago,
  ${int('st.headcount')} - ${int('st.headcount_12m_ago')} AS headcount_change_12m,
  CAST((st.headcount - st.headcount_12m_ago) / nullif(st.headcount_12m_ago, 0) AS DOUBLE) AS headcount_change_pct_12m,
  ${int('pm.insured_persons')} AS insured_persons,
  CAST(pm.insured_persons / nullif(st.headcount, 0) AS DOUBLE) AS insured_share,
  CAST(pm.on_time_12m / nullif(pm.due_12m, 0) AS DOUBLE) AS compliance_rate_12m,
  CAST(coalesce(pm.arrears_amount, 0) AS DOUBLE) AS arrears_amount,
  ${int('pm.arrears_persons')} AS arrears_persons,
  ${int('pm.arrears_months')} AS arrears_months,
  ${int('d.disputes_12m')} AS disputes_12m,
  ${int('d.disputes_36m')} AS disputes_36m,
  ${int('d.wage_disputes_12m')} AS wage_disputes_12m,
  ${int('d.disputes_lost_36m')} AS disputes_lost_36m,
  ${int('w.wage_complaints_12m')} AS wage_complaints_12m,
  ${int('w.open_wage_complaints')} AS open_wage_complaints,
  CAST(coalesce(w.wage_complaint_amount_12m, 0) AS DOUBLE) AS wage_complaint_amount_12m,
  ${int('i.inspections_36m')} AS inspections_36m,
  ${int('i.violations_36m')} AS violations_36m,
  ${int('i.penalties_prev_year')} AS penalties_prev_year,
  ${int('i.serious_violations_prev_year')} AS serious_violations_prev_year,
  ${int('v.open_vacancies')} AS open_vacancies,
  ${int('v.open_positions')} AS open_positions
FROM employer r CROSS JOIN cal
LEFT JOIN staff st ON st.credit_code = r.credit_code
LEFT JOIN payments pm ON pm.credit_code = r.credit_code
LEFT JOIN disputes d ON d.credit_code = r.credit_code
LEFT JOIN complaints w ON w.credit_code = r.credit_code
LEFT JOIN inspections i ON i.credit_code = r.credit_code
LEFT JOIN vacancies v ON v.credit_code = r.credit_code
WHERE r.registered_date <= cal.a`;
