import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Database } from '../../src/platform/database.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { readIndicatorSeries, refreshIndicators } from '../../src/indicators/indicator-store.ts';
import {
  aBenefit, aContribution, aJobSeeker, aPerson, aStore, aVacancy, anEmployer, anEmployment, anEnrolment, insert,
} from './tags-builders.ts';

/**
 * A two-district city over January–March 2024 (锦江 510104, 青羊 510105 in 成都 510100), small enough that every
 * indicator can be worked out by hand.
 */
const JJ = '510104';
const QY = '510105';
const months = ['2024-01-01', '2024-02-01', '2024-03-01'];
const day = (period: string, d: number) => `${period.slice(0, 8)}${String(d).padStart(2, '0')}`;

describe('indicator refresh (DuckDB)', () => {
  let store: Awaited<ReturnType<typeof aStore>>;
  let db: Database;
  const series = async (code: string, region: string) => Object.fromEntries((await readIndicatorSeries(db, code, region)).map((p) => [p.period, p.value]));

  beforeAll(async () => {
    store = await aStore();
    db = store.db;
    const workers = [aPerson(), aPerson(), aPerson(), aPerson()];
    const qyWorker = aPerson({ hukou_region: QY });
    const [u1, u2, seeker] = [aPerson(), aPerson(), aPerson()];
    await insert(db, 'person', [...workers, qyWorker, u1, u2, seeker]);
    const plant = anEmployer({ region: JJ });
    await insert(db, 'employer', [plant]);
    // Four contributors in 锦江 and one in 青羊 every month; one March contribution in 锦江 is unpaid.
    const contributions = months.flatMap((period) => [
      ...workers.map((w, i) => aContribution({
        id_number: w.id_number, credit_code: plant.credit_code, period, base: 5000 + 1000 * i, employer_amount: 800, personal_amount: 400,
        due_date: day(period, 15), paid_date: period === '2024-03-01' && i === 0 ? null : day(period, 10), region: JJ,
      })),
      aContribution({ id_number: qyWorker.id_number, period, base: 8000, employer_amount: 1000, personal_amount: 500, due_date: day(period, 15), paid_date: day(period, 12), region: QY }),
    ]);
    await insert(db, 'contribution', contributions);
    await insert(db, 'job_seeker', [
      aJobSeeker({ id_number: u2.id_number, registered_date: '2023-12-01', ended_date: '2024-02-15', region: JJ }),
      aJobSeeker({ id_number: u1.id_number, registered_date: '2024-02-10', region: JJ }),
      aJobSeeker({ id_number: seeker.id_number, registration_type: 'job_seeker', registered_date: '2024-01-05', region: QY }),
    ]);
    await insert(db, 'vacancy', [aVacancy({ credit_code: plant.credit_code, positions: 3, posted_date: '2024-01-10', closed_date: '2024-02-20', region: JJ })]);
    await insert(db, 'benefit', [aBenefit({ id_number: u1.id_number, benefit_type: 'unemployment', period: '2024-03-01', amount: 1800, region: JJ })]);
    await insert(db, 'enrolment', [
      anEnrolment({ id_number: workers[0].id_number, effective_date: '2023-01-01' }),
      anEnrolment({ id_number: workers[0].id_number, status: 'suspended', effective_date: '2024-02-15' }),
      anEnrolment({ id_number: workers[1].id_number, effective_date: '2023-06-01' }),
      anEnrolment({ id_number: workers[1].id_number, status: 'terminated', effective_date: '2024-02-01' }),
    ]);
    await insert(db, 'employment', [
      anEmployment({ id_number: u1.id_number, credit_code: plant.credit_code, start_date: '2020-01-01', end_date: '2024-02-05', separation_reason: 'involuntary' }),
      anEmployment({ id_number: seeker.id_number, credit_code: plant.credit_code, start_date: '2024-03-04' }),
    ]);
    await refreshIndicators(db, fixedClock('2024-04-20T08:00:00Z'));
  });
  afterAll(() => store.cleanup());

  it('counts registered unemployed at month end and the rate against contributors, by county and city', async () => {
    expect(await series('REG_UNEMPLOYED', JJ)).toEqual({ '2024-01': 1, '2024-02': 1, '2024-03': 1 });
    // January: 1 unemployed / (1 + 4 contributors); the city adds 青羊's contributor to the denominator.
    expect((await series('REG_UNEMP_RATE', JJ))['2024-01']).toBeCloseTo(20, 10);
    expect((await series('REG_UNEMP_RATE', '510100'))['2024-01']).toBeCloseTo((100 * 1) / 6, 10);
    expect(await series('NEW_UNEMP_REG', JJ)).toEqual({ '2024-02': 1 });
    expect(await series('INVOLUNTARY_SEPARATIONS', JJ)).toEqual({ '2024-02': 1 });
    expect(await series('NEW_JOBS', JJ)).toEqual({ '2024-03': 1 });
  });

  it('computes vacancies per job seeker from open positions and open registrations', async () => {
    // January 锦江: 3 open positions, 1 registration (u2); February: the vacancy closed on the 20th.
    expect(await series('VACANCY_RATIO', JJ)).toEqual({ '2024-01': 3, '2024-02': 0, '2024-03': 0 });
    expect(await series('VACANCY_RATIO', '510100')).toEqual({ '2024-01': 1.5, '2024-02': 0, '2024-03': 0 });
  });

  it('follows enrolment status histories: suspended stays insured, terminated leaves', async () => {
    expect(await series('INSURED.110', JJ)).toEqual({ '2024-01': 2, '2024-02': 1, '2024-03': 1 });
    expect(await series('CONTRIBUTORS.110', '510100')).toEqual({ '2024-01': 5, '2024-02': 5, '2024-03': 5 });
  });

  it('computes fund income, expenditure, balance, reserve and months covered', async () => {
    expect(await series('FUND_INCOME.110', JJ)).toEqual({ '2024-01': 4800, '2024-02': 4800, '2024-03': 3600 });
    expect(await series('FUND_EXPENDITURE.210', JJ)).toEqual({ '2024-03': 1800 });
    expect((await series('FUND_BALANCE.110', '510100'))['2024-03']).toBe(3600 + 1500);
    expect(await series('FUND_RESERVE.110', JJ)).toEqual({ '2024-01': 4800, '2024-02': 9600, '2024-03': 13200 });
  });

  it('computes the average base and the arrears rate as ratios of sums', async () => {
    expect((await series('AVG_BASE', JJ))['2024-01']).toBe(6500);
    expect((await series('AVG_BASE', '510100'))['2024-01']).toBe((5000 + 6000 + 7000 + 8000 + 8000) / 5);
    expect((await series('ARREARS_RATE', JJ))['2024-03']).toBeCloseTo((100 * 1200) / 4800, 10);
    expect((await series('ARREARS_RATE', JJ))['2024-01']).toBe(0);
  });

  it('replaces the previous values on a second refresh instead of adding to them', async () => {
    await refreshIndicators(db, fixedClock('2024-04-20T08:00:00Z'));
    expect(await series('REG_UNEMPLOYED', JJ)).toEqual({ '2024-01': 1, '2024-02': 1, '2024-03': 1 });
  });
});
