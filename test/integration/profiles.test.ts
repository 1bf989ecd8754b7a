import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database.ts';
import { readTagCatalogue } from '../../src/tags/tag-catalogue-store.ts';
import { runTagBuild } from '../../src/tags/tag-build-store.ts';
import { readPersonProfile } from '../../src/profiles/person-profile-store.ts';
import { readEmployerProfile } from '../../src/profiles/employer-profile-store.ts';
import { maskPersonProfile } from '../../src/profiles/profile-mask.ts';
import {
  aComplaint, aContribution, anArbitration, aPerson, aStore, aTrainingCourse, aTrainingEnrolment, aVacancy, anEmployer, anEmployment, anInspection, insert,
} from './tags-builders.ts';

describe('person and employer profiles', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  const catalogue = readTagCatalogue();
  const clock = fixedClock('2026-11-01T08:00:00Z');
  const worker = aPerson({ birth_date: '1988-08-08', name: '李小龙', phone: '13712345678' });
  const firm = anEmployer({ name: '成都建工' });
  const course = aTrainingCourse({ name: '焊工培训' });

  beforeAll(async () => {
    ({ db, cleanup } = await aStore());
    await insert(db, 'person', [worker]);
    await insert(db, 'employer', [firm]);
    await insert(db, 'employment', [anEmployment({ id_number: worker.id_number, credit_code: firm.credit_code, start_date: '2026-01-01' })]);
    await insert(db, 'contribution', [
      aContribution({ id_number: worker.id_number, credit_code: firm.credit_code, period: '2026-01-01', due_date: '2026-02-15', paid_date: '2026-02-10' }),
      aContribution({ id_number: worker.id_number, credit_code: firm.credit_code, period: '2026-04-01', due_date: '2026-05-15', paid_date: null }),
    ]);
    await insert(db, 'training_course', [course]);
    await insert(db, 'training_enrolment', [aTrainingEnrolment({ id_number: worker.id_number, course_id: course.course_id })]);
    await insert(db, 'arbitration_case', [anArbitration({ id_number: worker.id_number, credit_code: firm.credit_code, filed_date: '2026-07-01' })]);
    await insert(db, 'wage_arrears_complaint', [aComplaint({ id_number: worker.id_number, credit_code: firm.credit_code, filed_date: '2026-06-01' })]);
    await insert(db, 'inspection_case', [anInspection({ credit_code: firm.credit_code, opened_date: '2026-06-20' })]);
    await insert(db, 'vacancy', [aVacancy({ credit_code: firm.credit_code })]);
    await runTagBuild(db, catalogue, { asOf: '2026-10-31' }, clock);
  });
  afterAll(async () => cleanup());

  it('assembles the archive: contributions by year with gaps and arrears, timeline, facts and tags', async () => {
    const p = (await readPersonProfile(db, catalogue, worker.id_number, clock))!;
    expect(p.asOf).toBe('2026-10-31');
    const y = p.contributions.find((c) => c.year === 2026 && c.scheme === '110')!;
    expect(y).toMatchObject({ monthsPaid: 1, monthsArrears: 1, arrears: ['2026-04'] });
    expect(y.gaps).toEqual(['2026-02', '2026-03', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(p.timeline.map((e) => e.kind)).toEqual(['arbitration', 'complaint', 'training', 'employment']);
    expect(p.timeline.find((e) => e.kind === 'training')!.zh).toContain('焊工培训');
    expect(p.tags.map((t) => t.code)).toEqual(expect.arrayContaining(['in_arrears', 'under_60', 'contributions_interrupted', 'labour_dispute_party']));
    expect(p.facts.find((f) => f.code === 'arrears_months')!.value).toBe(1);
    const masked = maskPersonProfile(p, false);
    expect(masked.person.name).toBe('李**');
    expect(masked.person.id_number).not.toBe(worker.id_number);
    expect(masked.person.phone).toBe('137****5678');
    expect(JSON.stringify(masked)).not.toContain(worker.id_number);
    expect(await readPersonProfile(db, catalogue, 'nobody', clock)).toBeNull();
  });

  it('shows an employer: headcount trend, compliance, arrears, cases and vacancies, without staff identities', async () => {
    const e = (await readEmployerProfile(db, catalogue, firm.credit_code, clock))!;
    expect(e.employer.name).toBe('成都建工');
    expect(e.headcountTrend).toHaveLength(36);
    expect(e.headcountTrend.at(-1)).toEqual({ month: '2026-10', headcount: 1, contributors: 0 });
    expect(e.headcountTrend.find((m) => m.month === '2026-01')).toEqual({ month: '2026-01', headcount: 1, contributors: 1 });
    expect(e.compliance).toEqual([{ year: 2026, due: 2, on_time: 1, late: 0, unpaid: 1, amount_due: 2880, amount_unpaid: 1440 }]);
    expect(e.arrears).toEqual({ months: 1, persons: 1, amount: 1440 });
    expect([e.disputes.length, e.inspections.length, e.complaints.length, e.vacancies.length]).toEqual([1, 1, 1, 1]);
    expect(e.tags.map((t) => t.code)).toEqual(expect.arrayContaining(['employer_wage_arrears_risk', 'employer_in_arrears', 'employer_hiring']));
    expect(JSON.stringify(e)).not.toContain(worker.id_number);
  });
});
