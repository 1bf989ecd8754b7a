import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { resolve } from 'node:path';
import type { Database } from '../../src/platform/database.ts';
import { fixedClock, seededRandom } from '../../src/platform/clock.ts';
import { refreshIndicators } from '../../src/indicators/indicator-store.ts';
import { loadAlertRules } from '../../src/alerts/alert-rules-store.ts';
import { acknowledgeAlert, listAlerts, runAlerts } from '../../src/alerts/alert-store.ts';
import { aContribution, aJobSeeker, aStore, aVacancy, anEmployer, anEmployment, insert, type RowOf } from './tags-builders.ts';

/**
 * A plant closure: three calm districts of 成都 for 30 months, then one of them (锦江 510104) loses a plant —
 * 150 involuntary separations and unemployment registrations in each of the last two months. The shipped
 * rules (data/policy/alerts) must raise red alerts for 锦江 and nothing for the calm districts.
 */
const policyDir = resolve(import.meta.dirname, '../../data/policy');
const SHOCKED = '510104';
const CALM = ['510105', '510106'];
const months = Array.from({ length: 30 }, (_, i) => {
  const index = 2022 * 12 + 4 + i; // 2022-05 … 2024-10
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
});
const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

let sequence = 0;
const anId = (region: string) => `${region}19900101${String(++sequence).padStart(4, '0')}`;

describe('early warning: a plant closure in one district', () => {
  let store: Awaited<ReturnType<typeof aStore>>;
  let db: Database;
  const clock = fixedClock('2024-11-20T09:00:00Z');

  beforeAll(async () => {
    store = await aStore();
    db = store.db;
    const r = seededRandom('plant-closure');
    const employers: RowOf[] = [];
    const employment: RowOf[] = [];
    const seekers: RowOf[] = [];
    const contributions: RowOf[] = [];
    const vacancies: RowOf[] = [];
    for (const region of [SHOCKED, ...CALM]) {
      const employer = anEmployer({ region });
      employers.push(employer);
      const workers = Array.from({ length: 800 }, () => anId(region));
      months.forEach((month, m) => {
        const base = 6000 * 1.03 ** (m / 12);
        for (const id of workers) {
          contributions.push(aContribution({ id_number: id, credit_code: employer.credit_code, period: day(month, 1), base, employer_amount: base * 0.16, personal_amount: base * 0.08, due_date: day(month, 15), paid_date: day(month, 10), region }));
        }
        const shock = region === SHOCKED && m >= months.length - 2 ? 150 : 0;
        const layoffs = Math.max(3, Math.round(10 + 2.5 * r.normal())) + shock;
        for (let k = 0; k < layoffs; k++) {
          const id = anId(region);
          const separated = day(month, 2 + (k % 20));
          employment.push(anEmployment({ id_number: id, credit_code: employer.credit_code, start_date: '2015-03-01', end_date: separated, separation_reason: 'involuntary' }));
          const registered = addDays(separated, 3);
          seekers.push(aJobSeeker({ id_number: id, registered_date: registered, ended_date: addDays(registered, 20 + (k % 25)), region }));
        }
        vacancies.push(aVacancy({ credit_code: employer.credit_code, positions: 30, posted_date: day(month, 1), closed_date: addDays(day(month, 1), 40), region }));
      });
    }
    await insert(db, 'employer', employers);
    await insert(db, 'employment', employment);
    await insert(db, 'job_seeker', seekers);
    await insert(db, 'contribution', contributions);
    await insert(db, 'vacancy', vacancies);
    await refreshIndicators(db, clock);
    await runAlerts(db, clock, loadAlertRules(policyDir));
  }, 180_000);
  afterAll(() => store.cleanup());

  it('raises red alerts for the district with the plant closure, for both months of the shock', async () => {
    const alerts = await listAlerts(db, { region: SHOCKED });
    const surge = alerts.filter((a) => a.ruleId === 'unemployment-registrations-surge');
    expect(surge.map((a) => [a.period, a.level]).sort()).toEqual([['2024-09', 'red'], ['2024-10', 'red']]);
    const separations = alerts.filter((a) => a.ruleId === 'involuntary-separations-surge');
    expect(separations.map((a) => a.level)).toEqual(['red', 'red']);
    // The evidence says why: the value, the district's own median and the robust z-score.
    const evidence = surge[0].evidence as { value: number; median: number; z: number | null; window: { months: number } };
    expect(evidence.value).toBeGreaterThan(150);
    expect(evidence.median).toBeLessThan(15);
    expect(evidence.window.months).toBe(24);
    expect(surge[0].messageZh).toContain('红色预警');
  });

  it('raises nothing for the calm districts', async () => {
    for (const region of CALM) expect(await listAlerts(db, { region })).toEqual([]);
  });

  it('keeps one alert per rule, region and month on a rerun, and keeps the acknowledgement', async () => {
    const [first] = await listAlerts(db, { region: SHOCKED, level: 'red' });
    const acked = await acknowledgeAlert(db, clock, first.id, '张科长', '已联系企业，启动稳岗帮扶');
    expect(acked).toMatchObject({ ackedBy: '张科长', ackNote: '已联系企业，启动稳岗帮扶' });
    const before = (await listAlerts(db)).length;
    await runAlerts(db, clock, loadAlertRules(policyDir));
    expect((await listAlerts(db)).length).toBe(before);
    expect((await listAlerts(db, { id: first.id }))[0].ackedBy).toBe('张科长');
    expect((await listAlerts(db, { openOnly: true })).some((a) => a.id === first.id)).toBe(false);
  });
});
