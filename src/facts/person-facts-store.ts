import { contributionWindows, monthlySchemes } from './person-facts.ts';
import { calendarCte, maskSchemes, windowMask } from './contribution-groups-store.ts';

/**
 * Set-based SQL for `person_fact`: each block aggregates one person-keyed table (contributions through the
 * pre-grouped `fact_contribution_group`) with GROUP BY id_number, and the final SELECT joins them to `person`. No correlated subqueries and no row loops, so the same statement can
 * run sharded by person on a distributed engine. Bound parameters: $as_of (DATE text), $city (4-digit prefix or
 * NULL). Column names all come from the fact catalogue (checked by a test).
 */
/** This city: the build option, or the prefecture where most employers are registered. */
const homeCte = `home AS (
  SELECT coalesce(CAST($city AS VARCHAR),
    (SELECT substr(region, 1, 4) FROM employer WHERE region IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)) AS city
)`;


const contributionCte = `contrib AS (
  SELECT id_number,
    ${[...maskSchemes.map((s) => `mask_${s}`), 'mask_employee', 'mask_all'].map((m) => `bit_or(${m}) AS ${m}`).join(', ')},
    count(DISTINCT region) FILTER (WHERE in24) AS distinct_regions_24m,
    max(last_paid_period) AS last_paid_period,
    sum(back_payments_12m) AS back_payments_12m,
    len(list_distinct(flatten(list(owed_periods)))) AS arrears_months,
    sum(owed_amount) AS arrears_amount
  FROM fact_contribution_group GROUP BY id_number
)`;

const employersCte = `employers24 AS (
  SELECT id_number, count(DISTINCT credit_code) AS distinct_employers_24m FROM (
    SELECT id_number, credit_code FROM fact_contribution_group WHERE in24 AND credit_code IS NOT NULL
    UNION ALL
    SELECT e.id_number, e.credit_code FROM employment e, cal
    WHERE e.start_date <= cal.a AND (e.end_date IS NULL OR e.end_date >= cal.a24)
  ) GROUP BY id_number
)`;

/**
 * Per scheme, the latest status row as one small integer (0 not active, 1 active, 2 active and flexible),
 * found as max(day number × 4 + state): a plain max is much cheaper than arg_max over millions of rows.
 */
const enrolmentStates = ['110', '170', '310', '390', '210', '410', '510'] as const;
const enrolmentCte = `enrol AS (
  SELECT n.id_number,
    ${enrolmentStates.map((s) => `max(n.day * 4 + n.state) FILTER (WHERE n.scheme = '${s}') % 4 AS state_${s}`).join(',\n    ')}
  FROM (
    SELECT e.id_number, e.scheme, date_diff('day', DATE '1970-01-01', e.effective_date) AS day,
      CASE WHEN e.status = 'active' THEN CASE WHEN e.flexible THEN 2 ELSE 1 END ELSE 0 END AS state
    FROM enrolment e, cal WHERE e.effective_date <= cal.a
  ) n GROUP BY n.id_number
)`;

const openSpell = `(e.start_date <= cal.a AND (e.end_date IS NULL OR e.end_date >= cal.a))`;
const jobCte = `job AS (
  SELECT e.id_number,
    bool_or(${openSpell}) AS employed,
    arg_max(e.credit_code, e.start_date) FILTER (WHERE ${openSpell}) AS current_employer,
    arg_max(e.monthly_wage, e.start_date) FILTER (WHERE ${openSpell}) AS current_wage,
    arg_max(e.contract_type, e.start_date) FILTER (WHERE ${openSpell}) AS current_contract_type,
    max(e.start_date) FILTER (WHERE ${openSpell}) AS employment_start_date,
    min(e.start_date) FILTER (WHERE e.start_date <= cal.a) AS first_employment_date,
    count(*) FILTER (WHERE e.start_date <= cal.a AND (e.end_date IS NULL OR e.end_date >= cal.a24)) AS employment_spells_24m
  FROM employment e, cal GROUP BY e.id_number
)`;

const businessCte = `business AS (
  SELECT b.rep AS id_number, bool_or(b.individual) AS self_employed,
    bool_or(b.registered_date > cal.a12) AS new_business_12m
  FROM (
    SELECT legal_rep_id_number AS rep, coalesce(self_employed, false) AS individual, registered_date FROM business_registration
    UNION ALL
    SELECT legal_rep_id_number, ownership = 'individual' AND deregistered_date IS NULL, registered_date FROM employer
  ) b, cal
  WHERE b.rep IS NOT NULL AND b.registered_date <= cal.a GROUP BY b.rep
)`;

const openRegistration = `(j.registered_date <= cal.a AND (j.ended_date IS NULL OR j.ended_date >= cal.a))`;
const seekerCte = `seeker AS (
  SELECT j.id_number,
    bool_or(j.registration_type = 'unemployed' AND ${openRegistration}) AS registered_unemployed,
    min(j.registered_date) FILTER (WHERE j.registration_type = 'unemployed' AND ${openRegistration}) AS unemployed_since,
    bool_or(${openRegistration}) AS job_seeker,
    bool_or(coalesce(j.wants_business, false) AND (${openRegistration} OR j.registered_date > cal.a12)) AS wants_business
  FROM job_seeker j, cal WHERE j.registered_date <= cal.a GROUP BY j.id_number
)`;

