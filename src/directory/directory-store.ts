import type { Database } from '../platform/database.ts';
import { regionNameEnSql } from '../reference/reference-store.ts';

export interface PersonSearch {
  q?: string;
  region?: string;
  /** The caller's own region limit (GB/T 2260 codes, any level); empty means all regions. */
  allowedRegions: string[];
  limit: number;
  offset: number;
}

/** A full ID number matches exactly; digits match an ID prefix; anything else is a name prefix. */
export async function searchPersons(db: Database, s: PersonSearch): Promise<{ total: number; rows: Record<string, unknown>[] }> {
  const q = s.q?.trim().toUpperCase() || null;
  const where = `WHERE ($q IS NULL OR (CASE WHEN regexp_full_match($q, '[0-9X]{6,18}') THEN p.id_number LIKE $q || '%' ELSE p.name LIKE $q || '%' END))
    AND ($region IS NULL OR p.hukou_region LIKE $region || '%' OR p.residence_region LIKE $region || '%')
    AND ${regionScope}`;
  const params = { q, region: s.region?.replace(/0+$/, '') || null, allowed: scopeParam(s.allowedRegions) };
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM person p ${where}`, params);
  const rows = await db.query(
    `SELECT p.id_number AS "idNumber", p.name, p.sex, p.birth_date AS "birthDate", p.hukou_region AS "hukouRegion",
            r.name AS "hukouRegionName", ${await regionNameEnSql(db)} AS "hukouRegionNameEn", p.hukou_type AS "hukouType",
            p.residence_region AS "residenceRegion", p.phone
     FROM person p LEFT JOIN ref_region r ON r.code = p.hukou_region ${where}
     ORDER BY p.id_number LIMIT $limit OFFSET $offset`,
    { ...params, limit: s.limit, offset: s.offset },
  );
  return { total, rows };
}

/** A person is in scope when their household registration or residence lies in one of the allowed regions. */
const regionScope = `($allowed = '' OR EXISTS (SELECT 1 FROM unnest(string_split($allowed, ',')) AS a(prefix)
  WHERE p.hukou_region LIKE a.prefix || '%' OR p.residence_region LIKE a.prefix || '%'))`;

function scopeParam(regions: string[]): string {
  return regions.map((r) => r.replace(/(00)+$/, '')).filter((r) => /^\d{2,6}$/.test(r)).join(',');
}

export async function getPerson(db: Database, id: string, allowedRegions: string[]): Promise<Record<string, unknown> | null> {
  const rows = await db.query(
    `SELECT p.id_number AS "idNumber", p.name, p.sex, p.birth_date AS "birthDate", p.hukou_region AS "hukouRegion",
            r.name AS "hukouRegionName", ${await regionNameEnSql(db)} AS "hukouRegionNameEn", p.hukou_type AS "hukouType",
            p.residence_region AS "residenceRegion", p.phone, p.education, p.disability, p.death_date AS "deathDate",
            p.demobilised_officer AS "demobilisedOfficer", p.household_id AS "householdId", p.graduation_year AS "graduationYear"
     FROM person p LEFT JOIN ref_region r ON r.code = p.hukou_region WHERE p.id_number = $id AND ${regionScope}`,
    { id, allowed: scopeParam(allowedRegions) },
  );
  return rows[0] ?? null;
}

export async function getPersonRecords(db: Database, id: string) {
  const p = { id };
  // Sequential on purpose: one connection runs one statement at a time.
  const employment = await db.query(
      `SELECT e.credit_code AS "creditCode", m.name AS "employerName", e.occupation, e.start_date AS start, e.end_date AS "end",
              e.separation_reason AS "separationReason"
       FROM employment e LEFT JOIN employer m USING (credit_code) WHERE e.id_number = $id ORDER BY e.start_date DESC`,
      p,
    );
  const enrolments = await db.query(
      `SELECT scheme, status, effective_date AS "effectiveDate", region FROM enrolment WHERE id_number = $id ORDER BY effective_date DESC, scheme`,
      p,
    );
  const contributionsByYear = await db.query(
      `SELECT year(period) AS year, scheme, count(*) AS months, count(paid_date) AS "paidMonths",
              count(*) - count(paid_date) AS "arrearsMonths", sum(employer_amount + personal_amount)::DOUBLE AS amount
       FROM contribution WHERE id_number = $id GROUP BY ALL ORDER BY year DESC, scheme`,
      p,
    );
  const benefits = await db.query(
      `SELECT benefit_type AS "benefitType", count(*) AS months, sum(amount)::DOUBLE AS amount, strftime(max(period), '%Y-%m') AS "lastPeriod"
       FROM benefit WHERE id_number = $id GROUP BY benefit_type ORDER BY benefit_type`,
      p,
    );
  return { employment, enrolments, contributionsByYear, benefits };
}

export interface EmployerSearch {
  q?: string;
  region?: string;
  industry?: string;
  limit: number;
  offset: number;
}

export async function searchEmployers(db: Database, s: EmployerSearch): Promise<{ total: number; rows: Record<string, unknown>[] }> {
  const where = `WHERE ($q IS NULL OR e.name LIKE '%' || $q || '%' OR e.credit_code LIKE upper($q) || '%')
    AND ($region IS NULL OR e.region LIKE $region || '%') AND ($industry IS NULL OR e.industry = $industry)`;
  const params = { q: s.q?.trim() || null, region: s.region?.replace(/0+$/, '') || null, industry: s.industry || null };
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM employer e ${where}`, params);
  const rows = await db.query(
    `WITH page AS (SELECT * FROM employer e ${where} ORDER BY e.name LIMIT $limit OFFSET $offset)
     SELECT p.credit_code AS "creditCode", p.name, p.industry, i.name_zh AS "industryName", p.ownership, p.region,
            r.name AS "regionName", ${await regionNameEnSql(db)} AS "regionNameEn", p.registered_date AS "registeredDate", p.size,
            (SELECT count(DISTINCT id_number) FROM employment m WHERE m.credit_code = p.credit_code AND m.end_date IS NULL) AS headcount
     FROM page p LEFT JOIN ref_region r ON r.code = p.region LEFT JOIN ref_industry i ON i.code = p.industry ORDER BY p.name`,
    { ...params, limit: s.limit, offset: s.offset },
  );
  return { total, rows };
}

