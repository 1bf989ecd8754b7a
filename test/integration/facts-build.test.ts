import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFacts, readFactColumns, readFactRow } from '../../src/facts/facts-store.ts';
import { factCatalogue } from '../../src/facts/fact-catalogue.ts';
import type { Database } from '../../src/platform/database.ts';
import {
  aBirth, aBusinessRegistration, aComplaint, aContribution, aHousehold, aJobSeeker, aPerson, aSettlement, anEmployer,
  anEmployment, anEnrolment, anInspection, aBenefit, aStore, insert, type RowOf,
} from './tags-builders.ts';

const asOf = '2026-10-31';
const months = (from: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i);
    return d.toISOString().slice(0, 10);
  });

describe('person and employer facts', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  const steady = aPerson({ birth_date: '1980-11-01', sex: '2' });
  const mover = aPerson({ birth_date: '1995-06-15', hukou_type: 'rural', hukou_region: '411302', residence_region: '510104' });
  const mother = aPerson({ birth_date: '1996-02-01', sex: '2', household_id: 'H9' });
  const grandad = aPerson({ birth_date: '1950-02-01', household_id: 'H9' });
  const baby = aPerson({ birth_date: '2026-04-02', household_id: 'H9' });
  const jobless = aPerson({ birth_date: '1972-01-01' });
  const firmA = anEmployer({ region: '510104' });
  const firmB = anEmployer({ region: '510107', registered_date: '2026-02-01', legal_rep_id_number: jobless.id_number });
  const firmC = anEmployer({ region: '510104' });

  beforeAll(async () => {
    ({ db, cleanup } = await aStore());
    await insert(db, 'person', [steady, mover, mother, grandad, baby, jobless]);
    await insert(db, 'household', [aHousehold({ household_id: 'H9', low_income: true, members: 3 })]);
    await insert(db, 'employer', [firmA, firmB, firmC]);
    const contributions: RowOf[] = [];
    // steady: 36 months of 110 paid, at firm A; the last two months (Sep, Oct) due and unpaid → arrears 1 (Oct not yet due)
    for (const period of months('2023-11-01', 36)) {
      const due = new Date(`${period}T00:00:00Z`);
      due.setUTCMonth(due.getUTCMonth() + 1);
      const dueDate = `${due.toISOString().slice(0, 8)}15`;
      const unpaid = period >= '2026-09-01';
      contributions.push(aContribution({ id_number: steady.id_number, credit_code: firmA.credit_code, period, due_date: dueDate, paid_date: unpaid ? null : dueDate }));
    }
    // mover: firm A in region 510104 then firm B in 510107, with a 3-month gap
    for (const period of months('2025-01-01', 6)) contributions.push(aContribution({ id_number: mover.id_number, credit_code: firmA.credit_code, period, paid_date: period }));
    for (const period of months('2025-10-01', 6)) contributions.push(aContribution({ id_number: mover.id_number, credit_code: firmB.credit_code, period, paid_date: period, region: '510107' }));
    await insert(db, 'contribution', contributions);
    await insert(db, 'employment', [
      anEmployment({ id_number: steady.id_number, credit_code: firmA.credit_code, start_date: '2015-03-01' }),
      anEmployment({ id_number: mover.id_number, credit_code: firmA.credit_code, start_date: '2025-01-01', end_date: '2025-06-30' }),
      anEmployment({ id_number: mover.id_number, credit_code: firmB.credit_code, start_date: '2025-10-01', end_date: '2026-03-31' }),
      anEmployment({ id_number: mover.id_number, credit_code: firmC.credit_code, start_date: '2026-06-01', monthly_wage: 5200 }),
    ]);
    await insert(db, 'enrolment', [
      anEnrolment({ id_number: steady.id_number, scheme: '110', effective_date: '2015-03-01' }),
      anEnrolment({ id_number: mover.id_number, scheme: '110', effective_date: '2025-01-01', flexible: true }),
      anEnrolment({ id_number: mover.id_number, scheme: '110', status: 'suspended', effective_date: '2026-04-01' }),
    ]);
    await insert(db, 'birth_record', [aBirth({ child_id_number: baby.id_number, birth_date: '2026-04-02', mother_id_number: mother.id_number })]);
    await insert(db, 'job_seeker', [aJobSeeker({ id_number: jobless.id_number, registered_date: '2025-07-15', wants_business: true })]);
    await insert(db, 'benefit', [aBenefit({ id_number: grandad.id_number, period: '2026-09-01', amount: 3100 }), aBenefit({ id_number: grandad.id_number, period: '2026-10-01', amount: 3200 })]);
    await insert(db, 'medical_settlement', [aSettlement({ id_number: grandad.id_number, total_cost: 20000, out_of_pocket: 8000 })]);
    await insert(db, 'business_registration', [aBusinessRegistration({ legal_rep_id_number: mother.id_number, self_employed: true, registered_date: '2026-01-10' })]);
    await insert(db, 'inspection_case', [
      anInspection({ credit_code: firmB.credit_code, opened_date: '2025-03-01' }),
      anInspection({ credit_code: firmB.credit_code, opened_date: '2025-05-01', outcome: 'obstructed' }),
    ]);
    await insert(db, 'wage_arrears_complaint', [aComplaint({ credit_code: firmB.credit_code, id_number: mover.id_number })]);
    await buildFacts(db, { asOf });
  });
  afterAll(async () => cleanup());

  const facts = (id: string) => readFactRow(db, 'person', id) as Promise<Record<string, unknown>>;

  it('has exactly the catalogue columns, with types that match the catalogue', async () => {
    for (const subject of ['person', 'employer'] as const) {
      const columns = await readFactColumns(db, subject);
      const key = subject === 'person' ? 'id_number' : 'credit_code';
      expect(columns.map((c) => c.name)).toEqual([key, ...factCatalogue[subject].map((f) => f.code)]);
      const sqlType = { number: /INTEGER|DOUBLE|BIGINT/, boolean: /BOOLEAN/, date: /DATE/, text: /VARCHAR/, code: /VARCHAR/ };
      for (const f of factCatalogue[subject]) {
        expect(columns.find((c) => c.name === f.code)!.type, `${subject}.${f.code}`).toMatch(sqlType[f.type]);
      }
    }
  });

  it('counts contribution months per window and finds arrears', async () => {
    const f = await facts(steady.id_number);
    expect(f.age).toBe(45);
    expect(f.contrib_months_12m_110).toBe(10);
    expect(f.contrib_months_36m_110).toBe(34);
    expect(f.contrib_months_12m_310).toBe(0);
    expect(f.arrears_months).toBe(1);
    expect(f.arrears_amount).toBe(1440);
    expect(f.last_paid_period).toBe('2026-08-01');
    expect(f.months_since_last_contribution).toBe(2);
    expect(f.insured_110).toBe(true);
    expect(f.employed).toBe(true);
    expect(f.current_employer).toBe(firmA.credit_code);
  });

  it('sees mobility, gaps, migrant status and the latest enrolment state', async () => {
    const f = await facts(mover.id_number);
    expect(f.distinct_employers_24m).toBe(3);
    expect(f.distinct_regions_24m).toBe(2);
    expect(f.contrib_gap_months_36m).toBe(3);
    expect(f.migrant_worker).toBe(true);
    expect(f.local_hukou).toBe(false);
    expect(f.insured_110).toBe(false);
    expect(f.flexible_worker).toBe(false);
    expect(f.current_wage).toBe(5200);
    expect(f.first_employment_date).toBe('2025-01-01');
  });

  it('links newborns to parents and households, and pensions, medical costs, registrations', async () => {
    const m = await facts(mother.id_number);
    expect(m.parent_of_newborn_12m).toBe(true);
    expect(m.household_newborn_12m).toBe(true);
    expect(m.household_low_income).toBe(true);
    expect(m.self_employed).toBe(true);
    expect(m.new_business_12m).toBe(true);
    const g = await facts(grandad.id_number);
    expect(g.parent_of_newborn_12m).toBe(false);
    expect(g.household_newborn_12m).toBe(true);
    expect(g.pension_drawn).toBe(true);
    expect(g.pension_monthly).toBe(3200);
    expect(g.employment_status).toBe('retired');
    expect(g.medical_oop_share_12m).toBeCloseTo(0.4);
    const b = await facts(baby.id_number);
    expect(b.household_newborn_12m).toBe(false);
    expect(b.age).toBe(0);
    const j = await facts(jobless.id_number);
    expect(j.registered_unemployed).toBe(true);
    expect(j.unemployed_months).toBe(15);
    expect(j.wants_business).toBe(true);
    expect(j.new_business_12m).toBe(true);
    expect(j.employment_status).toBe('unemployed');
  });

  it('computes employer facts: headcount, arrears, complaints and the previous year’s penalties', async () => {
    const a = (await readFactRow(db, 'employer', firmA.credit_code))!;
    expect(a.headcount).toBe(1);
    expect(a.arrears_amount).toBe(1440);
    expect(a.arrears_persons).toBe(1);
    const b = (await readFactRow(db, 'employer', firmB.credit_code))!;
    expect(b.penalties_prev_year).toBe(2);
    expect(b.serious_violations_prev_year).toBe(1);
    expect(b.wage_complaints_12m).toBe(1);
    expect(b.company_age_years).toBe(0);
    expect(b.headcount_12m_ago).toBe(1);
    expect(b.headcount).toBe(0);
  });

  it('does not see the future: an earlier as-of date ignores later rows', async () => {
    await buildFacts(db, { asOf: '2025-12-31' });
    const f = await facts(mover.id_number);
    expect(f.employed).toBe(true);
    expect(f.current_employer).toBe(firmB.credit_code);
    expect(await readFactRow(db, 'person', baby.id_number)).toBeNull();
    const m = await facts(mother.id_number);
    expect(m.parent_of_newborn_12m).toBe(false);
    await buildFacts(db, { asOf });
  });
});