const pensionType = `b.benefit_type IN ('pension', 'resident_pension')`;
const benefitCte = `benefits AS (
  SELECT b.id_number,
    bool_or(${pensionType} AND b.period BETWEEN cal.m3 AND cal.m) AS pension_drawn,
    arg_max(b.amount, b.period) FILTER (WHERE ${pensionType} AND b.period <= cal.m) AS pension_monthly,
    bool_or(b.benefit_type = 'unemployment' AND b.period BETWEEN cal.m2 AND cal.m) AS unemployment_benefit
  FROM benefit b, cal GROUP BY b.id_number
)`;

const skillsCte = `training AS (
  SELECT t.id_number,
    count(*) FILTER (WHERE t.completed AND t.enrolled_date <= cal.a) AS training_completed,
    count(*) FILTER (WHERE t.completed AND t.enrolled_date > cal.a12 AND t.enrolled_date <= cal.a) AS training_completed_12m
  FROM training_enrolment t, cal GROUP BY t.id_number
), certs AS (
  SELECT k.id_number, count(*) AS certificates, min(k.level) AS best_certificate_level
  FROM certificate k, cal WHERE k.issued_date <= cal.a GROUP BY k.id_number
)`;

const settled12 = `(s.settle_date > cal.a12 AND s.settle_date <= cal.a)`;
const medicalCte = `medical AS (
  SELECT s.id_number,
    sum(s.total_cost) FILTER (WHERE ${settled12}) AS medical_cost_12m,
    sum(s.out_of_pocket) FILTER (WHERE ${settled12}) AS medical_oop_12m,
    count(*) FILTER (WHERE ${settled12} AND s.inpatient) AS inpatient_stays_12m
  FROM medical_settlement s, cal GROUP BY s.id_number
)`;

const relationsCte = `disputes AS (
  SELECT d.id_number, count(*) AS disputes_36m FROM arbitration_case d, cal
  WHERE d.filed_date > cal.a36 AND d.filed_date <= cal.a GROUP BY d.id_number
), complaints AS (
  SELECT w.id_number, count(*) AS wage_complaints_36m FROM wage_arrears_complaint w, cal
  WHERE w.filed_date > cal.a36 AND w.filed_date <= cal.a GROUP BY w.id_number
)`;

const familyCte = `parents AS (
  SELECT r.parent AS id_number FROM (
    SELECT mother_id_number AS parent, birth_date FROM birth_record
    UNION ALL SELECT father_id_number, birth_date FROM birth_record
  ) r, cal WHERE r.parent IS NOT NULL AND r.birth_date > cal.a12 AND r.birth_date <= cal.a GROUP BY r.parent
), household_births AS (
  SELECT q.household_id, count(*) AS newborns FROM person q, cal
  WHERE q.household_id IS NOT NULL AND q.birth_date > cal.a12 AND q.birth_date <= cal.a GROUP BY q.household_id
), deaths AS (
  SELECT id_number, min(death_date) AS death_date FROM death_record GROUP BY id_number
)`;

const int = (expr: string) => `CAST(coalesce(${expr}, 0) AS INTEGER)`;
const money = (expr: string) => `CAST(coalesce(${expr}, 0) AS DOUBLE)`;