export async function getEmployer(db: Database, code: string) {
  const p = { code };
  const [employer] = await db.query(
    `SELECT e.credit_code AS "creditCode", e.name, e.industry, i.name_zh AS "industryName", e.ownership, e.region,
            r.name AS "regionName", ${await regionNameEnSql(db)} AS "regionNameEn", e.registered_date AS "registeredDate",
            e.deregistered_date AS "deregisteredDate", e.size,
            e.injury_risk_class AS "injuryRiskClass"
     FROM employer e LEFT JOIN ref_region r ON r.code = e.region LEFT JOIN ref_industry i ON i.code = e.industry
     WHERE e.credit_code = $code`,
    p,
  );
  if (!employer) return null;
  const headcountByMonth = await db.query(
      `SELECT strftime(period, '%Y-%m') AS period, count(DISTINCT id_number) AS headcount FROM contribution
       WHERE credit_code = $code AND scheme = '110' GROUP BY period ORDER BY period`,
      p,
    );
  const arrears = await db.query<{ months: number; amount: number }>(
      `SELECT count(DISTINCT period) AS months, coalesce(sum(employer_amount + personal_amount), 0)::DOUBLE AS amount
       FROM contribution WHERE credit_code = $code AND paid_date IS NULL`,
      p,
    );
  const cases = await db.query<{ arbitration: number; inspection: number; complaints: number }>(
      `SELECT (SELECT count(*) FROM arbitration_case WHERE credit_code = $code) AS arbitration,
              (SELECT count(*) FROM inspection_case WHERE credit_code = $code) AS inspection,
              (SELECT count(*) FROM wage_arrears_complaint WHERE credit_code = $code) AS complaints`,
      p,
    );
  return { employer, headcountByMonth, arrears: arrears[0], cases: cases[0] };
}
