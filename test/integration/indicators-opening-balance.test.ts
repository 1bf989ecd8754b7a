import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/database.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { readIndicatorSeries, refreshIndicators } from '../../src/indicators/indicator-store.ts';
import type { OpeningBalance } from '../../src/indicators/opening-balance-store.ts';
import { aBenefit, aContribution, aPerson, aStore, insert } from './tags-builders.ts';

/**
 * The unemployment fund of 成都 (510100) with one district, 锦江 (510104), over January–June 2024: ten workers
 * pay 25 + 25 yuan a month (income 500), one unemployed person draws 1,800 from March (balance −1,300).
 * Without an opening balance the city's reserve goes negative by April; the fund's accounts say it held 20,000
 * on 1 January and, audited, 30,000 on 1 May.
 */
const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
const clock = fixedClock('2024-07-20T08:00:00Z');
const anOpening = (o: Partial<OpeningBalance>): OpeningBalance => ({ region: '510100', scheme: '210', effectiveFrom: '2024-01-01', amount: 0, source: null, illustrative: false, ...o });

describe('fund reserve with an opening balance (DuckDB)', () => {
  let store: Awaited<ReturnType<typeof aStore>>;
  let db: Database;
  const series = async (code: string, region: string) => (await readIndicatorSeries(db, code, region)).map((p) => p.value);

  beforeAll(async () => {
    store = await aStore();
    db = store.db;
    const workers = Array.from({ length: 10 }, () => aPerson());
    const jobless = aPerson();
    await insert(db, 'person', [...workers, jobless]);
    await insert(db, 'contribution', months.flatMap((m) => workers.map((w) => aContribution({
      id_number: w.id_number, scheme: '210', period: `${m}-01`, base: 5000, employer_amount: 25, personal_amount: 25,
      due_date: `${m}-15`, paid_date: `${m}-10`, region: '510104',
    }))));
    await insert(db, 'benefit', months.slice(2).map((m) => aBenefit({ id_number: jobless.id_number, benefit_type: 'unemployment', period: `${m}-01`, amount: 1800, region: '510104' })));
  });
  afterAll(() => store.cleanup());

  it('without an opening balance accumulates from zero and says so', async () => {
    const r = await refreshIndicators(db, clock);
    expect(await series('FUND_BALANCE.210', '510100')).toEqual([500, 500, -1300, -1300, -1300, -1300]);
    expect(await series('FUND_RESERVE.210', '510100')).toEqual([500, 1000, -300, -1600, -2900, -4200]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0].zh).toContain('510100 险种 210 未配置期初结存');
    expect(r.notes[0].en).toContain('show direction, not level');
  });

  it('adds the opening balance in force to the city reserve, restarting from a later audited one', async () => {
    const r = await refreshIndicators(db, clock, {
      openingBalances: [
        anOpening({ amount: 20_000 }),
        anOpening({ effectiveFrom: '2024-05-01', amount: 30_000 }),
        anOpening({ scheme: '410', amount: 5_000 }),
      ],
    });
    expect(await series('FUND_RESERVE.210', '510100')).toEqual([20_500, 21_000, 19_700, 18_400, 28_700, 27_400]);
    const june = (await readIndicatorSeries(db, 'FUND_RESERVE.210', '510100'))[5];
    expect(june).toMatchObject({ numerator: -1300, denominator: 30_000 });
    // June: 27,400 ÷ (4 × 1,800 paid over the 6 months of data ÷ 6) = 22.8 months of payouts.
    const cover = await readIndicatorSeries(db, 'FUND_COVER_MONTHS.210', '510100');
    expect(cover.map((p) => p.period)).toEqual(['2024-03', '2024-04', '2024-05', '2024-06']);
    expect(cover[3].value).toBeCloseTo(27_400 / 1200, 10);
    // The fund is pooled at the city: the district's reserve is its own flows only.
    expect(await series('FUND_RESERVE.210', '510104')).toEqual([500, 1000, -300, -1600, -2900, -4200]);
    expect(r.notes.map((n) => n.en)).toEqual(['510100 scheme 410: an opening balance is configured but the fund has no income or expenditure data; not used.']);
  });

  it('warns when the opening balance predates the data or starts after it', async () => {
    const early = await refreshIndicators(db, clock, { openingBalances: [anOpening({ effectiveFrom: '2023-10-01', amount: 20_000 })] });
    expect(await series('FUND_RESERVE.210', '510100')).toEqual([20_500, 21_000, 19_700, 18_400, 17_100, 15_800]);
    expect(early.notes[0].zh).toContain('早于数据首月 2024-01');
    const late = await refreshIndicators(db, clock, { openingBalances: [anOpening({ effectiveFrom: '2024-03-01', amount: 20_000 })] });
    expect(await series('FUND_RESERVE.210', '510100')).toEqual([500, 1000, 18_700, 17_400, 16_100, 14_800]);
    expect(late.notes[0].en).toContain('from 2024-01 until 2024-03 has no opening balance');
  });
});