const finalSelect = `SELECT p.id_number,
  date_sub('year', p.birth_date, cal.a) AS age,
  p.sex, p.birth_date,
  (p.death_date IS NULL OR p.death_date > cal.a) AND (dr.death_date IS NULL OR dr.death_date > cal.a) AS alive,
  p.hukou_type, p.hukou_region, substr(p.hukou_region, 1, 4) || '00' AS hukou_city, p.residence_region,
  coalesce(p.residence_region, p.hukou_region) AS region,
  substr(p.hukou_region, 1, 4) = home.city AS local_hukou,
  p.education, p.graduation_year, year(cal.a) - p.graduation_year AS years_since_graduation,
  coalesce(p.disability, 'none') AS disability_grade,
  coalesce(p.disability, 'none') <> 'none' AS disabled,
  coalesce(p.demobilised_officer, false) AS demobilised_officer,
  coalesce(h.low_income, false) AS household_low_income,
  h.members AS household_members,
  pa.id_number IS NOT NULL AS parent_of_newborn_12m,
  pa.id_number IS NOT NULL OR coalesce(hb.newborns, 0) - CASE WHEN p.birth_date > cal.a12 THEN 1 ELSE 0 END > 0 AS household_newborn_12m,
  ${monthlySchemes.flatMap((s) => contributionWindows.map((w) => `${int(`bit_count(c.mask_${s.code} & ${windowMask(w)})`)} AS contrib_months_${w}m_${s.code}`)).join(',\n  ')},
  ${int(`bit_count(c.mask_all & ${windowMask(12)})`)} AS contrib_months_12m,
  ${int('bit_count(c.mask_all)')} AS contrib_months_36m,
  ${int(`CASE WHEN c.mask_employee > 0 THEN CAST(floor(log2(c.mask_employee)) AS INTEGER) - bit_count((c.mask_employee & -c.mask_employee) - 1) + 1 - bit_count(c.mask_employee) END`)} AS contrib_gap_months_36m,
  coalesce(c.mask_170 & ${windowMask(12)} > 0, false) AS resident_pension_paid_12m,
  coalesce(c.mask_390 & ${windowMask(12)} > 0, false) AS resident_medical_paid_12m,
  ${int('e24.distinct_employers_24m')} AS distinct_employers_24m,
  ${int('c.distinct_regions_24m')} AS distinct_regions_24m,
  ${int('c.arrears_months')} AS arrears_months,
  ${money('c.arrears_amount')} AS arrears_amount,
  c.last_paid_period,
  date_diff('month', c.last_paid_period, cal.m) AS months_since_last_contribution,
  ${int('c.back_payments_12m')} AS back_payments_12m,
  ${['110', '170', '310', '390', '210', '410'].map((s) => `coalesce(n.state_${s} > 0, false) AS insured_${s}`).join(', ')},
  coalesce(n.state_110 > 0 OR n.state_170 > 0, false) AS pension_insured,
  coalesce(n.state_310 > 0 OR n.state_390 > 0, false) AS medical_insured,
  coalesce(${enrolmentStates.map((s) => `n.state_${s} = 2`).join(' OR ')}, false) AS flexible_worker,
  coalesce(j.employed, false) AS employed,
  CASE WHEN j.employed THEN 'employed' WHEN b.pension_drawn THEN 'retired'
       WHEN s.registered_unemployed THEN 'unemployed' ELSE 'other' END AS employment_status,
  j.current_employer, ce.industry AS current_industry, CAST(j.current_wage AS DOUBLE) AS current_wage,
  j.current_contract_type, j.employment_start_date, j.first_employment_date,
  ${int('j.employment_spells_24m')} AS employment_spells_24m,
  coalesce(bz.self_employed, false) AS self_employed,
  coalesce(bz.new_business_12m, false) AS new_business_12m,
  coalesce(p.hukou_type = 'rural' AND NOT (substr(p.hukou_region, 1, 4) = home.city) AND j.employed, false) AS migrant_worker,
  coalesce(s.registered_unemployed, false) AS registered_unemployed,
  CAST(date_sub('month', s.unemployed_since, cal.a) AS INTEGER) AS unemployed_months,
  coalesce(s.job_seeker, false) AS job_seeker,
  coalesce(s.wants_business, false) AS wants_business,
  coalesce(b.pension_drawn, false) AS pension_drawn,
  CAST(b.pension_monthly AS DOUBLE) AS pension_monthly,
  coalesce(b.unemployment_benefit, false) AS unemployment_benefit,
  ${int('t.training_completed')} AS training_completed,
  ${int('t.training_completed_12m')} AS training_completed_12m,
  ${int('k.certificates')} AS certificates,
  k.best_certificate_level,
  ${money('md.medical_cost_12m')} AS medical_cost_12m,
  ${money('md.medical_oop_12m')} AS medical_oop_12m,
  CAST(md.medical_oop_12m / nullif(md.medical_cost_12m, 0) AS DOUBLE) AS medical_oop_share_12m,
  ${int('md.inpatient_stays_12m')} AS inpatient_stays_12m,
  ${int('dp.disputes_36m')} AS disputes_36m,
  ${int('wc.wage_complaints_36m')} AS wage_complaints_36m
FROM person p CROSS JOIN cal CROSS JOIN home
LEFT JOIN household h ON h.household_id = p.household_id
LEFT JOIN deaths dr ON dr.id_number = p.id_number
LEFT JOIN parents pa ON pa.id_number = p.id_number
LEFT JOIN household_births hb ON hb.household_id = p.household_id
LEFT JOIN contrib c ON c.id_number = p.id_number
LEFT JOIN employers24 e24 ON e24.id_number = p.id_number
LEFT JOIN enrol n ON n.id_number = p.id_number
LEFT JOIN job j ON j.id_number = p.id_number
LEFT JOIN employer ce ON ce.credit_code = j.current_employer
LEFT JOIN business bz ON bz.id_number = p.id_number
LEFT JOIN seeker s ON s.id_number = p.id_number
LEFT JOIN benefits b ON b.id_number = p.id_number
LEFT JOIN training t ON t.id_number = p.id_number
LEFT JOIN certs k ON k.id_number = p.id_number
LEFT JOIN medical md ON md.id_number = p.id_number
LEFT JOIN disputes dp ON dp.id_number = p.id_number
LEFT JOIN complaints wc ON wc.id_number = p.id_number
WHERE p.birth_date <= cal.a`;

/** The person facts as a SELECT (no table): `buildFacts` stores it, the tag build wraps it with the tags. */
export const personFactSelect = `WITH ${[calendarCte, homeCte, contributionCte, employersCte, enrolmentCte, jobCte, businessCte, seekerCte, benefitCte, skillsCte, medicalCte, relationsCte, familyCte].join(',\n')}
${finalSelect}`;
