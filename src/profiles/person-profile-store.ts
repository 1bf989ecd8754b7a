import type { Database } from '../platform/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { TagCatalogue } from '../tags/tag-catalogue.ts';
import { hasRegionNamesEn } from '../reference/reference-store.ts';
import { readProfileBasis, tableExists, type ProfileBasis } from './profile-basis-store.ts';
import { buildTimeline, summariseContributions, type ArchiveRows, type ContributionRow, type ContributionYear, type TimelineEvent } from './person-timeline.ts';

export interface PersonIdentity {
  id_number: string;
  name: string;
  sex: string;
  birth_date: string;
  hukou_region: string;
  hukou_region_name: string | null;
  hukou_region_name_en: string | null;
  hukou_type: string;
  residence_region: string | null;
  residence_region_name: string | null;
  residence_region_name_en: string | null;
  education: string | null;
  graduation_year: number | null;
  phone: string | null;
  household_id: string | null;
  disability: string | null;
  demobilised_officer: boolean | null;
  death_date: string | null;
}

export interface PersonProfile extends ProfileBasis {
  person: PersonIdentity;
  household: { household_id: string; region: string; low_income: boolean; members: number | null } | null;
  contributions: ContributionYear[];
  benefits: { benefit_type: string; months: number; amount: number; first_period: string; last_period: string }[];
  medical: { year: number; settlements: number; inpatient: number; total_cost: number; out_of_pocket: number }[];
  timeline: TimelineEvent[];
}

/**
 * Everything the bureau knows about one person (人员画像 / 电子档案袋), read with small keyed queries: identity,
 * household, contributions by year with gaps and arrears, benefits, medical totals, the timeline, and the
 * current facts and tags. Null when the person is unknown. Masking is the caller's job.
 */
export async function readPersonProfile(db: Database, catalogue: TagCatalogue, id: string, clock: Clock): Promise<PersonProfile | null> {
  const p = { id };
  const regions = await tableExists(db, 'ref_region');
  const english = await hasRegionNamesEn(db);
  const nameOf = (col: string) => (regions ? `(SELECT r.name FROM ref_region r WHERE r.code = p.${col})` : 'NULL');
  const nameEnOf = (col: string) => (english ? `(SELECT r.name_en FROM ref_region r WHERE r.code = p.${col})` : 'NULL');
  const [person] = await db.query<PersonIdentity>(
    `SELECT p.id_number, p.name, p.sex, p.birth_date, p.hukou_region, ${nameOf('hukou_region')} AS hukou_region_name,
            ${nameEnOf('hukou_region')} AS hukou_region_name_en, p.hukou_type, p.residence_region,
            ${nameOf('residence_region')} AS residence_region_name, ${nameEnOf('residence_region')} AS residence_region_name_en,
            p.education, p.graduation_year, p.phone,
            p.household_id, p.disability, p.demobilised_officer, p.death_date
     FROM person p WHERE p.id_number = $id`,
    p,
  );
  if (!person) return null;
  const basis = await readProfileBasis(db, catalogue, 'person', id, clock);
  const [household] = person.household_id
    ? await db.query<PersonProfile['household'] & object>(`SELECT household_id, region, low_income, members FROM household WHERE household_id = $h`, { h: person.household_id })
    : [];
  const contributionRows = await db.query<ContributionRow>(
    `SELECT scheme, period, credit_code, due_date, paid_date, payment_type, CAST(employer_amount + personal_amount AS DOUBLE) AS amount
     FROM contribution WHERE id_number = $id ORDER BY period`,
    p,
  );
  const benefits = await db.query<PersonProfile['benefits'][number]>(
    `SELECT benefit_type, count(*) AS months, CAST(sum(amount) AS DOUBLE) AS amount, min(period) AS first_period, max(period) AS last_period
     FROM benefit WHERE id_number = $id AND period <= $as_of::DATE GROUP BY benefit_type ORDER BY benefit_type`,
    { ...p, as_of: basis.asOf },
  );
  const medical = await db.query<PersonProfile['medical'][number]>(
    `SELECT year(settle_date) AS year, count(*) AS settlements, count(*) FILTER (WHERE inpatient) AS inpatient,
            CAST(sum(total_cost) AS DOUBLE) AS total_cost, CAST(sum(out_of_pocket) AS DOUBLE) AS out_of_pocket
     FROM medical_settlement WHERE id_number = $id AND settle_date <= $as_of::DATE GROUP BY ALL ORDER BY year DESC`,
    { ...p, as_of: basis.asOf },
  );
  const archive: ArchiveRows = {
    enrolments: await db.query(`SELECT scheme, status, effective_date, credit_code, flexible FROM enrolment WHERE id_number = $id`, p),
    employment: await db.query(
      `SELECT e.credit_code, m.name AS employer_name, e.start_date, e.end_date, e.separation_reason
       FROM employment e LEFT JOIN employer m ON m.credit_code = e.credit_code WHERE e.id_number = $id`,
      p,
    ),
    benefits: await db.query(`SELECT benefit_type, period FROM benefit WHERE id_number = $id`, p),
    registrations: await db.query(`SELECT registration_type, registered_date, ended_date, wants_business FROM job_seeker WHERE id_number = $id`, p),
    training: await db.query(
      `SELECT t.course_id, c.name AS course_name, t.enrolled_date, t.completed
       FROM training_enrolment t LEFT JOIN training_course c ON c.course_id = t.course_id WHERE t.id_number = $id`,
      p,
    ),
    certificates: await db.query(`SELECT certificate_no, occupation, level, issued_date FROM certificate WHERE id_number = $id`, p),
    arbitration: await db.query(`SELECT case_no, credit_code, filed_date, category, outcome, closed_date FROM arbitration_case WHERE id_number = $id`, p),
    complaints: await db.query(`SELECT complaint_no, credit_code, filed_date, status FROM wage_arrears_complaint WHERE id_number = $id`, p),
    births: await db.query(`SELECT birth_date FROM birth_record WHERE mother_id_number = $id OR father_id_number = $id`, p),
    businesses: await db.query(
      `SELECT credit_code, name, registered_date, self_employed FROM business_registration WHERE legal_rep_id_number = $id
       UNION SELECT credit_code, name, registered_date, ownership = 'individual' FROM employer WHERE legal_rep_id_number = $id`,
      p,
    ),
    deathDate: person.death_date,
  };
  return {
    ...basis,
    person,
    household: household ?? null,
    contributions: summariseContributions(contributionRows, basis.asOf),
    benefits,
    medical,
    timeline: buildTimeline(archive, basis.asOf),
  };
}
