import { seededRandom } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database.ts';
import { aContribution, aJobSeeker, aVacancy, anEmployer, anEmployment, insert, type RowOf } from './tags-builders.ts';

/**
 * A test city for indicators, forecasts and alerts: districts with an employer, contributing workers, a steady
 * trickle of involuntary separations that register as unemployed, monthly vacancies and a CPI series (same
 * month last year = 100, as the statistics bureau publishes it). `layoff` adds a plant closure in one district
 * in the last month(s).
 */
export interface CityOptions {
  districts: string[];
  months: number;
  /** First month, YYYY-MM. */
  start: string;
  workers: number;
  layoff?: { region: string; months: number; persons: number };
  seed?: string;
}

export function monthList(start: string, count: number): string[] {
  const first = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => `${Math.floor((first + i) / 12)}-${String(((first + i) % 12) + 1).padStart(2, '0')}`);
}

const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

let sequence = 0;
const anId = (region: string) => `${region}19880101${String(++sequence).padStart(4, '0')}`;

export async function aCityWithLayoff(db: Database, o: CityOptions): Promise<{ months: string[] }> {
  const r = seededRandom(o.seed ?? 'forecast-city');
  const months = monthList(o.start, o.months);
  const rows: Record<string, RowOf[]> = { employer: [], employment: [], job_seeker: [], contribution: [], vacancy: [], macro_indicator: [] };
  for (const region of o.districts) {
    const employer = anEmployer({ region });
    rows.employer.push(employer);
    const workers = Array.from({ length: o.workers }, () => anId(region));
    months.forEach((month, m) => {
      for (const id of workers) {
        rows.contribution.push(aContribution({ id_number: id, credit_code: employer.credit_code, period: day(month, 1), base: 6000, employer_amount: 960, personal_amount: 480, due_date: day(month, 15), paid_date: day(month, 10), region }));
      }
      const shocked = o.layoff && o.layoff.region === region && m >= months.length - o.layoff.months;
      const layoffs = Math.max(2, Math.round(6 + 2 * r.normal())) + (shocked ? (o.layoff as { persons: number }).persons : 0);
      for (let k = 0; k < layoffs; k++) {
        const id = anId(region);
        const separated = day(month, 2 + (k % 20));
        rows.employment.push(anEmployment({ id_number: id, credit_code: employer.credit_code, start_date: '2016-01-01', end_date: separated, separation_reason: 'involuntary' }));
        rows.job_seeker.push(aJobSeeker({ id_number: id, registered_date: addDays(separated, 2), ended_date: addDays(separated, 30), region }));
      }
      rows.vacancy.push(aVacancy({ credit_code: employer.credit_code, positions: 20, posted_date: day(month, 1), closed_date: addDays(day(month, 1), 40), region }));
    });
  }
  months.forEach((month, m) => rows.macro_indicator.push({ indicator: 'CPI', region: `${o.districts[0].slice(0, 2)}0000`, period: day(month, 1), value: 101.5 + Math.sin(m / 4) }));
  for (const [entity, list] of Object.entries(rows)) await insert(db, entity, list);
  return { months };
}
