/**
 * The one pass over the contribution table (the big one) shared by person and employer facts: rows grouped by
 * person, employer and region (a handful of groups per person), each group carrying bit masks of paid months
 * per scheme (bit i = the month i months before the as-of month, i < 36, so distinct months are bit counts),
 * its unpaid months, and on-time counts. Person facts OR the masks per person; employer facts sum per employer.
 * Keyed by person, so it shards by person like the rest. Bound parameter: $as_of.
 */
export const calendarCte = `cal AS (
  SELECT a, m,
    CAST(m - INTERVAL 1 MONTH AS DATE) AS m2, CAST(m - INTERVAL 2 MONTH AS DATE) AS m3,
    CAST(m - INTERVAL 11 MONTH AS DATE) AS m12, CAST(m - INTERVAL 23 MONTH AS DATE) AS m24,
    CAST(m - INTERVAL 35 MONTH AS DATE) AS m36,
    CAST(a - INTERVAL 6 MONTH AS DATE) AS a6, CAST(a - INTERVAL 12 MONTH AS DATE) AS a12,
    CAST(a - INTERVAL 24 MONTH AS DATE) AS a24, CAST(a - INTERVAL 36 MONTH AS DATE) AS a36,
    make_date(year(a) - 1, 1, 1) AS prev_year_start, make_date(year(a) - 1, 12, 31) AS prev_year_end
  FROM (SELECT CAST($as_of AS DATE) AS a, CAST(date_trunc('month', CAST($as_of AS DATE)) AS DATE) AS m)
)`;

const within = (w: number) => `c.period BETWEEN cal.m${w} AND cal.m`;
export const maskSchemes = ['110', '310', '210', '410', '170', '390'] as const;
const employeeSchemes = `('110', '310', '210', '410', '510')`;
export const windowMask = (w: number) => String(2 ** w - 1);

export const contributionGroupsSql = `CREATE OR REPLACE TEMP TABLE fact_contribution_group AS
WITH ${calendarCte}
SELECT c.id_number, c.credit_code, c.region,
    ${maskSchemes.map((s) => `bit_or(CASE WHEN c.scheme = '${s}' THEN c.bit ELSE 0 END) AS mask_${s}`).join(',\n    ')},
    bit_or(CASE WHEN c.scheme IN ${employeeSchemes} THEN c.bit ELSE 0 END) AS mask_employee,
    bit_or(c.bit) AS mask_all,
    bool_or(c.in24) AS in24,
    max(c.period) FILTER (WHERE c.paid) AS last_paid_period,
    count(*) FILTER (WHERE c.back12) AS back_payments_12m,
    list(c.period) FILTER (WHERE c.owed) AS owed_periods,
    sum(c.amount) FILTER (WHERE c.owed) AS owed_amount,
    bool_or(c.scheme = '110' AND c.period = cal_m2) AS due_110_m2,
    count(*) FILTER (WHERE c.due12) AS due_12m,
    count(*) FILTER (WHERE c.due12 AND c.paid_date <= c.due_date) AS on_time_12m
  FROM (
    SELECT c.id_number, c.credit_code, c.region, c.scheme, c.period,
      c.paid_date IS NOT NULL AND c.paid_date <= cal.a AS paid,
      CASE WHEN c.paid_date IS NOT NULL AND c.paid_date <= cal.a AND ${within(36)}
           THEN CAST(1 AS BIGINT) << CAST(date_diff('month', c.period, cal.m) AS INTEGER) ELSE 0 END AS bit,
      ${within(24)} AS in24,
      c.payment_type = 'back_payment' AND c.paid_date > cal.a12 AND c.paid_date <= cal.a AS back12,
      c.due_date <= cal.a AND (c.paid_date IS NULL OR c.paid_date > cal.a) AS owed,
      c.employer_amount + c.personal_amount AS amount,
      c.paid_date, c.due_date, cal.m2 AS cal_m2,
      ${within(12)} AND c.due_date <= cal.a AS due12
    FROM contribution c, cal
  ) c
  GROUP BY c.id_number, c.credit_code, c.region`;
