import { describe, expect, it } from 'vitest';
import { buildTimeline, summariseContributions, type ArchiveRows, type ContributionRow } from './person-timeline.ts';

const row = (period: string, paid: string | null, o: Partial<ContributionRow> = {}): ContributionRow => ({
  scheme: '110', period, credit_code: 'C1', due_date: `${period.slice(0, 8)}28`, paid_date: paid, payment_type: 'normal', amount: 100, ...o,
});

describe('contribution summary by year', () => {
  it('marks paid, late, arrears and gap months per year and scheme', () => {
    const rows = [
      row('2025-11-01', '2025-11-20'),
      row('2025-12-01', '2026-02-01'),
      // 2026-01 and 2026-02 missing: a gap
      row('2026-03-01', '2026-03-10'),
      row('2026-04-01', null),
      row('2026-05-01', null, { due_date: '2026-07-15' }), // not yet due on the as-of date: neither paid nor arrears
      row('2026-12-01', null), // after the as-of month: ignored
      row('2026-01-01', '2026-01-05', { scheme: '390', amount: 400 }),
    ];
    const years = summariseContributions(rows, '2026-06-30');
    const y2026 = years.find((y) => y.year === 2026 && y.scheme === '110')!;
    expect(y2026).toMatchObject({ monthsPaid: 1, monthsArrears: 1, monthsGap: 3, amountArrears: 100, arrears: ['2026-04'], gaps: ['2026-01', '2026-02', '2026-06'] });
    const y2025 = years.find((y) => y.year === 2025)!;
    expect(y2025).toMatchObject({ monthsPaid: 2, monthsLate: 1, monthsGap: 0, amountPaid: 200, schemeZh: '企业职工基本养老保险' });
    expect(years.find((y) => y.scheme === '390')).toMatchObject({ monthsPaid: 1, monthsGap: 0 });
    expect(years.map((y) => `${y.year}:${y.scheme}`)).toEqual(['2026:110', '2026:390', '2025:110']);
  });
});

describe('person timeline', () => {
  const empty: ArchiveRows = { enrolments: [], employment: [], benefits: [], registrations: [], training: [], certificates: [], arbitration: [], complaints: [], births: [], businesses: [], deathDate: null };

  it('puts every kind of record on one dated line, newest first, nothing after the as-of date', () => {
    const t = buildTimeline({
      ...empty,
      employment: [{ credit_code: 'C1', employer_name: '成都某某公司', start_date: '2020-03-01', end_date: '2025-06-30', separation_reason: 'involuntary' }],
      registrations: [{ registration_type: 'unemployed', registered_date: '2025-07-10', ended_date: null, wants_business: true }],
      benefits: ['2025-08-01', '2025-09-01', '2025-10-01'].map((period) => ({ benefit_type: 'unemployment', period })),
      certificates: [{ certificate_no: 'Z1', occupation: '6-29-01-01', level: 4, issued_date: '2019-05-01' }],
      enrolments: [{ scheme: '110', status: 'active', effective_date: '2027-01-01', credit_code: null, flexible: false }],
    }, '2026-06-30');
    expect(t.map((e) => e.kind)).toEqual(['benefit_end', 'benefit_start', 'registration', 'separation', 'employment', 'certificate']);
    expect(t[3].zh).toBe('离开 成都某某公司（非本人意愿）');
    expect(t[2].en).toMatch(/wants to start a business/);
  });
});
